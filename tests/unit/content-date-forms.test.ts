// Every EDTF form an editor may write, read from YAML as written (quoted or not, alone or in a julian/gregorian
// pair), resolved in both calendars, and each mistake reported where it is written.
import { describe, expect, it } from "vitest";
import { formatHuman } from "../../core/content/diagnostic";
import type { ContentDocument } from "../../core/content/document";
import { validateContent } from "../../core/content/validate";

const event = (slug: string, frontMatter: string): ContentDocument => ({
  file: `content/events/${slug}.md`,
  kind: "event",
  slug,
  text: `---\ntitle: X\n${frontMatter}---\nTreść.\n`,
});

function check(...documents: ContentDocument[]) {
  const result = validateContent(documents);
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => formatHuman(d));
  return { errors, dates: result.collection.events.map((e) => e.date) };
}

/** Each form written in the Julian calendar, with the Gregorian it is (the Julian calendar is 13 days behind in 1900–2099). */
const forms: [julian: string, gregorian: string][] = [
  ["[1917-10-24, 1917-10-25]", "[1917-11-06, 1917-11-07]"],
  ["{1917-10-24, 1917-10-26}", "{1917-11-06, 1917-11-08}"],
  ["[..1917-10]", "[..1917-11-13]"],
  ["[1917-10..]", "[1917-10-14..]"],
  ["[1917-10-24..1917-10-26, 1917-11]", "[1917-11-06..1917-11-08, 1917-11-14..1917-12-13]"],
  ["1917-10-25/..", "1917-11-07/.."],
  ["../1918-03", "../1918-04-13"],
  ["1917/", "1917-01-14/"],
  ["/1918", "/1919-01-13"],
  ["?1917-10-25", "1917-11-07?"],
  ["1917-10?-25", "1917-11-07?"],
  ["191X", "1910-01-14/1920-01-13"],
  ["19XX", "1900-01-13/2000-01-13"],
  ["1917-1X", "1917-10-14/1918-01-13"],
  ["1917-XX-XX", "[1917-01-14..1918-01-13]"],
  ["~1917", "1917-01-14~/1918-01-13~"],
];

