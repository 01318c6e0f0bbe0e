// Writes a throw-away content folder for a test.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export type ContentFiles = Record<string, string>;

export async function writeContentFolder(files: ContentFiles, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), "kronika-content-")));
  for (const folder of ["events", "sources", "people", "places"]) {
    await rm(path.join(root, folder), { recursive: true, force: true });
    await mkdir(path.join(root, folder), { recursive: true });
  }
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
  return root;
}

export const sourceFile = (title: string, type = "book", language = "pl") => `type: ${type}\ntitle: ${title}\nlanguage: ${language}\n`;

export function eventFile(
  fields: {
    title: string;
    date: string;
    tags?: string[];
    people?: string[];
    places?: string[];
    sources?: string[];
    related?: string[];
    draft?: boolean;
  },
  body = "Opis wydarzenia.",
) {
  const list = (name: string, values?: string[]) =>
    values?.length ? `${name}: [${values.map((v) => JSON.stringify(v)).join(", ")}]\n` : "";
  const citations = fields.sources?.length ? `sources:\n${fields.sources.map((s) => `  - source: ${s}\n`).join("")}` : "";
  return `---\ntitle: ${JSON.stringify(fields.title)}\ndate: ${fields.date}\n${list("tags", fields.tags)}${list("people", fields.people)}${list("places", fields.places)}${citations}${list("related", fields.related)}${fields.draft ? "draft: true\n" : ""}---\n${body}\n`;
}

/** Two sources and two linked events of the October insurrection: the small collection the sync tests share. */
export const insurrection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "sources/pipes.yaml": sourceFile("The Russian Revolution"),
  "events/powstanie.md": eventFile({
    title: "Powstanie",
    date: "{ julian: 1917-10-24/1917-10-25 }",
    tags: ["rewolucja"],
    people: ["Lew Trocki"],
    sources: ["opracowanie"],
  }),
  "events/szturm.md": eventFile({
    title: "Szturm",
    date: "{ julian: 1917-10-25/1917-10-26 }",
    tags: ["rewolucja", "szturm"],
    places: ["Pałac Zimowy"],
    sources: ["opracowanie", "pipes"],
    related: ["powstanie"],
  }),
};
