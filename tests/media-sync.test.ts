// The sync of media against DynamoDB Local, renditions written to a folder as `npm start` writes them.
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { folderStorage } from "../core/renditions/folder-storage";
import type { MediaStorage } from "../core/renditions/media-storage";
import { syncContent } from "../core/sync/sync";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";
import { jpegOf, pngOf, sidecarFile, writeMediaFiles } from "./support/media-files";

const withMedia = (slug: string) =>
  eventFile({ title: "Szturm", date: "1917-11-07", sources: ["opracowanie"] }).replace("---\n", `---\nmedia:\n  - media: ${slug}\n`);

async function setUp(media: Record<string, Buffer | string>) {
  const contentDir = await writeContentFolder({
    "sources/opracowanie.yaml": sourceFile("Opracowanie"),
    "events/szturm.md": withMedia("palac"),
  });
  await writeMediaFiles(contentDir, media);
  const root = await mkdtemp(path.join(tmpdir(), "kronika-media-"));
  const { client } = testClient();
  const tableName = await freshTable(client);
  return { contentDir, root, client, tableName };
}

/** Every file under a folder, relative to it. */
async function files(root: string): Promise<string[]> {
  const found = await readdir(root, { recursive: true, withFileTypes: true });
  return found
    .filter((f) => f.isFile())
    .map((f) => path.relative(root, path.join(f.parentPath, f.name)))
    .sort();
}

/** A storage that records, at each upload, whether the table already names the key: it never may. */
function watchedStorage(inner: MediaStorage, named: () => Promise<Set<string>>) {
  const early: string[] = [];
  const storage: MediaStorage = {
    ...inner,
    async put(key, bytes, type) {
      if ((await named()).has(key)) early.push(key);
      await inner.put(key, bytes, type);
    },
  };
  return { storage, early };
}

const namedKeys = async (client: ReturnType<typeof testClient>["client"], tableName: string) =>
  new Set(
    (await tableContents(client, tableName)).flatMap((item) =>
      ((item.renditions as { key: string }[] | undefined) ?? []).map((r) => r.key),
    ),
  );

