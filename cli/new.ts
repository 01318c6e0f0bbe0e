// npm run content:new -- event "Dekret o prasie"   (or: source "Tytuł dzieła", person "Lew Trocki", place "Smolny")
// Writes a new file with a slug made from the title or name; never overwrites one.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { eventScaffold, personScaffold, placeScaffold, sourceScaffold } from "../core/content/scaffold";
import { slugify } from "../core/content/slug";
import { runCommand } from "./options";

/** What each kind of file is made from, and where it goes. */
const kinds = new Map([
  ["event", { folder: "events", extension: "md", scaffold: eventScaffold, word: "Title" }],
  ["source", { folder: "sources", extension: "yaml", scaffold: sourceScaffold, word: "Title" }],
  ["person", { folder: "people", extension: "yaml", scaffold: personScaffold, word: "Name" }],
  ["place", { folder: "places", extension: "yaml", scaffold: placeScaffold, word: "Name" }],
]);

await runCommand(async () => {
  const { values, positionals } = parseArgs({ options: { content: { type: "string", default: "content" } }, allowPositionals: true });
  const [kindName, ...words] = positionals;
  const title = words.join(" ").trim();
  const kind = kinds.get(kindName);
  if (!kind || !title) {
    console.error(`usage: ${[...kinds].map(([name, { word }]) => `npm run content:new -- ${name} "${word}"`).join("   |   ")}`);
    return 2;
  }
  const slug = slugify(title);
  if (!slug) {
    console.error(`cannot make a slug from "${title}": use some letters or digits`);
    return 2;
  }
  const dir = path.join(values.content as string, kind.folder);
  const file = path.join(dir, `${slug}.${kind.extension}`);
  // The first person or place of a collection starts its folder (in a content folder that exists).
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  try {
    await writeFile(file, kind.scaffold(title), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      console.error(`${file} already exists: not overwritten`);
      return 1;
    }
    throw error;
  }
  console.log(`created ${file}`);
  return 0;
});
