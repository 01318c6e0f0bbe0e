// Dates as historians write them, through the GraphQL API on DynamoDB Local: the bounds and certain days of
// unspecified digits, open ends, one-of and all-of sets; filters that ask whether an event possibly or
// certainly falls in a range; lists ordered by the earliest or the latest day an event could be, paged.
import { beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { type GraphQLResult, postQuery } from "./support/graphql";

/** An event of the collection: its date (quoted for YAML), tags and places. */
const event = (title: string, date: string, places: string[] = [], tags = ["rewolucja"]) =>
  eventFile({ title, date: JSON.stringify(date), tags, places, sources: ["opracowanie"] });

const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "places/smolny.yaml": "name: Smolny\ncoordinates: { lat: 59.9461, lon: 30.3958 }\n",
  "places/palac-zimowy.yaml": "name: Pałac Zimowy\ncoordinates: { lat: 59.9404, lon: 30.3139 }\n",
  "events/dziesieciolecie.md": event("Dziesięciolecie", "191X", [], ["dekada"]),
  "events/wladza-rad.md": event("Władza rad", "1917-10-25/..", ["palac-zimowy"]),
  "events/rzad-tymczasowy.md": event("Rząd Tymczasowy", "../1918-03"),
  "events/jeden-z-dni.md": event("Jeden z dwóch dni", "[1917-10-24, 1917-11-02]", ["palac-zimowy"]),
  "events/dwa-dni.md": event("Dwa dni", "{1917-10-24, 1917-10-26}", ["smolny"]),
  "events/szturm.md": eventFile({
    title: "Szturm",
    date: "{ julian: 1917-10-25 }",
    tags: ["rewolucja"],
    places: ["palac-zimowy", "smolny"],
    sources: ["opracowanie"],
  }),
  "events/pazdziernik.md": event("Październik", "1917-10"),
  "events/koniec-pazdziernika.md": event("Koniec października", "1917-10-31", ["smolny"]),
};

/** Around both places (Smolny and the Winter Palace), not beyond Petrograd. */
const petrograd = { south: 59.9, west: 30.2, north: 60.0, east: 30.5 };

