import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCollection } from "../../bench/generate-collection";
import { type ContentDocument, type PathKey, parseContentDocument } from "../../core/content/document";
import { listContentFiles, loadContent } from "../../core/content/load";
import { readPlainYaml } from "../../core/content/plain-yaml";
import { seededRandom } from "../support/seeded-random";

const frontMatter = (doc: ContentDocument) =>
  doc.kind === "event" || doc.kind === "translation" ? (/^---\n([\s\S]*?)^---$/m.exec(doc.text)?.[1] ?? "") : doc.text;

/** Every path into the data, and a few beside it that lead nowhere. */
function pathsOf(data: unknown, prefix: PathKey[] = []): PathKey[][] {
  const paths: PathKey[][] = [prefix, [...prefix, "nowhere"], [...prefix, 99]];
  if (Array.isArray(data)) {
    for (const [index, item] of data.entries()) paths.push(...pathsOf(item, [...prefix, index]));
  } else if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]));
  }
  return paths;
}

/** The fast reader's answer for a document must be the full parser's, in every respect a check can ask. */
function expectSameAsFullParser(doc: ContentDocument) {
  const fast = parseContentDocument(doc);
  const full = parseContentDocument(doc, { plainReader: false });
  const label = `${doc.file}:\n${doc.text}`;
  expect(fast.problems, label).toEqual(full.problems);
  expect(Boolean(fast.parsed), label).toBe(Boolean(full.parsed));
  if (!fast.parsed || !full.parsed) return;
  expect(fast.parsed.data, label).toStrictEqual(full.parsed.data);
  expect(fast.parsed.body, label).toBe(full.parsed.body);
  const ask = (parsed: NonNullable<typeof fast.parsed>) =>
    pathsOf(full.parsed?.data).map((at) => ({
      at,
      written: parsed.writtenText(at),
      has: parsed.has(at),
      locate: parsed.locate(at),
      key: parsed.locate(at, { key: true }),
    }));
  const answers = ask(full.parsed);
  expect(ask(fast.parsed), label).toEqual(answers);
  fast.parsed.release();
  expect(ask(fast.parsed), label).toEqual(answers);
}

const handWritten = [
  "title: Szturm\ndate:\n  julian: 1917-10-25\n",
  "title: 'It''s' # a comment\nsummary: \"Say \\\"hi\\\"\\n\"\n",
  "born: 1883\ndied: -0044\nyear: +12\nzero: 0012\nbig: 12345678901234567890\n",
  "a: ~\nb: null\nc: Null\nd:\ne: true\nf: False\ng: yes\n",
  "a: 0o17\nb: 0x1F\nc: 1.5\nd: .inf\ne: 1e3\nf: .nan\n",
  "date: [1917-10-24, 1917-10-25]\nset: {1917-10-24, 1917-10-26}\n",
  "date: { julian: 1917-10-25, gregorian: 1917-11-07 }\nempty: {}\nnone: []\n",
  "issued:\n  date-parts: [[1946, 3], [1950]]\n",
  'sources:\n  - source: a\n    locator: "s. 1"\n  - source: b\nrelated: [x, y]\n',
  "sources:\n- source: a\n  locator: s. 2\n- source: b\n",
  "notes:\n  - 'one'\n  - two, three\n  - \"four\"\n",
  "summary: Under pressure\n  from the army\n",
  "notes: |\n  literal\n",
  "a: &x 1\nb: *x\n",
  "a: !!str 1\n",
  "a: 1\na: 2\n",
  "a:\n  b: 1\n c: 2\n",
  "a:\n   b: 1\n  c: 2\n",
  "a: b: c\n",
  "a: x #y\nb: x#y\nc: http://example.org/a:b\n",
  "a:b\n",
  "- a\n- b\n",
  "plain\n",
  "",
  "# only a comment\n",
  "a: [b, ]\n",
  "a: [b,,c]\n",
  "a: [b: c]\n",
  "a: 'unclosed\n",
  'a: "unclosed\n',
  'a: "x" y\n',
  "a: [x] y\n",
  "a: {b: 1, b: 2}\n",
  "constructor: 1\n__proto__: 2\ntoString: 3\n",
  "a:\tb\n",
  "a: b\r\n",
  "a: \u00a0b\n",
  "a: b\u00a0\n",
  "a:\n  - - x\n",
  "a:\n  -\n    b: 1\n",
  "a:\n  - b: 1\n    c:\n      - d\n  - e\n",
  "title: Szturm\n  # an indented comment\ndate: 1917\n",
  "---\na: 1\n",
  "a: 1\n...\n",
  "%YAML 1.2\n---\na: 1\n",
  "a: @b\n",
  "a: `b`\n",
  "a: -\n",
  "a: - b\n",
  "a: ? b\n",
  "a: -1\nb: -x\nc: -0044-03-15\n",
  "a: 1917~\nb: 1917?\nc: '%1917'\nd: %1917\n",
  "a: [\"x, y\", 'z']\nb: [ ]\n",
  "a:\nb: 1\n",
  'a: "\\u0041"\n',
  'a: "\\/\\t"\n',
];

