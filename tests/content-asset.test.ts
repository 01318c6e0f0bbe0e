// The sync function's asset carries the content files that the check read, and nothing a link points at.
import { lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { ContentSync } from "../infra/content-sync";
import { ContentTable } from "../infra/content-table";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { pngOf, sidecarFile, writeMediaFiles } from "./support/media-files";

/** Every entry under a folder, relative to it, with what it is (without following links). */
async function tree(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const entry = path.join(dir, name);
    const stats = await lstat(entry);
    const kind = stats.isSymbolicLink() ? "link" : stats.isDirectory() ? "dir" : stats.isFile() ? "file" : "other";
    found.push(`${kind} ${path.relative(root, entry)}`);
    if (kind === "dir") found.push(...(await tree(root, entry)));
  }
  return found;
}

describe("the content sync function's asset", () => {
  it("holds only the regular content files, none of what a file or folder link points at", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "kronika-outside-"));
    await writeFile(path.join(outside, "secret.md"), "runner's secret\n");
    await mkdir(path.join(outside, "runner"));
    for (const name of ["a.yaml", "b.md", "credentials"]) await writeFile(path.join(outside, "runner", name), `outside ${name}\n`);

    const contentDir = await writeContentFolder({
      "collection.yaml": "locale: pl\n",
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "1917", sources: ["opracowanie"] }),
    });
    // An image over the 128 KiB text limit: media files have a limit of their own (20 MB).
    const image = await pngOf(1200, 900);
    await writeMediaFiles(contentDir, {
      "palac.png": Buffer.concat([image, Buffer.alloc(200 * 1024 - image.length)]),
      "palac.yaml": sidecarFile(),
    });
    await symlink(path.join(outside, "secret.md"), path.join(contentDir, "events", "sekret.md"));
    await symlink(path.join(outside, "runner"), path.join(contentDir, "sources", "katalog"));
    await symlink(path.join(outside, "runner"), path.join(contentDir, "obrazy"));

    const app = new App({ outdir: await mkdtemp(path.join(tmpdir(), "kronika-cdk-out-")) });
    const stack = new Stack(app, "ContentAsset");
    const sync = new ContentSync(stack, "Sync", { table: new ContentTable(stack, "Table").table, contentDir });
    const assembly = app.synth();

    const functionId = stack.getLogicalId(sync.function.node.defaultChild as never);
    const code = Template.fromStack(stack).toJSON().Resources[functionId].Properties.Code;
    const assetDir = path.join(assembly.directory, `asset.${String(code.S3Key).replace(/\.zip$/, "")}`);
    expect(await tree(path.join(assetDir, "content"))).toEqual([
      "file collection.yaml",
      "dir events",
      "file events/szturm.md",
      "dir media",
      "file media/palac.png",
      "file media/palac.yaml",
      "dir sources",
      "file sources/opracowanie.yaml",
    ]);
    expect(await readFile(path.join(assetDir, "content", "events", "szturm.md"), "utf8")).toBe(
      await readFile(path.join(contentDir, "events", "szturm.md"), "utf8"),
    );
  });
});
