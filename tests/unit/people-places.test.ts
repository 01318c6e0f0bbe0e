import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatHuman } from "../../core/content/diagnostic";
import type { ContentDocument } from "../../core/content/document";
import { loadContent } from "../../core/content/load";
import { personScaffold, placeScaffold } from "../../core/content/scaffold";
import { validateContent } from "../../core/content/validate";
import { mainItemOf } from "../../core/store/items";
import { planSync } from "../../core/sync/plan";
import { planMarkdown } from "../../core/sync/plan-report";
import { membershipKeys } from "../../core/sync/published-items";
import { publishedItems } from "../../core/sync/sync";

const source: ContentDocument = {
  file: "content/sources/opracowanie.yaml",
  kind: "source",
  slug: "opracowanie",
  text: "type: book\ntitle: Rewolucja\nlanguage: pl\n",
};
const person = (slug: string, text: string): ContentDocument => ({ file: `content/people/${slug}.yaml`, kind: "person", slug, text });
const place = (slug: string, text: string): ContentDocument => ({ file: `content/places/${slug}.yaml`, kind: "place", slug, text });
const event = (slug: string, references: string, draft = false): ContentDocument => ({
  file: `content/events/${slug}.md`,
  kind: "event",
  slug,
  text: `---\ntitle: ${slug}\ndate: 1918-03-03\n${references}sources:\n  - source: opracowanie\n${draft ? "draft: true\n" : ""}---\nTreść.\n`,
});

const lenin = person(
  "wlodzimierz-lenin",
  [
    "name: Włodzimierz Lenin",
    "names: { en: Vladimir Lenin }",
    "aliases: [Lenin, Władimir Uljanow, Uljanow]",
    "born: { julian: 1870-04-10, gregorian: 1870-04-22 }",
    "died: 1924-01-21",
    "description: Przywódca bolszewików.",
    "wikidata: Q1394",
    "",
  ].join("\n"),
);
const trocki = person("lew-trocki", "name: Lew Trocki\naliases: [Trocki]\n");
const rosja = place("rosja", "name: Rosja\ncoordinates: { lat: 61.524, lon: 105.3188 }\n");
const piotrogrod = place(
  "piotrogrod",
  [
    "name: Piotrogród",
    "names: { en: Petrograd }",
    "historicalNames:",
    "  - name: Sankt Petersburg",
    "    en: Saint Petersburg",
    "    until: 1914-08-30",
    "  - name: Piotrogród",
    "    en: Petrograd",
    "    from: 1914-08-31",
    "    until: 1924-01-25",
    "  - name: Leningrad",
    "    from: 1924-01-26",
    "    until: 1991-09-05",
    "aliases: [Petersburg, Petrograd]",
    "coordinates: { lat: 59.9386, lon: 30.3141 }",
    "within: rosja",
    "wikidata: Q656",
    "",
  ].join("\n"),
);

function check(...documents: ContentDocument[]) {
  const result = validateContent([source, ...documents]);
  const lines = result.diagnostics.map((d) => formatHuman(d));
  return { ...result, lines };
}

