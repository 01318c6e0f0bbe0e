// Reads the images of content/media/: each file opened without following a link, measured before it is read
// (a file over the limit is not read at all), and reduced to its facts (core/media/image-facts.ts); the bytes
// are not kept. The sync reads the bytes again for the images it publishes.
import { readdirSync } from "node:fs";
import { constants, open } from "node:fs/promises";
import path from "node:path";
import { type ImageFacts, imageFacts, unreadImageFacts } from "../media/image-facts";
import { formatOfName } from "../media/image-format";
import { maxImageBytes } from "../media/media-limits";
import type { ContentDocument } from "./document";

/** The folder of media: images and their sidecars. */
export const mediaFolder = "media";

/** Whether a file name in media/ is an image's (rather than a sidecar's, or something else). */
export const isImageName = (name: string) => formatOfName(name) !== undefined;

/** The images in media/, regular files only, by name: not yet read. */
export function listImageFiles(contentDir: string): { file: string; slug: string }[] {
  const dir = path.join(contentDir, mediaFolder);
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && isImageName(entry.name))
    .map((entry) => {
      const named = formatOfName(entry.name);
      return { file: path.join(dir, entry.name), slug: entry.name.slice(0, -(named?.extension.length ?? 0)) };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** An image's bytes, opened without following a link; undefined if it is over the limit. */
export async function readImageFile(file: string): Promise<Buffer | undefined> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const { size } = await handle.stat();
    return size > maxImageBytes ? undefined : await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function readFacts(file: string): Promise<ImageFacts> {
  const named = formatOfName(path.basename(file))?.format ?? "jpeg";
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const { size } = await handle.stat();
    if (size > maxImageBytes) return unreadImageFacts(named, size);
    return imageFacts(named, await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** Every image of the folder as a document of kind `image`: no text, its facts instead. Read one at a time. */
export async function loadImageDocuments(contentDir: string): Promise<ContentDocument[]> {
  const documents: ContentDocument[] = [];
  for (const { file, slug } of listImageFiles(contentDir)) {
    documents.push({ file, kind: "image", slug, text: "", image: await readFacts(file) });
  }
  return documents;
}
