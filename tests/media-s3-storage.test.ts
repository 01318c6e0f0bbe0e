// The S3 writer against a stand-in bucket: what it sends (path, signed headers, the object's caching and type)
// and how it reads S3's answers.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "../core/renditions/s3-storage";

describe("the S3 media storage", () => {
  const objects = new Map<string, { body: Buffer; headers: IncomingMessage["headers"] }>();
  const requests: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];
  let endpoint: string;
  let close: () => void;

  beforeAll(async () => {
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = request.url ?? "";
      requests.push({ method: request.method ?? "", url, headers: request.headers });
      if (request.method === "PUT") objects.set(url, { body: Buffer.concat(chunks), headers: request.headers });
      if (request.method === "DELETE") objects.delete(url);
      const status = request.method === "HEAD" ? (objects.has(url) ? 200 : 404) : request.method === "DELETE" ? 204 : 200;
      response.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("puts each rendition under media/, signed with its payload hash, with a year's immutable caching and its type; HEAD tells what is there", async () => {
    const storage = s3Storage({
      bucket: "kronika-media",
      region: "eu-central-1",
      credentials: { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
      endpoint,
    });
    const key = "palac/0123456789abcdef0123-r1-320w.webp";
    const bytes = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
    expect(await storage.has(key)).toBe(false);
    await storage.put(key, bytes, "image/webp");
    expect(await storage.has(key)).toBe(true);
    const stored = objects.get(`/kronika-media/media/${key}`);
    expect(stored?.body).toEqual(bytes);
    expect(stored?.headers).toMatchObject({
      "content-type": "image/webp",
      "cache-control": "public, max-age=31536000, immutable",
      "x-amz-content-sha256": createHash("sha256").update(bytes).digest("hex"),
      "x-amz-security-token": "token",
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
      ),
    });
    await storage.delete(key);
    expect(await storage.has(key)).toBe(false);
    await expect(storage.put("../secrets", bytes, "image/webp")).rejects.toThrow(/not a rendition key/);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `HEAD /kronika-media/media/${key}`,
      `PUT /kronika-media/media/${key}`,
      `HEAD /kronika-media/media/${key}`,
      `DELETE /kronika-media/media/${key}`,
      `HEAD /kronika-media/media/${key}`,
    ]);
  });
});