type Connection = { edges: { cursor: string; node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe("historians' dates in the API", () => {
  let app: ReturnType<typeof createApp>;

  const post = (query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => postQuery(app, query, { variables });
  const query = async (text: string, variables?: Record<string, unknown>) => {
    const result = await post(text, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  /** Every slug of a list, read `pageSize` at a time from cursor to cursor, and the number of pages it took. */
  const walk = async (args: string, pageSize = 2) => {
    const slugs: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data = await query(
        `query($after: String, $first: Int!) { events(first: $first, after: $after, ${args}) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`,
        { after, first: pageSize },
      );
      const connection = data.events as Connection;
      slugs.push(...connection.edges.map((e) => e.node.slug));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (after);
    return { slugs, pages };
  };

  /** The slugs a filter matches in one page, checked against its totalCount. */
  const matching = async (args: string) => {
    const data = await query(`{ events(first: 100, ${args}) { totalCount edges { node { slug } } } }`);
    const slugs = data.events.edges.map((e: { node: { slug: string } }) => e.node.slug);
    expect(data.events.totalCount).toBe(slugs.length);
    return slugs;
  };

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const outcome = await syncContent({ contentDir: await writeContentFolder(collection), client, tableName });
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(client), tableName, log: false, responseCache: false });
  });

  describe("a date's bounds and certain days", () => {
    const dateFields = "earliest latest certainStart certainEnd unspecified start end";
    const dateOf = async (slug: string) =>
      (await query(`{ event(slug: "${slug}") { date { ${dateFields} label en: label(locale: EN) } } }`)).event.date;

    it("spans the ten years of an unspecified digit, with no day certain", async () => {
      expect(await dateOf("dziesieciolecie")).toMatchObject({
        earliest: "1910-01-01",
        latest: "1919-12-31",
        certainStart: null,
        certainEnd: null,
        unspecified: true,
        en: "the 1910s",
      });
    });

    it("leaves an ongoing interval's latest day and certain end null, and its start certain", async () => {
      expect(await dateOf("wladza-rad")).toEqual(
        expect.objectContaining({ earliest: "1917-10-25", latest: null, certainStart: "1917-10-25", certainEnd: null, end: null }),
      );
    });

    it("leaves an open start's earliest day and certain start null, certain only from the end's month's first day", async () => {
      expect(await dateOf("rzad-tymczasowy")).toEqual(
        expect.objectContaining({ earliest: null, latest: "1918-03-31", certainStart: null, certainEnd: "1918-03-01", start: null }),
      );
    });

    it("makes no day of a one-of set certain, though it spans from its first member to its last", async () => {
      const date = await dateOf("jeden-z-dni");
      expect(date).toMatchObject({
        earliest: "1917-10-24",
        latest: "1917-11-02",
        certainStart: null,
        certainEnd: null,
        unspecified: false,
      });
      expect(date.label).toBe("24 października lub 2 listopada 1917");
    });

    it("makes an all-of set certain from its first member to its last", async () => {
      expect(await dateOf("dwa-dni")).toMatchObject({
        earliest: "1917-10-24",
        latest: "1917-10-26",
        certainStart: "1917-10-24",
        certainEnd: "1917-10-26",
      });
    });

    it("gives a Julian day's bounds as the Gregorian day, certain", async () => {
      expect(await dateOf("szturm")).toEqual({
        earliest: "1917-11-07",
        latest: "1917-11-07",
        certainStart: "1917-11-07",
        certainEnd: "1917-11-07",
        unspecified: false,
        start: "1917-11-07",
        end: "1917-11-07",
        label: "25 października (7 listopada) 1917",
        en: "25 October (7 November) 1917",
      });
    });

    it("spans a month with no day of it certain", async () => {
      expect(await dateOf("pazdziernik")).toMatchObject({
        earliest: "1917-10-01",
        latest: "1917-10-31",
        certainStart: null,
        certainEnd: null,
        label: "październik 1917",
      });
    });

    it("marks start and end deprecated in favour of earliest and latest", async () => {
      const data = await query(
        `{ __type(name: "HistoricalDate") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
      );
      const fields = new Map(data.__type.fields.map((f: { name: string }) => [f.name, f]));
      expect(fields.get("start")).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining("earliest") });
      expect(fields.get("end")).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining("latest") });
      expect(fields.get("earliest")).toMatchObject({ isDeprecated: false });
    });
  });

  describe("matching a range possibly or certainly", () => {
    it("counts a one-of set that may fall after `to` as possibly but not certainly in range (the issue's example)", async () => {
      const before = `filter: { to: "1917-10-31" }`;
      expect(await matching(before)).toEqual([
        "rzad-tymczasowy",
        "dziesieciolecie",
        "pazdziernik",
        "dwa-dni",
        "jeden-z-dni",
        "wladza-rad",
        "koniec-pazdziernika",
      ]);
      expect(await matching(`filter: { to: "1917-10-31", match: POSSIBLY }`)).toEqual(await matching(before));
      expect(await matching(`filter: { to: "1917-10-31", match: CERTAINLY }`)).toEqual(["pazdziernik", "dwa-dni", "koniec-pazdziernika"]);
    });

    it("never counts an open end as certainly within a bounded side, though it possibly is", async () => {
      const range = `from: "1917-10-01", to: "1917-12-31"`;
      expect(await matching(`filter: { ${range} }`)).toEqual([
        "rzad-tymczasowy",
        "dziesieciolecie",
        "pazdziernik",
        "dwa-dni",
        "jeden-z-dni",
        "wladza-rad",
        "koniec-pazdziernika",
        "szturm",
      ]);
      expect(await matching(`filter: { ${range}, match: CERTAINLY }`)).toEqual([
        "pazdziernik",
        "dwa-dni",
        "jeden-z-dni",
        "koniec-pazdziernika",
        "szturm",
      ]);
      // Only an ongoing event lasts into 1950; it is certainly after `from` when the range has no end.
      expect(await matching(`filter: { from: "1950" }`)).toEqual(["wladza-rad"]);
      expect(await matching(`filter: { from: "1917-10-25", match: CERTAINLY }`)).toEqual(["wladza-rad", "koniec-pazdziernika", "szturm"]);
    });

    it("reads the range in the filter's calendar, and narrows a tag's list the same way", async () => {
      expect(await matching(`filter: { from: "1917-10-25", calendar: JULIAN, match: CERTAINLY }`)).toEqual(["szturm"]);
      expect(await matching(`filter: { tags: ["rewolucja"], to: "1917-10-31", match: CERTAINLY }`)).toEqual([
        "pazdziernik",
        "dwa-dni",
        "koniec-pazdziernika",
      ]);
    });

    it("counts facets, and searches, over the events certainly in range only", async () => {
      const data = await query(`{
        facets(filter: { to: "1917-10-31", match: CERTAINLY }) { eventCount }
        search(query: "opis", first: 100, filter: { to: "1917-10-31", match: CERTAINLY }) { totalCount edges { node { slug } } }
        possibly: search(query: "opis", first: 100, filter: { to: "1917-10-31" }) { totalCount }
      }`);
      expect(data.facets.eventCount).toBe(3);
      expect(data.search.edges.map((e: { node: { slug: string } }) => e.node.slug).sort()).toEqual([
        "dwa-dni",
        "koniec-pazdziernika",
        "pazdziernik",
      ]);
      expect(data.possibly.totalCount).toBe(7);
    });
  });

  describe("ordering by the earliest or the latest day", () => {
    const earliestOrder = [
      "rzad-tymczasowy",
      "dziesieciolecie",
      "pazdziernik",
      "dwa-dni",
      "jeden-z-dni",
      "wladza-rad",
      "koniec-pazdziernika",
      "szturm",
    ];
    const latestOrder = [
      "dwa-dni",
      "pazdziernik",
      "koniec-pazdziernika",
      "jeden-z-dni",
      "szturm",
      "rzad-tymczasowy",
      "dziesieciolecie",
      "wladza-rad",
    ];

    it("pages by the earliest day, open start first, as CHRONOLOGICAL does", async () => {
      expect(await walk("order: EARLIEST")).toEqual({ slugs: earliestOrder, pages: 4 });
      expect((await walk("order: CHRONOLOGICAL")).slugs).toEqual(earliestOrder);
    });

    it("pages by the latest day, then the earliest, open end last; REVERSE_LATEST the other way", async () => {
      expect(await walk("order: LATEST")).toEqual({ slugs: latestOrder, pages: 4 });
      expect((await walk("order: REVERSE_LATEST", 3)).slugs).toEqual([...latestOrder].reverse());
    });

    it("pages backwards from the end by the latest day", async () => {
      const data = await query(`{ events(last: 3, order: LATEST) { edges { node { slug } } pageInfo { hasPreviousPage startCursor } } }`);
      expect(data.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(latestOrder.slice(-3));
      expect(data.events.pageInfo.hasPreviousPage).toBe(true);
      const before = await query(`query($before: String) { events(last: 3, before: $before, order: LATEST) { edges { node { slug } } } }`, {
        before: data.events.pageInfo.startCursor,
      });
      expect(before.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(latestOrder.slice(-6, -3));
    });

    it("pages a date range by the latest day: `from` bounds the key, `to` the first day", async () => {
      expect((await walk(`order: LATEST, filter: { from: "1917-10-27", to: "1917-11-30" }`)).slugs).toEqual([
        "pazdziernik",
        "koniec-pazdziernika",
        "jeden-z-dni",
        "szturm",
        "rzad-tymczasowy",
        "dziesieciolecie",
        "wladza-rad",
      ]);
      expect((await walk(`order: LATEST, filter: { to: "1917-10-31", match: CERTAINLY }`)).slugs).toEqual([
        "dwa-dni",
        "pazdziernik",
        "koniec-pazdziernika",
      ]);
      expect((await walk(`order: REVERSE_LATEST, filter: { from: "1917-10-25", to: "1917-11-07", match: CERTAINLY }`, 1)).slugs).toEqual([
        "szturm",
        "koniec-pazdziernika",
      ]);
    });

    it("pages a tag's list and a bounding box's merged lists by the latest day", async () => {
      expect((await walk(`order: LATEST, filter: { tags: ["rewolucja"] }`, 3)).slugs).toEqual(
        latestOrder.filter((slug) => slug !== "dziesieciolecie"),
      );
      const box = `bbox: { south: ${petrograd.south}, west: ${petrograd.west}, north: ${petrograd.north}, east: ${petrograd.east} }`;
      expect((await walk(`order: LATEST, filter: { ${box} }`)).slugs).toEqual([
        "dwa-dni",
        "koniec-pazdziernika",
        "jeden-z-dni",
        "szturm",
        "wladza-rad",
      ]);
      expect((await walk(`order: REVERSE_LATEST, filter: { ${box}, from: "1917-11-01" }`)).slugs).toEqual([
        "wladza-rad",
        "szturm",
        "jeden-z-dni",
      ]);
      // A box without places reads no list, in either order.
      const empty = `filter: { bbox: { south: -10, west: -10, north: 10, east: 10 } }`;
      expect((await walk(`order: LATEST, ${empty}`)).slugs).toEqual([]);
      expect((await walk(`order: REVERSE_CHRONOLOGICAL, ${empty}`)).slugs).toEqual([]);
    });

    it("orders a person's or a place's events by the latest day too", async () => {
      const data = await query(`{ place(slug: "smolny") { events(order: LATEST) { edges { node { slug } } } } }`);
      expect(data.place.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([
        "dwa-dni",
        "koniec-pazdziernika",
        "szturm",
      ]);
    });

    it("refuses a cursor from the other bound's order as a client error, and takes one from its reverse", async () => {
      const first = `query($order: EventOrder!) { events(first: 2, order: $order) { pageInfo { endCursor } } }`;
      const earliestCursor = (await query(first, { order: "EARLIEST" })).events.pageInfo.endCursor;
      const latestCursor = (await query(first, { order: "LATEST" })).events.pageInfo.endCursor;
      const page = `query($order: EventOrder!, $after: String) { events(first: 2, after: $after, order: $order) { edges { node { slug } } } }`;
      for (const [order, after] of [
        ["LATEST", earliestCursor],
        ["REVERSE_LATEST", earliestCursor],
        ["CHRONOLOGICAL", latestCursor],
      ]) {
        const result = await post(page, { order, after });
        expect(result.errors?.[0]).toMatchObject({
          extensions: { code: "BAD_USER_INPUT" },
          message: expect.stringMatching(/^invalid cursor/),
        });
      }
      const bbox = `events(first: 2, after: $after, order: LATEST, filter: { bbox: { south: 59.9, west: 30.2, north: 60, east: 30.5 } }) { edges { node { slug } } }`;
      const merged = await post(`query($after: String) { ${bbox} }`, { after: earliestCursor });
      expect(merged.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      // After pazdziernik (the second by latest day), walking back: dwa-dni.
      const reverse = await query(page, { order: "REVERSE_LATEST", after: latestCursor });
      expect(reverse.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(["dwa-dni"]);
    });
  });
});
