// An image's items for the sync: its media item, with the renditions its format and size plan (pure), and
// the hash that says when it must be written again: its sidecar's fields, its bytes' hash and the rendition
// settings. The placeholder is the one thing only decoding tells; the sync adds it once the image is processed.
import { createHash } from "node:crypto";
import type { MediaEntry } from "../content/collection";
import { labelled } from "../dates/label";
import { planRenditions, renditionVersion } from "../media/rendition-plan";
import { mediaItem, type StoredMedia } from "../store/items";
import type { EntityItems } from "./published-items";

/** The media item as published, without its placeholder. */
export function storedMedia(entry: MediaEntry): Omit<StoredMedia, "hash"> {
  const { file: _file, size, hash: sourceHash, ...fields } = entry;
  return {
    ...fields,
    // Labelled here, not when rendered: the media hash follows renditionVersion, not the item layout.
    ...(fields.date ? { date: labelled(fields.date) } : {}),
    width: size.width,
    height: size.height,
    sourceHash,
    renditions: planRenditions(entry.slug, sourceHash, entry.format, size),
  };
}

export function mediaItems(entry: MediaEntry): EntityItems {
  const published = storedMedia(entry);
  const hash = createHash("sha256")
    .update(JSON.stringify([renditionVersion, published]))
    .digest("hex")
    .slice(0, 32);
  return {
    kind: "media",
    slug: entry.slug,
    title: entry.alt,
    hash,
    render: () => mediaItem.item({ ...published, hash }),
    memberships: [],
    spanDays: 0,
  };
}
