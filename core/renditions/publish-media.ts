// Makes and uploads the renditions of the images a sync publishes, before any item naming them is written.
// An image whose bytes are those already published keeps its renditions and placeholder: nothing is decoded
// or uploaded. Otherwise each image is read again (it must still be the bytes the check hashed), decoded
// once, and only the renditions storage lacks are encoded and uploaded: a sync killed midway redoes little.
import type { MediaEntry } from "../content/collection";
import { readImageFile } from "../content/image-files";
import { contentTypeOf } from "../media/image-format";
import { sourceHash } from "../media/rendition-plan";
import type { StoredMedia } from "../store/items";
import { storedMedia } from "../sync/media-items";
import { encodeRenditions } from "./encode";
import type { MediaStorage } from "./media-storage";

export interface MediaPublication {
  /** Placeholders by slug, for the media items about to be written. */
  placeholders: Map<string, string>;
  /** How many renditions were uploaded, and how many images decoded. */
  uploaded: number;
  decoded: number;
}

const sameKeys = (a: { key: string }[], b: { key: string }[]) => a.length === b.length && a.every((r, i) => r.key === b[i].key);

export async function publishMedia(
  entries: MediaEntry[],
  published: ReadonlyMap<string, StoredMedia>,
  storage: MediaStorage,
): Promise<MediaPublication> {
  const result: MediaPublication = { placeholders: new Map(), uploaded: 0, decoded: 0 };
  // One image at a time: a decoded 40-megapixel image takes 160 MB.
  for (const entry of entries) {
    const { renditions } = storedMedia(entry);
    const before = published.get(entry.slug);
    if (before && before.sourceHash === entry.hash && sameKeys(before.renditions, renditions)) {
      if (before.placeholder) result.placeholders.set(entry.slug, before.placeholder);
      continue;
    }
    const present = await Promise.all(renditions.map((r) => storage.has(r.key)));
    const missing = new Set(renditions.filter((_, i) => !present[i]).map((r) => r.key));
    if (entry.format === "svg" && missing.size === 0) continue;
    const bytes = await readImageFile(entry.file);
    if (!bytes || sourceHash(bytes) !== entry.hash) throw new Error(`${entry.file} changed while the sync ran: run it again`);
    if (entry.format === "svg") {
      // Checked safe by content:check; served as written, under a restrictive Content-Security-Policy.
      for (const rendition of renditions) await storage.put(rendition.key, bytes, contentTypeOf.svg);
      result.uploaded += renditions.length;
      continue;
    }
    const encoded = await encodeRenditions(bytes, renditions, (r) => missing.has(r.key));
    result.decoded += 1;
    for (const rendition of renditions) {
      const file = encoded.files.get(rendition.key);
      if (!file) continue;
      await storage.put(rendition.key, file, contentTypeOf[rendition.format]);
      result.uploaded += 1;
    }
    result.placeholders.set(entry.slug, encoded.placeholder);
  }
  return result;
}
