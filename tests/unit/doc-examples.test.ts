import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatHuman } from "../../core/content/diagnostic";
import { loadContent } from "../../core/content/load";
import { validateContent } from "../../core/content/validate";
import { knownDay } from "../../core/dates/edtf";
import { isoGregorian, resolveDate } from "../../core/dates/historical-date";
import type { Calendar } from "../../core/dates/julian-day";
import { dateLabel } from "../../core/dates/label";

// Every YAML or Markdown example in the README and docs/ carries a marker saying what it is, and the
// content examples are checked as files of a collection: what an editor copies from the docs must pass.
// Markers: <!-- checked: <path under content/> --> (a whole file), <!-- checked: front-matter --> (keys of
// an event's front matter), <!-- not-content --> (an example of something else).

const fixture = path.resolve("tests/fixtures/collection-1917");
const marker = /<!--\s*(checked:\s*(\S+)|not-content)\s*-->\s*$/;

interface Example {
  doc: string;
  line: number;
  kind: string | undefined;
  text: string;
}

async function examplesOf(doc: string): Promise<Example[]> {
  const lines = (await readFile(doc, "utf8")).split("\n");
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(yaml|markdown|md)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf("```", i + 1);
    const previous =
      lines
        .slice(0, i)
        .reverse()
        .find((line) => line.trim() !== "") ?? "";
    const match = marker.exec(previous);
    examples.push({
      doc,
      line: i + 1,
      kind: match ? (match[2] ?? "not-content") : undefined,
      text: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return examples;
}

const docs = async () => ["README.md", ...(await readdir("docs")).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];

describe("the examples in the README and docs/", () => {
  it("each say what they are", async () => {
    const unmarked = (await Promise.all((await docs()).map(examplesOf))).flat().filter((e) => e.kind === undefined);
    expect(unmarked.map((e) => `${e.doc}:${e.line}`)).toEqual([]);
  });

  it("pass content:check as printed, as files of a collection", async () => {
    const examples = (await Promise.all((await docs()).map(examplesOf))).flat().filter((e) => e.kind && e.kind !== "not-content");
    expect(examples.length).toBeGreaterThan(0);
    const dir = await mkdtemp(path.join(tmpdir(), "kronika-doc-examples-"));
    await cp(fixture, dir, { recursive: true });
    // For each file written, the example and the first line of the file that is the example's own.
    const written = new Map<string, { example: Example; from: number }>();
    for (const [i, example] of examples.entries()) {
      const file = example.kind === "front-matter" ? `events/przyklad-${i}.md` : (example.kind as string);
      // Keys of a front matter become an event with a title, and a date when the example has none.
      const wrapper =
        example.kind === "front-matter" ? `---\ntitle: Przykład ${i}\n${/^date:/m.test(example.text) ? "" : "date: 1917-10-25\n"}` : "";
      const text = example.kind === "front-matter" ? `${wrapper}${example.text}\n---\nOpis.\n` : `${example.text}\n`;
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
      written.set(path.join(dir, file), { example, from: wrapper.split("\n").length });
    }
    const loaded = await loadContent(dir);
    const { diagnostics } = validateContent(loaded.documents);
    const all = [...loaded.diagnostics, ...diagnostics];
    const fromExamples = all.flatMap((d) => {
      const source = written.get(d.file);
      return source && d.line >= source.from ? [`${source.example.doc}:${source.example.line}: ${formatHuman(d)}`] : [];
    });
    expect(fromExamples).toEqual([]);
    expect(all.filter((d) => d.severity === "error").map((d) => formatHuman(d))).toEqual([]);
  });

  it("document each date form in docs/dates.md as the code reads, converts, bounds and labels it", async () => {
    // Rows of the tables whose header starts "| written | in |": the form, its calendar, the meaning (words
    // for people), the other calendar, earliest, latest, certainly, and the labels in Polish and English.
    const lines = (await readFile("docs/dates.md", "utf8")).split("\n");
    const rows: { line: number; cells: string[] }[] = [];
    let inTable = false;
    for (const [i, line] of lines.entries()) {
      if (line.startsWith("| written | in |")) inTable = true;
      else if (!line.startsWith("|")) inTable = false;
      else if (inTable && !line.startsWith("| ---"))
        rows.push({
          line: i + 1,
          cells: line
            .split("|")
            .slice(1, -1)
            .map((c) => c.trim()),
        });
    }
    expect(rows.length).toBeGreaterThan(20);
    const code = (cell: string) => cell.replace(/^`|`$/g, "");
    const day = (julianDay: number) => (knownDay(julianDay) === undefined ? "open" : isoGregorian(julianDay));
    for (const { line, cells } of rows) {
      const [written, calendar] = cells;
      const resolved = resolveDate({ [calendar]: code(written) });
      expect(resolved.ok, `docs/dates.md:${line}: ${written}`).toBe(true);
      if (!resolved.ok) continue;
      const date = resolved.date;
      const certainly = date.certainFirstDay === undefined ? "—" : `${day(date.certainFirstDay)} – ${day(date.certainLastDay as number)}`;
      const otherCalendar: Calendar = calendar === "julian" ? "gregorian" : "julian";
      expect(cells, `docs/dates.md:${line}`).toEqual([
        written,
        calendar,
        cells[2],
        `\`${date[otherCalendar]}\``,
        day(date.firstDay),
        day(date.lastDay),
        certainly,
        dateLabel(date, "pl"),
        dateLabel(date, "en"),
      ]);
    }
  });
});
