// Reads a content folder into documents: events/*.md, and sources/, people/, places/ and media/*.yaml (with
// media/'s images, as their facts). Anything else there is reported,
// and so is every symbolic link; a file over the size limit is reported without being read.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Diagnostic, diagnostic } from "./diagnostic";
import type { ContentDocument, DocumentKind } from "./document";
import { isImageName, loadImageDocuments, mediaFolder } from "./image-files";
import type { RuleId } from "./rules";
import { maxFileBytes } from "./size-limits";

const folders: { folder: string; kind: DocumentKind; extensions: string[] }[] = [
  { folder: "events", kind: "event", extensions: [".md"] },
  { folder: "sources", kind: "source", extensions: [".yaml", ".yml"] },
  { folder: "people", kind: "person", extensions: [".yaml", ".yml"] },
  { folder: "places", kind: "place", extensions: [".yaml", ".yml"] },
  // The sidecars; the images beside them are read by image-files.ts.
  { folder: mediaFolder, kind: "media", extensions: [".yaml", ".yml"] },
];

/** The collection's settings file, beside the folders. */
export const settingsFileName = "collection.yaml";

export interface LoadedContent {
  documents: ContentDocument[];
  diagnostics: Diagnostic[];
}

/** A file the loader reads: a regular file in its place, not yet read. */
export type ContentFile = Omit<ContentDocument, "text">;

/** A problem with a whole file (or folder), reported at its start. */
const problem = (file: string, rule: RuleId, message: string): Diagnostic => diagnostic(rule, { file, line: 1, col: 1 }, message);

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * Every symbolic link under the folder, however deep, without following any: a link would publish whatever
 * it points at, and the deploy's copy of the folder would carry it.
 */
function symlinksUnder(dir: string, found: Diagnostic[]) {
  for (const entry of entries(dir) ?? []) {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      found.push(
        problem(
          file,
          "symlink",
          "a symbolic link: content must be regular files inside the content folder (replace the link with the file)",
        ),
      );
    } else if (entry.isDirectory()) {
      symlinksUnder(file, found);
    }
  }
}

/**
 * The files the loader reads, found without reading them: regular files only, so a link never counts. The
 * deploy copies exactly these into the sync function.
 */
export function listContentFiles(contentDir: string): { files: ContentFile[]; diagnostics: Diagnostic[] } {
  const files: ContentFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const found = entries(contentDir);
  if (!found) return { files, diagnostics: [problem(contentDir, "content-folder", `content folder ${contentDir} does not exist`)] };
  symlinksUnder(contentDir, diagnostics);
  if (found.some((e) => e.name === settingsFileName && e.isFile())) {
    files.push({ file: path.join(contentDir, settingsFileName), kind: "settings", slug: "collection" });
  }
  for (const { folder, kind, extensions } of folders) {
    const dir = path.join(contentDir, folder);
    for (const entry of entries(dir) ?? []) {
      const { name } = entry;
      const file = path.join(dir, name);
      if (entry.isSymbolicLink()) continue; // reported above
      if (kind === "media" && entry.isFile() && isImageName(name)) continue; // an image: see image-files.ts
      const extension = extensions.find((ext) => name.endsWith(ext));
      if (!entry.isFile() || !extension) {
        if (!name.startsWith(".")) {
          diagnostics.push(problem(file, "unexpected-file", `ignored: ${folder}/ holds only ${extensions.join(" or ")} files`));
        }
        continue;
      }
      const base = name.slice(0, -extension.length);
      // <slug>.<locale>.md is a translation of the event <slug>.
      const translation = kind === "event" ? /^(.+)\.([a-z]{2})$/.exec(base) : null;
      if (translation) files.push({ file, kind: "translation", slug: translation[1], locale: translation[2] });
      else files.push({ file, kind, slug: base });
    }
  }
  return { files, diagnostics };
}

/**
 * A content file's text, or why it was not read. Opened without following a link (one swapped in after the
 * listing is refused), and measured before reading, so a 50 MB file costs nothing. Read synchronously: for
 * thousands of small files, the thread pool's round trips cost four times the reading itself.
 */
export async function readContentFile(file: string): Promise<{ text: string } | { problem: Diagnostic }> {
  const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const { size } = fstatSync(descriptor);
    if (size > maxFileBytes) {
      return {
        problem: problem(
          file,
          "file-size",
          `the file has ${size.toLocaleString("en")} bytes; a content file may have at most ${maxFileBytes.toLocaleString("en")} (it was not read)`,
        ),
      };
    }
    return { text: readFileSync(descriptor, "utf8") };
  } finally {
    closeSync(descriptor);
  }
}

/** Reads files a batch at a time: one by one is slow for large collections, all at once exhausts descriptors. */
async function readAll(files: ContentFile[], batch = 64) {
  const read: Awaited<ReturnType<typeof readContentFile>>[] = [];
  for (let start = 0; start < files.length; start += batch) {
    read.push(...(await Promise.all(files.slice(start, start + batch).map((f) => readContentFile(f.file)))));
  }
  return read;
}

export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const { files, diagnostics } = listContentFiles(contentDir);
  const documents: ContentDocument[] = [];
  (await readAll(files)).forEach((read, i) => {
    if ("problem" in read) diagnostics.push(read.problem);
    else documents.push({ ...files[i], text: read.text });
  });
  documents.push(...(await loadImageDocuments(contentDir)));
  return { documents, diagnostics };
}