describe("people and places", () => {
  it("reads a person's life dates like an event's date, in both calendars", () => {
    const { lines, collection } = check(lenin);
    expect(lines).toEqual([]);
    const [record] = collection.people;
    expect(record).toMatchObject({
      slug: "wlodzimierz-lenin",
      name: "Włodzimierz Lenin",
      names: { en: "Vladimir Lenin" },
      aliases: ["Lenin", "Władimir Uljanow", "Uljanow"],
      born: { calendar: "julian", julian: "1870-04-10", gregorian: "1870-04-22", precision: "day" },
      died: { calendar: "gregorian", julian: "1924-01-08", gregorian: "1924-01-21" },
      description: "Przywódca bolszewików.",
      wikidata: "Q1394",
    });
    expect(record.born?.firstDay).toBe(record.born?.lastDay);
    expect((record.died?.firstDay ?? 0) - (record.born?.firstDay ?? 0)).toBe(19631);
  });

  it("reads a place's names through time, ordered, with inclusive periods as Julian Day Numbers", () => {
    const { lines, collection } = check(rosja, piotrogrod);
    expect(lines).toEqual([]);
    const record = collection.places.find((p) => p.slug === "piotrogrod");
    expect(record).toMatchObject({
      coordinates: { lat: 59.9386, lon: 30.3141 },
      within: "rosja",
      wikidata: "Q656",
      names: { en: "Petrograd" },
    });
    const names = record?.historicalNames ?? [];
    expect(names.map((n) => [n.name, n.names.en])).toEqual([
      ["Sankt Petersburg", "Saint Petersburg"],
      ["Piotrogród", "Petrograd"],
      ["Leningrad", undefined],
    ]);
    expect(names[0].firstDay).toBeUndefined();
    expect(names[1].firstDay).toBe((names[0].lastDay ?? 0) + 1);
    expect(names[2].firstDay).toBe((names[1].lastDay ?? 0) + 1);
    expect(names[2].until?.gregorian).toBe("1991-09-05");
  });

  it("resolves an event's references by slug, name or alias, and leaves the event's own lists as written", () => {
    const { lines, collection } = check(
      lenin,
      trocki,
      rosja,
      piotrogrod,
      event("a", "people: [Lenin, wlodzimierz-lenin, Lew Trocki]\nplaces: [Petrograd, Leningrad, rosja]\n"),
    );
    expect(lines).toEqual([]);
    expect(collection.references.people.resolve("Lenin")).toBe("wlodzimierz-lenin");
    expect(collection.references.people.resolve("wlodzimierz-lenin")).toBe("wlodzimierz-lenin");
    expect(collection.references.people.resolve("Uljanow")).toBe("wlodzimierz-lenin");
    expect(collection.references.places.resolve("Sankt Petersburg")).toBe("piotrogrod");
    expect(collection.references.people.resolve("Lenim")).toBeUndefined();
    expect(collection.eventReferences.get("a")).toEqual({ people: ["wlodzimierz-lenin", "lew-trocki"], places: ["piotrogrod", "rosja"] });
    expect(collection.events[0].people).toEqual(["Lenin", "wlodzimierz-lenin", "Lew Trocki"]);
  });

  it("keeps bare-string references where a kind has no records, and requires records once it has one", () => {
    const bare = check(event("a", "people: [Ktokolwiek]\nplaces: [Gdziekolwiek]\n"));
    expect(bare.lines).toEqual([]);
    expect(bare.collection.references.people.hasRecords).toBe(false);
    expect(bare.collection.eventReferences.get("a")).toEqual({ people: [], places: [] });
    const { lines } = check(trocki, event("a", "people: [Ktokolwiek]\nplaces: [Gdziekolwiek]\n"));
    expect(lines).toEqual(['content/events/a.md:4:10: error: no person "Ktokolwiek" in people/ [unknown-person]']);
  });

  it("reports an unknown person with a did-you-mean, in drafts too", () => {
    const { lines } = check(lenin, event("a", "people: [Lenim]\n"), event("b", "people: [Lew Trocki]\n", true));
    expect(lines).toEqual([
      'content/events/a.md:4:10: error: no person "Lenim" in people/ (did you mean "Lenin"?) [unknown-person]',
      'content/events/b.md:4:10: error: no person "Lew Trocki" in people/ [unknown-person]',
    ]);
  });

  it("reports an unknown place with a did-you-mean", () => {
    const { lines } = check(rosja, piotrogrod, event("a", "places: [Piotrogrod]\n"));
    expect(lines).toEqual([
      'content/events/a.md:4:10: error: no place "Piotrogrod" in places/ (did you mean "piotrogrod"?) [unknown-place]',
    ]);
  });

  it("reports a reference to a name two records share as ambiguous, naming both files", () => {
    const { lines } = check(
      person("aleksandr-kierenski", "name: Aleksandr Kiereński\naliases: [Kiereński]\n"),
      person("fiodor-kierenski", "name: Fiodor Kiereński\naliases: [Kiereński]\n"),
      event("a", "people: [Kiereński]\n"),
    );
    expect(lines).toContain(
      'content/events/a.md:4:10: error: "Kiereński" names more than one person: content/people/aleksandr-kierenski.yaml and content/people/fiodor-kierenski.yaml; write the slug (aleksandr-kierenski or fiodor-kierenski) [ambiguous-reference]',
    );
  });

  it("reports a name or alias that two records of one kind share, but not a person and a place", () => {
    const { lines } = check(
      person("aleksandr-kierenski", "name: Aleksandr Kiereński\naliases: [Kiereński]\n"),
      person("fiodor-kierenski", "name: Fiodor Kiereński\naliases: [Kiereński, Aleksandr Kiereński]\n"),
      person("smolny", "name: Smolny\n"),
      place("smolny", "name: Smolny\n"),
    );
    expect(lines).toEqual([
      'content/people/fiodor-kierenski.yaml:2:11: error: "Kiereński" also names the person in content/people/aleksandr-kierenski.yaml: a name or alias belongs to one person; rename one, or merge the two files [duplicate-name]',
      'content/people/fiodor-kierenski.yaml:2:22: error: "Aleksandr Kiereński" also names the person in content/people/aleksandr-kierenski.yaml: a name or alias belongs to one person; rename one, or merge the two files [duplicate-name]',
    ]);
  });

  it("reports two records of the same Wikidata item", () => {
    const { lines } = check(lenin, person("uljanow", "name: Władimir Iljicz\nwikidata: Q1394\n"));
    expect(lines).toEqual([
      "content/people/uljanow.yaml:2:11: error: Q1394 is also the Wikidata item of content/people/wlodzimierz-lenin.yaml: one item, one record [duplicate-wikidata]",
    ]);
  });

  it("reports a malformed Wikidata id, and a language code that is not one", () => {
    const { lines } = check(person("x", "name: X\nwikidata: 1394\nnames: { english: X }\n"));
    expect(lines).toEqual([
      'content/people/x.yaml:3:10: error: names: "english": a language is a two-letter code, e.g. en [invalid-value]',
      "content/people/x.yaml:2:11: error: wikidata: expected string [wrong-type]",
    ]);
    expect(check(person("x", "name: X\nwikidata: q1394\n")).lines).toEqual([
      "content/people/x.yaml:2:11: error: wikidata: must be a Wikidata item id: Q followed by digits, e.g. Q1394 [invalid-value]",
    ]);
  });

  it("reports a within that names no place, with a did-you-mean", () => {
    const { lines } = check(rosja, place("moskwa", "name: Moskwa\nwithin: rosia\n"));
    expect(lines).toEqual(['content/places/moskwa.yaml:2:9: error: no place "rosia" in places/ (did you mean "rosja"?) [unknown-place]']);
  });

  it("reports a within that goes round in a circle, at every place on it", () => {
    const { lines } = check(
      place("a", "name: Gatczyna\nwithin: b\n"),
      place("b", "name: Peterhof\nwithin: a\n"),
      place("c", "name: Kronsztad\nwithin: a\n"),
      place("d", "name: Oranienbaum\nwithin: d\n"),
    );
    expect(lines).toEqual([
      'content/places/a.yaml:2:9: error: "within" goes round in a circle: a → b → a; a place cannot contain itself [within-cycle]',
      'content/places/b.yaml:2:9: error: "within" goes round in a circle: b → a → b; a place cannot contain itself [within-cycle]',
      'content/places/d.yaml:2:9: error: "within" goes round in a circle: d → d; a place cannot contain itself [within-cycle]',
    ]);
  });

  it("reports coordinates off the globe", () => {
    const { lines, collection } = check(
      place("x", "name: Kronsztad\ncoordinates: { lat: 130.31, lon: 59.93 }\n"),
      place("y", "name: Oranienbaum\ncoordinates: { lat: 0, lon: -180.5 }\n"),
    );
    expect(lines).toEqual([
      "content/places/x.yaml:2:21: error: lat 130.31 is off the globe: WGS 84 latitude lies between -90 and 90 (are lat and lon swapped?) [coordinates-range]",
      "content/places/y.yaml:2:29: error: lon -180.5 is off the globe: WGS 84 longitude lies between -180 and 180 [coordinates-range]",
    ]);
    expect(collection.places).toEqual([]);
  });

  it("reports a death before the birth, comparing days across calendars", () => {
    const { lines } = check(person("x", "name: X\nborn: { julian: 1870-04-10 }\ndied: 1870-04-21\n"));
    expect(lines).toEqual([
      "content/people/x.yaml:3:7: error: died 1870-04-21 is before born 1870-04-22 (both in the Gregorian calendar) [died-before-born]",
    ]);
    expect(check(person("x", "name: X\nborn: { julian: 1870-04-10 }\ndied: 1870-04-22\n")).lines).toEqual([]);
  });

  it("checks a life date's Julian/Gregorian pair like an event's", () => {
    const { lines } = check(person("x", "name: X\nborn:\n  julian: 1870-04-10\n  gregorian: 1870-04-10\n"));
    expect(lines).toEqual(["content/people/x.yaml:4:14: error: julian 1870-04-10 is gregorian 1870-04-22, not 1870-04-10 [date-mismatch]"]);
  });

  it("reports historical names whose periods overlap", () => {
    const { lines } = check(
      place(
        "x",
        "name: Piotrogród\nhistoricalNames:\n  - name: Piotrogród\n    from: { julian: 1914-08-18 }\n    until: 1924-01-26\n  - name: Leningrad\n    from: 1924-01-26\n",
      ),
    );
    expect(lines).toEqual([
      'content/places/x.yaml:7:11: error: the periods of "Piotrogród" (1914-08-31–1924-01-26) and "Leningrad" (1924-01-26–) overlap, in Gregorian dates; bounds are inclusive: end one the day before the next starts [historical-name-overlap]',
    ]);
  });

  it("warns of days between historical names, when the place goes by its plain name", () => {
    const { diagnostics, lines } = check(
      place(
        "x",
        "name: Piotrogród\nhistoricalNames:\n  - name: Sankt Petersburg\n    until: 1914-08-29\n  - name: Piotrogród\n    from: 1914-08-31\n",
      ),
    );
    expect(lines).toEqual([
      'content/places/x.yaml:6:11: warning: a gap between "Sankt Petersburg" (–1914-08-29) and "Piotrogród" (1914-08-31–), in Gregorian dates: on 1914-08-30 the place is called "Piotrogród"; if a name applies then, close the gap [historical-name-gap]',
    ]);
    expect(diagnostics[0].severity).toBe("warning");
  });

  it("reports a historical name used until before it is used from", () => {
    const { lines } = check(place("x", "name: X\nhistoricalNames:\n  - name: Y\n    from: 1924\n    until: 1914\n"));
    expect(lines).toEqual([
      'content/places/x.yaml:5:12: error: "Y" is used until 1914-12-31, before it is used from 1924-01-01 (Gregorian) [date-interval-order]',
    ]);
  });

  it("reports a historical name's key that is neither a field nor a language", () => {
    const { lines } = check(place("x", "name: X\nhistoricalNames:\n  - name: Y\n    unitl: 1914\n"));
    expect(lines).toEqual(['content/places/x.yaml:4:5: error: unknown field "historicalNames[0].unitl" [unknown-field]']);
  });

  it("warns of two records whose names are one or two edits apart, and no longer of events' spellings", () => {
    const { lines } = check(
      person("aleksandr-kierenski", "name: Aleksandr Kiereński\n"),
      person("aleksander-kierenski", "name: Aleksander Kierenski\naliases: [A. Kiereński]\n"),
      event("a", "people: [Aleksandr Kiereński]\n"),
      event("b", "people: [aleksander-kierenski]\n"),
    );
    expect(lines).toEqual([
      'content/people/aleksander-kierenski.yaml:1:7: warning: "Aleksander Kierenski" looks like "Aleksandr Kiereński" of the person in content/people/aleksandr-kierenski.yaml; if they are one person, merge the files, else spell them apart [similar-name]',
    ]);
  });

  it("scaffolds a person and a place that pass the check and answer to their names", () => {
    const { lines, collection } = check(
      person("lew-trocki", personScaffold("Lew Trocki")),
      place("smolny", placeScaffold("Smolny")),
      event("a", "people: [Lew Trocki]\nplaces: [Smolny]\n"),
    );
    expect(lines).toEqual([]);
    expect(collection.eventReferences.get("a")).toEqual({ people: ["lew-trocki"], places: ["smolny"] });
  });

  it("publishes events' people and places as slugs, with every place containing them, and the records as items", async () => {
    const { documents } = await loadContent(path.resolve("tests/fixtures/collection-1917"));
    const records = documents.filter((d) => d.kind === "person" || d.kind === "place");
    expect(records.length).toBeGreaterThan(30);
    const withRecords = validateContent(documents);
    const without = validateContent(documents.filter((d) => !records.includes(d)));
    expect(withRecords.diagnostics).toEqual([]);
    const items = publishedItems(withRecords.collection);
    const event = (list: typeof items, slug: string) => list.find((i) => i.kind === "event" && i.slug === slug)?.render();
    const storming = event(items, "szturm-na-palac-zimowy");
    expect(storming).toMatchObject({ places: ["piotrogrod", "palac-zimowy"], placesWithin: ["piotrogrod", "rosja", "palac-zimowy"] });
    const lists = items.find((i) => i.slug === "szturm-na-palac-zimowy")?.memberships.map((m) => m.listPk);
    expect(lists).toEqual(expect.arrayContaining(["PLACE#piotrogrod", "PLACE#rosja", "PLACE#palac-zimowy"]));
    // Without records, the names as written are the published values, as before.
    const bare = event(publishedItems(without.collection), "szturm-na-palac-zimowy");
    expect(bare).toMatchObject({ places: ["Piotrogród", "Pałac Zimowy"], placesWithin: ["Piotrogród", "Pałac Zimowy"] });
    const palace = items.find((i) => i.kind === "place" && i.slug === "palac-zimowy");
    expect(palace?.render()).toMatchObject({ within: "piotrogrod", ancestors: ["piotrogrod", "rosja"] });
    expect(palace?.memberships.map((m) => m.listPk)).toEqual(["WITHIN#piotrogrod", "WITHIN#rosja", "COORDINATES"]);
    expect(items.find((i) => i.slug === "piotrogrod")?.render()).toMatchObject({
      contains: expect.arrayContaining(["palac-zimowy", "smolny"]),
    });
  });

  it("rewrites only the person's item when a person's name changes, not the events naming them", async () => {
    const { documents } = await loadContent(path.resolve("tests/fixtures/collection-1917"));
    const before = publishedItems(validateContent(documents).collection);
    const renamed = documents.map((d) =>
      d.kind === "person" && d.slug === "wlodzimierz-lenin"
        ? {
            ...d,
            text: d.text.replace(/^name: .*$/m, "name: Władimir Iljicz Lenin").replace("aliases: [", "aliases: [Włodzimierz Lenin, "),
          }
        : d,
    );
    const checked = validateContent(renamed);
    expect(checked.diagnostics).toEqual([]);
    const after = publishedItems(checked.collection);
    const hashOf = (list: typeof before) => new Map(list.map((i) => [`${i.kind}/${i.slug}`, i.hash]));
    const [old, now] = [hashOf(before), hashOf(after)];
    const changed = [...now].filter(([key, hash]) => old.get(key) !== hash).map(([key]) => key);
    expect(changed).toEqual(["person/wlodzimierz-lenin"]);

    // The plan a reviewer reads lists the person, with the field that changed.
    const state = {
      entities: new Map(before.map((i) => [mainItemOf[i.kind].key(i).pk, { kind: i.kind, slug: i.slug, title: i.title, hash: i.hash }])),
      memberships: new Map(before.map((i) => [mainItemOf[i.kind].key(i).pk, membershipKeys(i)])),
    };
    const plan = planSync(after, state, "r2", checked.collection.locale);
    const report = planMarkdown(plan, new Map(before.map((i) => [`${i.kind}/${i.slug}`, i.render()])));
    expect(report).toContain("| people | 0 | 1 | 0 | 15 |");
    expect(report).toContain("| places | 0 | 0 | 0 | 18 |");
    expect(report).toContain(
      "- **updated** person `wlodzimierz-lenin`: Władimir Iljicz Lenin\n  - name: Włodzimierz Lenin → Władimir Iljicz Lenin\n  - aliases:",
    );
  });
});
