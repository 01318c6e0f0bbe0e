// npm run content:new -- event "Dekret o prasie"   (or: source "Tytuł dzieła")
// Writes a new file with a slug made from the title; never overwrites one.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { eventScaffold, sourceScaffold } from "../core/content/scaffold";
import { slugify } from "../core/content/slug";
import { runCommand } from "./options";

await runCommand(async () => {
  const { values, positionals } = parseArgs({ options: { content: { type: "string", default: "content" } }, allowPositionals: true });
  const [kind, ...words] = positionals;
  const title = words.join(" ").trim();
  if ((kind !== "event" && kind !== "source") || !title) {
    console.error('usage: npm run content:new -- event "Title"   |   npm run content:new -- source "Title"');
    return 2;
  }
  const slug = slugify(title);
  if (!slug) {
    console.error(`cannot make a slug from "${title}": use some letters or digits`);
    return 2;
  }
  const file = path.join(values.content as string, kind === "event" ? "events" : "sources", `${slug}.${kind === "event" ? "md" : "yaml"}`);
  try {
    await writeFile(file, kind === "event" ? eventScaffold(title) : sourceScaffold(title), { flag: "wx" });
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