describe("the sync of media", () => {
  it("writes each width in AVIF, WebP and the original format, uploaded before the items that name them, without the original's EXIF", async () => {
    const photo = await jpegOf(1000, 750, {
      IFD0: { Make: "Kronika Test Camera", Model: "K-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 56/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "30/1 18/1 0/1" },
    });
    expect((await sharp(photo).metadata()).exif?.toString("latin1")).toContain("Kronika Test Camera");
    const { contentDir, root, client, tableName } = await setUp({ "palac.jpg": photo, "palac.yaml": sidecarFile({ caption: "Pałac" }) });
    const { storage, early } = watchedStorage(folderStorage(root), () => namedKeys(client, tableName));

    const outcome = await syncContent({ contentDir, client, tableName, mediaStorage: storage });
    expect(outcome.status).toBe("applied");
    expect(early).toEqual([]);
    const written = await files(root);
    expect(written.map((f) => f.replace(/[0-9a-f]{20}/, "H"))).toEqual(
      ["1000w.avif", "1000w.jpg", "1000w.webp", "320w.avif", "320w.jpg", "320w.webp", "640w.avif", "640w.jpg", "640w.webp"].map(
        (f) => `palac/H-r1-${f}`,
      ),
    );
    for (const file of written) {
      const metadata = await sharp(await readFile(path.join(root, file))).metadata();
      expect(metadata.exif, file).toBeUndefined();
      expect(metadata.xmp, file).toBeUndefined();
      expect(metadata.width, file).toBe(Number(/-(\d+)w\./.exec(file)?.[1]));
    }
    const items = await tableContents(client, tableName);
    const media = items.find((item) => item.pk === "MEDIA#palac" && item.sk === "MEDIA");
    expect(media).toMatchObject({ width: 1000, height: 750, format: "jpeg", caption: "Pałac", alt: "Opis obrazu" });
    expect(((media?.renditions ?? []) as { key: string }[]).map((r) => r.key).sort()).toEqual(written);
    expect(String(media?.placeholder)).toMatch(/^data:image\/webp;base64,/);
    expect(String(media?.placeholder).length).toBeLessThan(600);
    expect(items.find((item) => item.pk === "EVENT#szturm" && item.sk === "EVENT")?.media).toEqual([{ media: "palac" }]);
  });

  it("neither decodes nor uploads an unchanged image, nor one whose sidecar alone changed", async () => {
    const { contentDir, root, client, tableName } = await setUp({ "palac.png": await pngOf(400, 300), "palac.yaml": sidecarFile() });
    await syncContent({ contentDir, client, tableName, mediaStorage: folderStorage(root) });
    const before = await Promise.all((await files(root)).map(async (f) => [f, (await stat(path.join(root, f))).mtimeMs]));
    const puts: string[] = [];
    const counting: MediaStorage = { ...folderStorage(root), put: async (key) => void puts.push(key) };

    const again = await syncContent({ contentDir, client, tableName, mediaStorage: counting });
    expect(again.status === "applied" && again.plan.changes).toEqual([]);
    await writeMediaFiles(contentDir, { "palac.yaml": sidecarFile({ caption: "Nowy podpis" }) });
    const captioned = await syncContent({ contentDir, client, tableName, mediaStorage: counting });
    expect(captioned.status === "applied" && captioned.plan.changes.map((c) => `${c.action} ${c.kind} ${c.slug}`)).toEqual([
      "update media palac",
    ]);
    expect(captioned.status === "applied" && captioned.media).toMatchObject({ decoded: 0, uploaded: 0 });
    expect(puts).toEqual([]);
    const after = await Promise.all((await files(root)).map(async (f) => [f, (await stat(path.join(root, f))).mtimeMs]));
    expect(after).toEqual(before);
    const media = (await tableContents(client, tableName)).find((item) => item.pk === "MEDIA#palac" && item.sk === "MEDIA");
    expect(media).toMatchObject({ caption: "Nowy podpis", placeholder: expect.stringMatching(/^data:image\/webp;base64,/) });
  });

  it("gives a changed image new names and keeps the old renditions through the grace period, then deletes them", async () => {
    const { contentDir, root, client, tableName } = await setUp({ "palac.png": await pngOf(400, 300), "palac.yaml": sidecarFile() });
    const storage = folderStorage(root);
    await syncContent({ contentDir, client, tableName, mediaStorage: storage });
    const first = await files(root);
    await writeMediaFiles(contentDir, { "palac.png": await pngOf(500, 300) });

    await syncContent({ contentDir, client, tableName, mediaStorage: storage, now: () => new Date("2030-01-01T00:00:00Z") });
    const both = await files(root);
    const second = both.filter((f) => !first.includes(f));
    expect(second).toHaveLength(first.length);
    expect(both).toEqual([...first, ...second].sort());
    expect([...(await namedKeys(client, tableName))].sort()).toEqual(second);

    // A sync within the grace period keeps them; one after it deletes them.
    await syncContent({ contentDir, client, tableName, mediaStorage: storage, now: () => new Date("2030-01-20T00:00:00Z") });
    expect(await files(root)).toEqual(both);
    await syncContent({ contentDir, client, tableName, mediaStorage: storage, now: () => new Date("2030-02-01T00:00:00Z") });
    expect(await files(root)).toEqual(second);
    expect((await tableContents(client, tableName)).filter((item) => item.pk === "RETIRED")).toEqual([]);
  });

  it("keeps an SVG as the checked SVG, one rendition at its own size", async () => {
    const drawing = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#c33"/></svg>';
    const { contentDir, root, client, tableName } = await setUp({ "palac.svg": drawing, "palac.yaml": sidecarFile() });
    await syncContent({ contentDir, client, tableName, mediaStorage: folderStorage(root) });
    const written = await files(root);
    expect(written).toEqual([expect.stringMatching(/^palac\/[0-9a-f]{20}-r1-640w\.svg$/)]);
    expect(await readFile(path.join(root, written[0]), "utf8")).toBe(drawing);
  });
});
