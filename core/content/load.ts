// Reads a content folder into documents: events/*.md and sources/*.yaml. Anything else there is reported.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "./diagnostic";
import type { ContentDocument, DocumentKind } from "./document";

const folders: { folder: string; kind: DocumentKind; extensions: string[] }[] = [
  { folder: "events", kind: "event", extensions: [".md"] },
  { folder: "sources", kind: "source", extensions: [".yaml", ".yml"] },
];

/** The collection's settings file, beside events/ and sources/. */
export const settingsFileName = "collection.yaml";

export interface LoadedContent {
  documents: ContentDocument[];
  diagnostics: Diagnostic[];
}

async function listFiles(dir: string): Promise<string[] | undefined> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Reads files a batch at a time: one by one is slow for large collections, all at once exhausts descriptors. */
async function readAll(files: string[], batch = 64): Promise<string[]> {
  const texts: string[] = [];
  for (let start = 0; start < files.length; start += batch) {
    texts.push(...(await Promise.all(files.slice(start, start + batch).map((file) => readFile(file, "utf8")))));
  }
  return texts;
}

export async function loadContent(contentDir: string): Promise<LoadedContent> {
  const documents: Omit<ContentDocument, "text">[] = [];
  const diagnostics: Diagnostic[] = [];
  const found = await listFiles(contentDir);
  if (!found) {
    diagnostics.push({
      file: contentDir,
      line: 1,
      col: 1,
      rule: "content-folder",
      severity: "error",
      message: `content folder ${contentDir} does not exist`,
    });
    return { documents: [], diagnostics };
  }
  for (const { folder, kind, extensions } of folders) {
    const dir = path.join(contentDir, folder);
    for (const name of (await listFiles(dir)) ?? []) {
      const file = path.join(dir, name);
      const extension = extensions.find((ext) => name.endsWith(ext));
      if (!extension) {
        if (!name.startsWith(".")) {
          diagnostics.push({
            file,
            line: 1,
            col: 1,
            rule: "unexpected-file",
            severity: "warning",
            message: `ignored: ${folder}/ holds only ${extensions.join(" or ")} files`,
          });
        }
        continue;
      }
      const base = name.slice(0, -extension.length);
      // <slug>.<locale>.md is a translation of the event <slug>.
      const translation = kind === "event" ? /^(.+)\.([a-z]{2})$/.exec(base) : null;
      if (translation) documents.push({ file, kind: "translation", slug: translation[1], locale: translation[2] });
      else documents.push({ file, kind, slug: base });
    }
  }
  const settingsFile = path.join(contentDir, settingsFileName);
  if ((found ?? []).includes(settingsFileName)) documents.unshift({ file: settingsFile, kind: "settings", slug: "collection" });
  const texts = await readAll(documents.map((d) => d.file));
  return { documents: documents.map((d, i) => ({ ...d, text: texts[i] })), diagnostics };
}
