// npm start's /media/: renditions with the headers the CDN gives them, and nothing else, however asked.
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveMedia } from "../cli/media-server";
import { folderStorage } from "../core/renditions/folder-storage";

describe("npm start's media", () => {
  let base: string;
  let close: () => void;
  const key = "palac/0123456789abcdef0123-r1-640w.svg";

  beforeAll(async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kronika-served-"));
    const outside = await mkdtemp(path.join(tmpdir(), "kronika-outside-"));
    await writeFile(path.join(outside, "secret.txt"), "secret");
    await mkdir(path.join(root, "palac"));
    await writeFile(path.join(root, key), '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"/>');
    await symlink(path.join(outside, "secret.txt"), path.join(root, "palac", "0123456789abcdef0123-r1-320w.svg"));
    const media = serveMedia(root);
    const server = createServer(async (request, response) => {
      if (!(await media(request, response))) response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("serves a rendition as immutable, with its type, nosniff and a CSP that lets an SVG run nothing", async () => {
    const response = await fetch(`${base}/media/${key}`);
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(
        ["content-type", "cache-control", "x-content-type-options", "content-security-policy"].map((h) => [h, response.headers.get(h)]),
      ),
    ).toEqual({
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": expect.stringMatching(/^default-src 'none';.*sandbox$/),
    });
    expect(await response.text()).toContain("<svg");
  });

  it("answers 404 for any path that is not a rendition key, a traversal or a link out of the folder included", async () => {
    for (const attempt of [
      "/media/../package.json",
      "/media/%2e%2e/%2e%2e/etc/passwd",
      "/media/palac/..%2f..%2fpackage.json",
      "/media/palac/0123456789abcdef0123-r1-640w.svg/..",
      "/media/palac/0123456789abcdef0123-r1-320w.svg",
      "/media/palac/0123456789abcdef0123-r1-999w.webp",
      "/media/",
    ]) {
      const response = await fetch(`${base}${attempt}`);
      expect([404, 418], attempt).toContain(response.status);
      expect(await response.text(), attempt).not.toContain("secret");
    }
    expect((await fetch(`${base}/media/${key}`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
  });

  it("lets two syncs of one process put the same rendition at once (npm start syncs its table and its preview's)", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kronika-renditions-"));
    const storage = folderStorage(root);
    const bytes = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"/>');
    await Promise.all(Array.from({ length: 8 }, () => storage.put(key, bytes, "image/svg+xml")));
    expect(await readFile(path.join(root, key), "utf8")).toBe(new TextDecoder().decode(bytes));
    expect(await readdir(path.join(root, "palac"))).toEqual([path.basename(key)]);
  });
});