describe("date forms in content files", () => {
  it("reads every form as written, unquoted and quoted, in the Gregorian calendar", () => {
    for (const [, form] of [...forms, ...forms.map(([julian]) => [julian, julian])]) {
      for (const written of [form, `"${form}"`, `'${form}'`]) {
        const { errors, dates } = check(event("e", `date: ${written}\n`));
        expect(errors, written).toEqual([]);
        expect(dates[0], written).toMatchObject({ calendar: "gregorian", edtf: form, gregorian: form });
      }
    }
  });

  it("reads every form as written in the Julian calendar, in a block pair and in a flow pair", () => {
    for (const [form, gregorian] of forms) {
      for (const written of [`\n  julian: ${form}\n`, ` { julian: ${form} }\n`, `\n  julian: "${form}"\n`]) {
        const { errors, dates } = check(event("e", `date:${written}`));
        expect(errors, written).toEqual([]);
        expect(dates[0], written).toMatchObject({ calendar: "julian", edtf: form, julian: form, gregorian });
      }
    }
  });

  it("accepts each form given in both calendars, unquoted", () => {
    for (const [julian, gregorian] of forms) {
      const { errors, dates } = check(event("e", `date:\n  julian: ${julian}\n  gregorian: ${gregorian}\n`));
      expect(errors, julian).toEqual([]);
      expect(dates[0], julian).toMatchObject({ calendar: "julian", julian, gregorian });
    }
  });

  it("rejects a Julian/Gregorian pair of any form that disagrees, naming the right counterpart at the gregorian value", () => {
    for (const [julian, gregorian] of forms) {
      // The same text in both calendars names days 13 days apart.
      const { errors } = check(event("e", `date:\n  julian: ${julian}\n  gregorian: ${julian}\n`));
      expect(errors, julian).toEqual([
        `content/events/e.md:5:14: error: julian ${julian} is gregorian ${gregorian}, not ${julian} [date-mismatch]`,
      ]);
    }
  });

  it("still reads a flow map of julian and gregorian as a pair, not as a set", () => {
    const { errors, dates } = check(
      event("para", "date: {julian: 1917-10-25, gregorian: 1917-11-07}\n"),
      event("zla", "date: {julian: 1917-10-25, gregorian: 1917-11-08}\n"),
    );
    expect(dates).toEqual([expect.objectContaining({ calendar: "julian", julian: "1917-10-25", gregorian: "1917-11-07" })]);
    expect(errors).toEqual([
      "content/events/zla.md:3:39: error: julian 1917-10-25 is gregorian 1917-11-07, not 1917-11-08 [date-mismatch]",
    ]);
  });

  it("reports an empty pair as a missing date instead of dropping the event silently", () => {
    expect(check(event("pusta", "date: {}\n")).errors).toEqual([
      "content/events/pusta.md:3:7: error: date needs a julian or a gregorian value (or both) [date-missing]",
    ]);
  });

  it("reports impossible days, reversed runs and reversed intervals in every form, at their line and column", () => {
    const { errors } = check(
      event("luty", "date: [1917-02-30, 1917-03-01]\n"),
      event("gregorianski", "date: {1900-02-29, 1900-03-01}\n"),
      event("julianski", "date:\n  julian: [1900-02-29, 1900-03-01]\n"),
      event("bieg", "date: [1917-10-26..1917-10-25]\n"),
      event("bieg-julianski", "date:\n  gregorian: 1917-11-08\n  julian: [1917-10-26..1917-10-25]\n"),
      event("odcinek", "date: 1917-10-26/1917-10-25\n"),
      event("otwarty", "date:\n  julian: 1917-02-30/..\n"),
      event("nieznany", "date: ../1917-13\n"),
    );
    expect(errors).toEqual([
      "content/events/luty.md:3:7: error: 1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days) [date-invalid]",
      "content/events/gregorianski.md:3:7: error: 1900-02-29 does not exist in the gregorian calendar (February 1900 has 28 days) [date-invalid]",
      'content/events/bieg.md:3:7: error: "1917-10-26..1917-10-25" in [1917-10-26..1917-10-25] ends before it starts [date-interval-order]',
      'content/events/bieg-julianski.md:5:11: error: "1917-10-26..1917-10-25" in [1917-10-26..1917-10-25] ends before it starts [date-interval-order]',
      "content/events/odcinek.md:3:7: error: interval 1917-10-26/1917-10-25 ends before it starts [date-interval-order]",
      "content/events/otwarty.md:4:11: error: 1917-02-30 does not exist in the julian calendar (February 1917 has 28 days) [date-invalid]",
      'content/events/nieznany.md:3:7: error: "1917-13" has no month 13 (months are 01–12) [date-invalid]',
    ]);
  });

  it("asks for quotes around a date YAML cannot read unquoted (% first), at the value, and reads it quoted", () => {
    const { errors } = check(
      event("procent", "date: %1917-10-25\n"),
      event("w-zbiorze", "date: [1917-10-24, %1917-10-25]\n"),
      event("julianska", "date:\n  julian: %1917\n"),
    );
    expect(errors).toEqual([
      'content/events/procent.md:3:7: error: YAML reads no unquoted value starting with %: put it in quotes, "%1917-10-25" [yaml-syntax]',
      'content/events/w-zbiorze.md:3:20: error: YAML reads no unquoted value starting with %: put it in quotes, "%1917-10-25" [yaml-syntax]',
      'content/events/julianska.md:4:11: error: YAML reads no unquoted value starting with %: put it in quotes, "%1917" [yaml-syntax]',
    ]);
    const quoted = check(event("procent", 'date: "%1917-10-25"\n'), event("w-zbiorze", 'date: [1917-10-24, "%1917-10-25"]\n'));
    expect(quoted.errors).toEqual([]);
    expect(quoted.dates.map((d) => [d.edtf, d.uncertain, d.approximate])).toEqual([
      ["%1917-10-25", true, true],
      ["[1917-10-24, %1917-10-25]", true, true],
    ]);
  });

  it("reads people's and places' dates in every form: born 187X, a name in use from a one-of set until an open end", () => {
    const person: ContentDocument = {
      file: "content/people/lenin.yaml",
      kind: "person",
      slug: "lenin",
      text: "name: Lenin\nborn: 187X\ndied: [1924-01-20, 1924-01-21]\n",
    };
    const place: ContentDocument = {
      file: "content/places/piotrogrod.yaml",
      kind: "place",
      slug: "piotrogrod",
      text: "name: Piotrogród\nhistoricalNames:\n  - name: Piotrogród\n    from: { julian: [1914-08-18, 1914-08-19] }\n    until: ../1924-01-26\n",
    };
    const result = validateContent([person, place]);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => formatHuman(d))).toEqual([]);
    expect(result.collection.people[0]).toMatchObject({ born: { gregorian: "187X" }, died: { gregorian: "[1924-01-20, 1924-01-21]" } });
    expect(result.collection.places[0].historicalNames[0]).toMatchObject({ from: { julian: "[1914-08-18, 1914-08-19]" } });
  });
});