/** Mutations of a valid file: what an editor's typo or a hostile file may look like. */
function mutate(text: string, next: () => number): string {
  const pieces = [":", " ", "  ", "-", "- ", "#", " #", '"', "'", "[", "]", "{", "}", ",", "\n", "\n  ", "&", "*", "!", "|", "~", "1", "?"];
  const lines = text.split("\n");
  const roll = next();
  if (roll < 0.2 && lines.length > 1) lines.splice(Math.floor(next() * lines.length), 1);
  else if (roll < 0.35) {
    const at = Math.floor(next() * lines.length);
    lines.splice(at, 0, lines[Math.floor(next() * lines.length)]);
  } else if (roll < 0.5) {
    const at = Math.floor(next() * lines.length);
    lines[at] = next() < 0.5 ? ` ${lines[at]}` : lines[at].replace(/^ /, "");
  } else {
    const joined = lines.join("\n");
    const at = Math.floor(next() * joined.length);
    const piece = pieces[Math.floor(next() * pieces.length)];
    return joined.slice(0, at) + piece + joined.slice(at + (next() < 0.3 ? 1 : 0));
  }
  return lines.join("\n");
}

describe("the fast YAML reader", () => {
  let generated: ContentDocument[] = [];
  let fixture: ContentDocument[] = [];
  let dir = "";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kronika-plain-yaml-"));
    await generateCollection(dir, 300, 60);
    generated = (await loadContent(dir)).documents;
    fixture = [
      ...(await loadContent("tests/fixtures/collection-1917")).documents,
      ...(await loadContent("tests/fixtures/study-text-dates")).documents,
      ...(await loadContent("content")).documents,
    ];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads every file of a generated collection, and most of the shipped ones, without the full parser", () => {
    expect(generated.length).toBe(360);
    expect(generated.filter((doc) => !readPlainYaml(frontMatter(doc))).map((doc) => doc.file)).toEqual([]);
    const read = fixture.filter((doc) => readPlainYaml(frontMatter(doc)));
    expect(listContentFiles("tests/fixtures/collection-1917").files.length).toBeGreaterThan(20);
    expect(read.length / fixture.length).toBeGreaterThan(0.8);
  });

  it("gives the data, written values and positions the full parser gives, for every shipped and generated file", () => {
    for (const doc of [...fixture, ...generated]) expectSameAsFullParser(doc);
  });

  it("reads what it accepts of hand-written edge cases exactly as the full parser does, and declines the rest", () => {
    for (const [i, text] of handWritten.entries()) {
      expectSameAsFullParser({ file: `sources/case-${i}.yaml`, kind: "source", slug: `case-${i}`, text });
      expectSameAsFullParser({ file: `events/case-${i}.md`, kind: "event", slug: `case-${i}`, text: `---\n${text}---\nBody.\n` });
    }
    // Declined: each needs what only the full parser knows (folding, block scalars, anchors, tags, errors).
    for (const text of [handWritten[11], handWritten[12], handWritten[13], handWritten[14], handWritten[15], handWritten[16]]) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
  });

  it("agrees with the full parser on thousands of mutated files, those it declines included", () => {
    const next = seededRandom(1917);
    const samples = [...fixture, ...generated.slice(0, 80)];
    let accepted = 0;
    for (let i = 0; i < 4000; i += 1) {
      const doc = samples[Math.floor(next() * samples.length)];
      let text = doc.text;
      for (let n = 1 + Math.floor(next() * 3); n > 0; n -= 1) text = mutate(text, next);
      const mutated = { ...doc, text };
      if (readPlainYaml(frontMatter(mutated))) accepted += 1;
      expectSameAsFullParser(mutated);
    }
    // The mutations must exercise the fast path too, not only its refusals.
    expect(accepted).toBeGreaterThan(1000);
  });
});
