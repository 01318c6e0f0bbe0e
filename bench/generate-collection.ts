// A large, seeded, realistic collection for the benchmark: events with bodies of a few paragraphs, dates
// in both calendars and all supported forms, names from shared pools, and citations.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { daysInMonth, formatDay, julianToGregorian } from "../core/dates/julian-day";
import { seededRandom } from "../tests/support/seeded-random";

const words =
  "rewolucja rada rząd wojna pokój ziemia chłopi robotnicy armia flota miasto dekret zjazd partia władza naród prasa sąd kościół szkoła kolej fabryka strajk".split(
    " ",
  );

export async function generateCollection(dir: string, events: number, sources: number, seed = 1917): Promise<string[]> {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list)))];
  const sentence = () => {
    const text = Array.from({ length: 8 + Math.floor(next() * 10) }, () => pick(words)).join(" ");
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const people = Array.from({ length: 400 }, (_, i) => `Osoba ${i} ${pick(words)}`);
  const places = Array.from({ length: 200 }, (_, i) => `Miejsce ${i}`);
  const tags = Array.from({ length: 60 }, (_, i) => `temat-${i}`);
  const sourceSlugs = Array.from({ length: sources }, (_, i) => `zrodlo-${i}`);

  const day = () => {
    const year = 1700 + Math.floor(next() * 218);
    const month = 1 + Math.floor(next() * 12);
    return { year, month, day: 1 + Math.floor(next() * daysInMonth("julian", year, month)) };
  };
  const date = () => {
    const roll = next();
    const d = day();
    if (roll < 0.55) return `\n  julian: ${formatDay(d)}`;
    if (roll < 0.7) return `\n  julian: ${formatDay(d)}\n  gregorian: ${formatDay(julianToGregorian(d))}`;
    if (roll < 0.8) return ` ${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}`;
    if (roll < 0.9) return `\n  julian: ${formatDay(d)}/${formatDay({ ...d, year: d.year + 1 + Math.floor(next() * 3) })}`;
    if (roll < 0.95) return ` ${d.year}~`;
    return `\n  julian: -${String(Math.floor(next() * 800)).padStart(4, "0")}-03-15`;
  };

  await mkdir(path.join(dir, "events"), { recursive: true });
  await mkdir(path.join(dir, "sources"), { recursive: true });
  for (const [i, slug] of sourceSlugs.entries()) {
    const text = `type: ${pick(["book", "article", "chapter", "legislation"])}\ntitle: "${sentence()}"\nauthor:\n  - family: Autor${i}\n    given: Jan\nissued:\n  date-parts: [[${1900 + Math.floor(next() * 120)}]]\nlanguage: pl\n`;
    await writeFile(path.join(dir, "sources", `${slug}.yaml`), text);
  }
  const slugs = Array.from({ length: events }, (_, i) => `wydarzenie-${i}`);
  for (const [i, slug] of slugs.entries()) {
    const citations = some(sourceSlugs, 3).map((s) => `  - source: ${s}\n    locator: "s. ${1 + Math.floor(next() * 400)}"\n`);
    const related = i > 0 ? `related: [${slugs[Math.floor(next() * i)]}]\n` : "";
    const list = (name: string, values: string[]) => `${name}: [${values.map((v) => JSON.stringify(v)).join(", ")}]\n`;
    const body = Array.from({ length: 3 }, () => Array.from({ length: 4 }, sentence).join(" ")).join("\n\n");
    const text = `---\ntitle: "${sentence()}"\nsummary: "${sentence()}"\ndate:${date()}\n${list("places", some(places, 3))}${list("people", some(people, 4))}${list("tags", some(tags, 4))}sources:\n${citations.join("")}${related}---\n${body}\n`;
    await writeFile(path.join(dir, "events", `${slug}.md`), text);
  }
  return slugs;
}
