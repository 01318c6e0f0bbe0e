import { readFile } from "node:fs/promises";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ContentDocument } from "../../core/content/document";
import { contentJsonSchemas } from "../../core/content/json-schema";
import { loadContent } from "../../core/content/load";
import { validateContent } from "../../core/content/validate";
import { printedContentSchemas, printedExportSchemas } from "../../schema/printed";

const ajv = new Ajv2020({ strict: false, allErrors: true });
const schemas = contentJsonSchemas();
const validators: Record<Exclude<ContentDocument["kind"], "image">, ReturnType<typeof ajv.compile>> = {
  event: ajv.compile(schemas["event.schema.json"]),
  source: ajv.compile(schemas["source.schema.json"]),
  person: ajv.compile(schemas["person.schema.json"]),
  place: ajv.compile(schemas["place.schema.json"]),
  settings: ajv.compile(schemas["collection.schema.json"]),
  translation: ajv.compile(schemas["translation.schema.json"]),
  media: ajv.compile(schemas["media.schema.json"]),
};

/** What an editor's YAML tooling sees: the YAML (front matter for events) as data. */
const dataOf = (doc: ContentDocument) =>
  parse(doc.kind === "event" || doc.kind === "translation" ? (doc.text.split(/^---\s*$/m)[1] ?? "") : doc.text);

describe("the content's JSON Schemas", () => {
  it("are committed as generated (npm run schema:print)", async () => {
    for (const { file, text } of [...printedContentSchemas(), ...printedExportSchemas()])
      expect(await readFile(file, "utf8"), path.basename(file)).toBe(text);
  });

  it("accept every file of the shipped collection", async () => {
    const { documents } = await loadContent(path.resolve("content"));
    expect(documents.length).toBeGreaterThan(40);
    // Images are bytes, not YAML: their sidecars are what the schema describes.
    for (const doc of documents) {
      if (doc.kind === "image") continue;
      const valid = validators[doc.kind](dataOf(doc));
      expect(valid, `${doc.file}: ${JSON.stringify(validators[doc.kind].errors)}`).toBe(true);
    }
  });

  const shapeErrors: [string, ContentDocument & { kind: keyof typeof validators }][] = [
    ["a missing title", { file: "e/a.md", kind: "event", slug: "a", text: "---\ndate: 1917\n---\n" }],
    ["an unknown field", { file: "e/a.md", kind: "event", slug: "a", text: "---\ntitle: A\ndate: 1917\npalces: [Moskwa]\n---\n" }],
    ["tags that are not a list", { file: "e/a.md", kind: "event", slug: "a", text: "---\ntitle: A\ndate: 1917\ntags: Moskwa\n---\n" }],
    [
      "a citation of a malformed slug",
      { file: "e/a.md", kind: "event", slug: "a", text: "---\ntitle: A\ndate: 1917\nsources:\n  - source: Zła Nazwa\n---\n" },
    ],
    ["a date that is neither text nor a pair", { file: "e/a.md", kind: "event", slug: "a", text: "---\ntitle: A\ndate: true\n---\n" }],
    ["a source of unknown CSL type", { file: "s/a.yaml", kind: "source", slug: "a", text: "type: bok\ntitle: A\n" }],
    ["a source with an unknown field", { file: "s/a.yaml", kind: "source", slug: "a", text: "type: book\ntitle: A\nautor: [x]\n" }],
  ];

  for (const [name, doc] of shapeErrors) {
    it(`reject ${name}, as content:check does`, () => {
      expect(validators[doc.kind](dataOf(doc))).toBe(false);
      const errors = validateContent([doc]).diagnostics.filter((d) => d.severity === "error" && d.rule !== "unknown-source");
      expect(errors.length).toBeGreaterThan(0);
    });
  }

  it("accept every date form as YAML reads it unquoted, as content:check does", () => {
    const documents: (ContentDocument & { kind: keyof typeof validators })[] = [
      "date: 1917",
      "date: -0044",
      "date: [1917-10-24, 1917-10-25]",
      "date: {1917-10-24, 1917-10-26}",
      "date: [..1917-10]",
      "date: [1917, 1918]",
      "date: 1917-10-25/..",
      "date: ../1918-03",
      "date: /1918",
      "date: ?1917-10-25",
      "date: 191X",
      "date: 1917-XX-XX",
      "date:\n  julian: 1917",
      "date:\n  julian: [1917-10-24, 1917-10-25]\n  gregorian: [1917-11-06, 1917-11-07]",
      "date: { julian: {1917-10-24, 1917-10-26} }",
    ].map((date) => ({ file: "content/events/a.md", kind: "event", slug: "a", text: `---\ntitle: A\n${date}\n---\n` }));
    documents.push(
      { file: "content/people/a.yaml", kind: "person", slug: "a", text: "name: A\nborn: 187X\ndied: [1924-01-20, 1924-01-21]\n" },
      { file: "content/places/a.yaml", kind: "place", slug: "a", text: "name: A\nhistoricalNames:\n  - name: B\n    from: ../1703\n" },
    );
    for (const doc of documents) {
      expect(validators[doc.kind](dataOf(doc)), `${doc.text}: ${JSON.stringify(validators[doc.kind].errors)}`).toBe(true);
      const errors = validateContent([doc]).diagnostics.filter((d) => d.severity === "error");
      expect(errors, doc.text).toEqual([]);
    }
  });

  it("reject a date of lists in lists, or a map with values that is not a pair", () => {
    for (const date of ["date: [[1917]]", "date: []", "date: {1917-10-24: x}", "date: [1917, true]"]) {
      const doc: ContentDocument = { file: "e/a.md", kind: "event", slug: "a", text: `---\ntitle: A\n${date}\n---\n` };
      expect(validators.event(dataOf(doc)), date).toBe(false);
      expect(validateContent([doc]).diagnostics.filter((d) => d.severity === "error").length, date).toBeGreaterThan(0);
    }
  });

  it("offer descriptions and the CSL types for completion", () => {
    const event = schemas["event.schema.json"] as { properties: Record<string, { description?: string }> };
    expect(event.properties.date.description).toMatch(/julian, gregorian/);
    const source = schemas["source.schema.json"] as { properties: { type: { enum: string[] } } };
    expect(source.properties.type.enum).toContain("legislation");
  });
});
