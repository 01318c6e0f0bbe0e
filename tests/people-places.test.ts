// People and places through the API, on the 1917 collection (and one event of 1925, in Leningrad): records
// named at an event's date, the Polish alphabet, place hierarchy and bounding boxes, the map export, search by
// alias, and what each costs in DynamoDB calls.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Collection } from "../core/content/collection";
import { loadContent } from "../core/content/load";
import { referenceReader } from "../core/content/published-references";
import { validateContent } from "../core/content/validate";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { maxBoxPlaces } from "../schema/event-filter";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

/** Around Petrograd: the city, its palaces, Smolny, the Finland Station and the Neva; not Moscow, not Russia's centre. */
const petrograd = { south: 59.85, west: 30.15, north: 60.05, east: 30.5 };
const inBox = (c: { lat: number; lon: number } | undefined, box = petrograd) =>
  !!c && c.lat >= box.south && c.lat <= box.north && c.lon >= box.west && c.lon <= box.east;

const leningrad1925 = `---
title: Wydarzenie w Leningradzie
date: 1925-05-01
places: [piotrogrod]
people: [Trocki]
sources:
  - source: opracowanie-rewolucja-pazdziernikowa
---
Wydarzenie testowe z 1925 roku.
`;

describe("people and places in the API", () => {
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let app: ReturnType<typeof createApp>;
  let collection: Collection;
  const query = async (text: string, variables?: Record<string, unknown>) => {
    const result = await postQuery(app, text, { variables });
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const slugsOf = (connection: { edges: { node: { slug: string } }[] }) => connection.edges.map((e) => e.node.slug);
  /** Published events, chronologically, that pass a test of their people and places (as the content resolves them). */
  const eventsWhere = (test: (refs: ReturnType<ReturnType<typeof referenceReader>["of"]>) => boolean) => {
    const refs = referenceReader(collection);
    return [...collection.events]
      .sort((a, b) => a.date.firstDay - b.date.firstDay || a.date.lastDay - b.date.lastDay || (a.slug < b.slug ? -1 : 1))
      .filter((event) => test(refs.of(event)))
      .map((event) => event.slug);
  };

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kronika-records-"));
    await cp(path.resolve("tests/fixtures/collection-1917"), dir, { recursive: true });
    await writeFile(path.join(dir, "events", "wydarzenie-1925.md"), leningrad1925);
    env = testClient();
    tableName = await freshTable(env.client);
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
    const checked = validateContent((await loadContent(dir)).documents);
    expect(checked.diagnostics).toEqual([]);
    collection = checked.collection;
  });

  describe("an event's people and places", () => {
    it("are records, each place named as it was on the event's first day", async () => {
      const data = await query(`{
        storming: event(slug: "szturm-na-palac-zimowy") {
          people { slug name } places { slug name en: name(locale: EN) coordinates { lat lon } }
        }
        later: event(slug: "wydarzenie-1925") { places { slug name en: name(locale: EN) today: name(at: "2000-01-01") own: name(at: "1800") } people { name } }
      }`);
      expect(data.storming.people).toEqual([
        { slug: "aleksandr-kierenski", name: "Aleksandr Kiereński" },
        { slug: "wladimir-antonow-owsiejenko", name: "Władimir Antonow-Owsiejenko" },
      ]);
      expect(data.storming.places).toEqual([
        { slug: "piotrogrod", name: "Piotrogród", en: "Petrograd", coordinates: { lat: 59.9386, lon: 30.3141 } },
        { slug: "palac-zimowy", name: "Pałac Zimowy", en: "Winter Palace", coordinates: { lat: 59.9404, lon: 30.3139 } },
      ]);
      expect(data.later.places).toEqual([
        { slug: "piotrogrod", name: "Leningrad", en: "Leningrad", today: "Sankt Petersburg", own: "Sankt Petersburg" },
      ]);
      expect(data.later.people).toEqual([{ name: "Lew Trocki" }]);
    });

    it("follow the request's language, and the event's when it is served in one", async () => {
      const result = await postQuery(app, `{ event(slug: "szturm-na-palac-zimowy") { places { name } people { name } } }`, {
        headers: { "accept-language": "en" },
      });
      expect(result.data.event).toEqual({
        places: [{ name: "Petrograd" }, { name: "Winter Palace" }],
        people: [{ name: "Alexander Kerensky" }, { name: "Vladimir Antonov-Ovseenko" }],
      });
    });
  });

  describe("a place", () => {
    it("has its names through time, read on any day in either calendar", async () => {
      const data = await query(`{ place(slug: "piotrogrod") {
        name
        julianRename: name(at: "1914-08-18", calendar: JULIAN) dayBefore: name(at: "1914-08-17", calendar: JULIAN)
        gregorianRename: name(at: "1914-08-31") y1924: name(at: "1924-01-26") en1924: name(at: "1924-01-26", locale: EN)
        historicalNames { name en: name(locale: EN) from { julian gregorian } until { gregorian } }
        within { slug name } contains { slug } wikidata
      } }`);
      const place = data.place;
      expect(place.name).toBe("Piotrogród");
      expect([place.julianRename, place.dayBefore, place.gregorianRename, place.y1924, place.en1924]).toEqual([
        "Piotrogród",
        "Sankt Petersburg",
        "Piotrogród",
        "Leningrad",
        "Leningrad",
      ]);
      expect(place.historicalNames[1]).toEqual({
        name: "Piotrogród",
        en: "Petrograd",
        from: { julian: "1914-08-18", gregorian: "1914-08-31" },
        until: { gregorian: "1924-01-25" },
      });
      expect(place.within).toEqual({ slug: "rosja", name: "Rosja" });
      expect(place.contains.map((p: { slug: string }) => p.slug)).toEqual(["dworzec-finski", "palac-taurydzki", "palac-zimowy", "smolny"]);
      expect(place.wikidata).toBe("Q656");
    });

    it("answers `at` that is not a day with a client error naming the argument", async () => {
      const result = await postQuery(app, `{ place(slug: "piotrogrod") { name(at: "1917-13-45") } }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "at" });
    });

    it("lists its events and those of every place within it, at any depth", async () => {
      const data = await query(`{ place(slug: "rosja") { events(first: 100) { totalCount edges { node { slug } } } } }`);
      const expected = eventsWhere((refs) => refs.placesWithin.includes("rosja"));
      expect(slugsOf(data.place.events)).toEqual(expected);
      expect(data.place.events.totalCount).toBe(expected.length);
      expect(expected).toContain("szturm-na-palac-zimowy");
      expect(expected.length).toBeGreaterThan(eventsWhere((refs) => refs.places.includes("rosja")).length);
    });

    it("is found by global ID, as a person is", async () => {
      const data = await query(`{ place(slug: "smolny") { id } person(slug: "lew-trocki") { id } }`);
      const again = await query(
        `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Place { slug } } b: node(id: $b) { ... on Person { slug } } }`,
        {
          a: data.place.id,
          b: data.person.id,
        },
      );
      expect(again).toEqual({ a: { slug: "smolny" }, b: { slug: "lew-trocki" } });
    });
  });

  describe("a person", () => {
    it("has names, life dates in both calendars and their events in order", async () => {
      const data = await query(`{ person(slug: "wlodzimierz-lenin") {
        name en: name(locale: EN) aliases description wikidata
        born { calendar julian gregorian label } died { gregorian }
        events(first: 100) { totalCount edges { node { slug } } }
      } missing: person(slug: "nikt") { slug } }`);
      const lenin = data.person;
      expect(lenin).toMatchObject({ name: "Włodzimierz Lenin", en: "Vladimir Lenin", wikidata: "Q1394" });
      expect(lenin.aliases).toContain("Uljanow");
      expect(lenin.born).toEqual({
        calendar: "JULIAN",
        julian: "1870-04-10",
        gregorian: "1870-04-22",
        label: "10 kwietnia (22 kwietnia) 1870",
      });
      expect(lenin.died).toEqual({ gregorian: "1924-01-21" });
      const expected = eventsWhere((refs) => refs.people.includes("wlodzimierz-lenin"));
      expect(expected.length).toBeGreaterThan(10);
      expect(slugsOf(lenin.events)).toEqual(expected);
      expect(lenin.events.totalCount).toBe(expected.length);
      expect(data.missing).toBeNull();
    });

    it("narrows their events by a further filter", async () => {
      const data = await query(
        `{ person(slug: "wlodzimierz-lenin") { events(first: 100, filter: { places: ["smolny"] }, order: REVERSE_CHRONOLOGICAL) { edges { node { slug } } } } }`,
      );
      const expected = eventsWhere((refs) => refs.people.includes("wlodzimierz-lenin") && refs.places.includes("smolny")).reverse();
      expect(expected.length).toBeGreaterThan(1);
      expect(slugsOf(data.person.events)).toEqual(expected);
    });
  });

  describe("lists of people and places", () => {
    it("order people by name in the Polish alphabet, page after page", async () => {
      const all = await query(`{ people(first: 100) { totalCount edges { node { name } } } }`);
      const names = all.people.edges.map((e: { node: { name: string } }) => e.node.name);
      expect(names).toEqual(collection.people.map((p) => p.name).sort(new Intl.Collator("pl").compare));
      expect(all.people.totalCount).toBe(collection.people.length);
      // Ł after L: Lew Trocki and Lew Kamieniew before Ławr Korniłow.
      expect(names.indexOf("Ławr Korniłow")).toBeGreaterThan(names.indexOf("Lew Trocki"));
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await query(
          `query($after: String) { people(first: 5, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
          {
            after,
          },
        );
        paged.push(...page.people.edges.map((e: { node: { name: string } }) => e.node.name));
        after = page.people.pageInfo.hasNextPage ? page.people.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(names);
    });

    it("find people by any name or alias, ignoring case and diacritics", async () => {
      const data = await query(`{
        a: people(query: "uljanow") { totalCount edges { node { slug } } }
        b: people(query: "TROCKI") { edges { node { slug } } }
        c: people(query: "kierenski") { edges { node { slug } } }
        d: people(query: "...") { totalCount }
      }`);
      expect(slugsOf(data.a)).toEqual(["wlodzimierz-lenin"]);
      expect(data.a.totalCount).toBe(1);
      expect(slugsOf(data.b)).toEqual(["lew-trocki"]);
      expect(slugsOf(data.c)).toEqual(["aleksandr-kierenski"]);
      expect(data.d.totalCount).toBe(collection.people.length);
    });

    it("find places by any name, a historical one too", async () => {
      const data = await query(`{
        a: places(query: "leningrad") { edges { node { slug name } } }
        b: places(query: "palac", within: "piotrogrod") { totalCount edges { node { slug } } }
      }`);
      expect(data.a.edges).toEqual([{ node: { slug: "piotrogrod", name: "Piotrogród" } }]);
      expect(slugsOf(data.b)).toEqual(["palac-taurydzki", "palac-zimowy"]);
      expect(data.b.totalCount).toBe(2);
    });

    it("list the places within a place at any depth, and the places in a box", async () => {
      const data = await query(`{
        within: places(first: 100, within: "piotrogrod") { totalCount edges { node { slug } } }
        russia: places(first: 100, within: "rosja") { edges { node { slug } } }
        box: places(first: 100, bbox: { south: ${petrograd.south}, west: ${petrograd.west}, north: ${petrograd.north}, east: ${petrograd.east} }) { totalCount edges { node { slug } } }
        all: places(first: 100) { edges { node { name } } }
      }`);
      expect(slugsOf(data.within)).toEqual(["dworzec-finski", "palac-taurydzki", "palac-zimowy", "smolny"]);
      expect(data.within.totalCount).toBe(4);
      expect(slugsOf(data.russia)).toEqual(expect.arrayContaining(["palac-zimowy", "piotrogrod", "kreml"]));
      const boxed = collection.places.filter((p) => inBox(p.coordinates)).map((p) => p.slug);
      expect(boxed.length).toBeGreaterThan(4);
      expect([...slugsOf(data.box)].sort()).toEqual([...boxed].sort());
      expect(data.box.totalCount).toBe(boxed.length);
      expect(data.all.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(
        collection.places.map((p) => p.name).sort(new Intl.Collator("pl").compare),
      );
    });
  });

  describe("filtering events by place", () => {
    it("includes the places within a place, in one Query", async () => {
      for (const key of Object.keys(env.counts)) delete env.counts[key];
      const data = await query(`{ events(first: 100, filter: { places: ["rosja"] }) { totalCount edges { node { slug } } } }`);
      expect(slugsOf(data.events)).toEqual(eventsWhere((refs) => refs.placesWithin.includes("rosja")));
      // The page, then the count: one Query each.
      expect(env.counts.QueryCommand).toBe(2);
      expect(env.counts.ScanCommand).toBeUndefined();
    });

    it("by a bounding box finds the events at the places in it, merged in order, paged without repeats", async () => {
      const box = `{ south: ${petrograd.south}, west: ${petrograd.west}, north: ${petrograd.north}, east: ${petrograd.east} }`;
      const boxed = new Set(collection.places.filter((p) => inBox(p.coordinates)).map((p) => p.slug));
      const expected = eventsWhere((refs) => refs.places.some((p) => boxed.has(p)));
      expect(expected.length).toBeGreaterThan(20);
      for (const order of ["CHRONOLOGICAL", "REVERSE_CHRONOLOGICAL"]) {
        const paged: string[] = [];
        let after: string | null = null;
        let total = 0;
        do {
          const page: any = await query(
            `query($after: String) { events(first: 4, after: $after, order: ${order}, filter: { bbox: ${box} }) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
          paged.push(...slugsOf(page.events));
          total = page.events.totalCount;
          after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
        } while (after);
        expect(paged, order).toEqual(order === "CHRONOLOGICAL" ? expected : [...expected].reverse());
        expect(total).toBe(expected.length);
      }
      const facets = await query(`{ facets(filter: { bbox: ${box} }) { eventCount } }`);
      expect(facets.facets.eventCount).toBe(expected.length);
    });

    it("by a bounding box with another filter reads that filter's list once", async () => {
      const box = `{ south: ${petrograd.south}, west: ${petrograd.west}, north: ${petrograd.north}, east: ${petrograd.east} }`;
      const boxed = new Set(collection.places.filter((p) => inBox(p.coordinates)).map((p) => p.slug));
      const data = await query(`{ events(first: 100, filter: { people: ["lew-trocki"], bbox: ${box} }) { edges { node { slug } } } }`);
      expect(slugsOf(data.events)).toEqual(
        eventsWhere((refs) => refs.people.includes("lew-trocki") && refs.places.some((p) => boxed.has(p))),
      );
    });

    it("across the antimeridian, and with an empty box, answers without error", async () => {
      const data = await query(`{
        wrap: events(filter: { bbox: { south: 50, west: 100, north: 70, east: -170 } }) { edges { node { slug } } }
        none: events(filter: { bbox: { south: -10, west: -10, north: 10, east: 10 } }) { totalCount edges { node { slug } } }
      }`);
      // Russia's point (61.5 N, 105.3 E) lies in the wrapping box.
      expect(slugsOf(data.wrap)).toEqual(eventsWhere((refs) => refs.places.includes("rosja")).slice(0, 20));
      expect(data.none).toEqual({ totalCount: 0, edges: [] });
    });

    it("takes slugs, and answers a name with a client error that says how to find the slug", async () => {
      const result = await postQuery(app, `{ events(filter: { people: ["Włodzimierz Lenin"] }) { totalCount } }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.people" });
      expect(result.errors?.[0].message).toContain('"wlodzimierz-lenin"');
      const places = await postQuery(app, `{ facets(filter: { places: ["Piotrogród"] }) { eventCount } }`);
      expect(places.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.places" });
    });

    it("refuses a box off the globe, or upside down, naming the edge", async () => {
      for (const [box, argument] of [
        ["{ south: 10, west: 0, north: 0, east: 1 }", "filter.bbox.south"],
        ["{ south: 0, west: 0, north: 91, east: 1 }", "filter.bbox.north"],
        ["{ south: 0, west: -181, north: 1, east: 1 }", "filter.bbox.west"],
      ]) {
        const result = await postQuery(app, `{ events(filter: { bbox: ${box} }) { totalCount } }`);
        expect(result.errors?.[0].extensions, box).toMatchObject({ code: "BAD_USER_INPUT", argument });
      }
    });
  });

  describe("the map export", () => {
    it("is a GeoJSON FeatureCollection: a point per event and place with coordinates, [lon, lat], named at the event's date", async () => {
      const data = await query(
        `{ geojson(filter: { people: ["wlodzimierz-lenin"] }) en: geojson(filter: { places: ["piotrogrod"], from: "1925" }, locale: EN) }`,
      );
      const { type, features } = data.geojson;
      expect(type).toBe("FeatureCollection");
      const refs = referenceReader(collection);
      const places = new Map(collection.places.map((p) => [p.slug, p]));
      const expected = collection.events
        .filter((e) => refs.of(e).people.includes("wlodzimierz-lenin"))
        .flatMap((e) =>
          refs
            .of(e)
            .places.filter((p) => places.get(p)?.coordinates)
            .map((p) => `${e.slug}@${p}`),
        );
      expect(features.map((f: any) => `${f.properties.slug}@${f.properties.placeSlug}`).sort()).toEqual(expected.sort());
      const smolny = features.find((f: any) => f.properties.placeSlug === "smolny");
      expect(smolny.geometry).toEqual({ type: "Point", coordinates: [30.3958, 59.9461] });
      expect(smolny.properties).toMatchObject({ place: "Smolny", start: expect.stringMatching(/^19\d\d-\d\d-\d\d$/) });
      expect(data.en.features).toHaveLength(1);
      expect(data.en.features[0].properties).toMatchObject({
        slug: "wydarzenie-1925",
        place: "Leningrad",
        start: "1925-05-01",
        end: "1925-05-01",
      });
    });
  });

  describe("search", () => {
    it("finds an event by a person's or a place's alias", async () => {
      const data = await query(
        `{ uljanow: search(query: "Uljanow", first: 100) { edges { node { slug } } } petersburg: search(query: "Petersburg", first: 100) { edges { node { slug } } } }`,
      );
      const lenins = new Set(eventsWhere((refs) => refs.people.includes("wlodzimierz-lenin")));
      const found = slugsOf(data.uljanow);
      expect(found.length).toBeGreaterThan(5);
      expect(found.every((slug) => lenins.has(slug))).toBe(true);
      expect(slugsOf(data.petersburg)).toContain("szturm-na-palac-zimowy");
    });
  });

  describe("DynamoDB calls", () => {
    const counted = async (text: string) => {
      // The revision is read once per interval per process: warm it first, as a running API has.
      await postQuery(app, "{ revision { id } }");
      for (const key of Object.keys(env.counts)) delete env.counts[key];
      const result = await postQuery(app, text);
      expect(result.errors).toBeUndefined();
      return { ...env.counts };
    };

    it("costs three calls for a person's or a place's page of 20 events, and a constant number with their people and places", async () => {
      const person = (n: number) =>
        `{ person(slug: "wlodzimierz-lenin") { name events(first: ${n}) { edges { node { slug title date { label } } } } } }`;
      const place = (n: number) => `{ place(slug: "rosja") { name events(first: ${n}) { edges { node { slug title } } } } }`;
      const named = (n: number) =>
        `{ place(slug: "piotrogrod") { events(first: ${n}) { edges { node { slug people { name } places { name within { name } } } } } } }`;
      // The record (a batch of one), the list Query, the events in one batch.
      expect(await counted(person(20))).toEqual({ BatchGetItemCommand: 2, QueryCommand: 1 });
      expect(await counted(place(20))).toEqual({ BatchGetItemCommand: 2, QueryCommand: 1 });
      expect(await counted(person(5))).toEqual(await counted(person(20)));
      // Their people and places in one batch each, their containing places in one more.
      const five = await counted(named(5));
      expect(five).toEqual({ BatchGetItemCommand: 5, QueryCommand: 1 });
      expect(await counted(named(20))).toEqual(five);
    });

    it("costs one Query and one batch for a page of people", async () => {
      expect(await counted(`{ people(first: 20) { edges { node { name } } } }`)).toEqual({ QueryCommand: 1 });
      expect(await counted(`{ places(first: 20, within: "rosja") { edges { node { name } } } }`)).toEqual({
        QueryCommand: 1,
        BatchGetItemCommand: 1,
      });
    });
  });

  it(`refuses a box holding more than ${maxBoxPlaces} places, with advice`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kronika-many-places-"));
    await cp(path.resolve("tests/fixtures/collection-1917"), dir, { recursive: true });
    for (let i = 0; i < maxBoxPlaces; i += 1) {
      await writeFile(
        path.join(dir, "places", `punkt-${i}.yaml`),
        `name: Punkt ${i}\ncoordinates: { lat: 59.9${i}, lon: 30.3 }\nwithin: piotrogrod\n`,
      );
    }
    const many = await freshTable(env.client);
    expect((await syncContent({ contentDir: dir, client: env.client, tableName: many })).status).toBe("applied");
    const manyApp = createApp({ reads: sdkTableReads(env.client), tableName: many, log: false, responseCache: false });
    const result = await postQuery(manyApp, `{ events(filter: { bbox: { south: 59, west: 30, north: 61, east: 31 } }) { totalCount } }`);
    expect(result.errors?.[0].message).toContain("make the box smaller");
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.bbox" });
    // A box with fewer answers as usual.
    const fine = await postQuery(manyApp, `{ events(filter: { bbox: { south: 55, west: 37, north: 56, east: 38 } }) { totalCount } }`);
    expect(fine.errors).toBeUndefined();
  });
});
