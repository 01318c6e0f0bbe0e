// People and places under hostile use: arguments off the globe or out of reason, forged cursors for the merged
// lists of a bounding box, nested lists whose reads the cost limit must price, and a collection that keeps no
// records at all. Every refusal is a client error naming its argument; no request reads without a bound.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { Collection } from "../core/content/collection";
import { loadContent } from "../core/content/load";
import { referenceReader } from "../core/content/published-references";
import { validateContent } from "../core/content/validate";
import { toJulianDay } from "../core/dates/julian-day";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { listSizeExtension } from "../schema/cost";
import { schema } from "../schema/index";
import { freshTable, testClient } from "./support/dynamodb";
import { type GraphQLResult, postQuery } from "./support/graphql";

/** Around Petrograd: the city, its palaces, Smolny, the Finland Station and the Neva. */
const petrograd = { south: 59.85, west: 30.15, north: 60.05, east: 30.5 };
const boxLiteral = (b: typeof petrograd) => `{ south: ${b.south}, west: ${b.west}, north: ${b.north}, east: ${b.east} }`;

async function syncedCopy(env: ReturnType<typeof testClient>, prepare?: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), "kronika-hostile-records-"));
  await cp(path.resolve("tests/fixtures/collection-1917"), dir, { recursive: true });
  await prepare?.(dir);
  const tableName = await freshTable(env.client);
  expect((await syncContent({ contentDir: dir, client: env.client, tableName })).status).toBe("applied");
  const checked = validateContent((await loadContent(dir)).documents);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
  return { app, collection: checked.collection };
}

const slugsOf = (connection: { edges: { node: { slug: string } }[] }) => connection.edges.map((e) => e.node.slug);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("people and places under hostile use", () => {
  const env = testClient();
  let app: ReturnType<typeof createApp>;
  let collection: Collection;
  const query = async (text: string, variables?: Record<string, unknown>) => {
    const result = await postQuery(app, text, { variables });
    expect(result.errors, text).toBeUndefined();
    return result.data;
  };
  /** Published events at a place in the box, chronologically, within [from, to] (Julian Day Numbers). */
  const eventsInBox = (box: typeof petrograd, from = -Infinity, to = Infinity) => {
    const refs = referenceReader(collection);
    const inside = new Set(
      collection.places
        .filter((p) => p.coordinates && p.coordinates.lat >= box.south && p.coordinates.lat <= box.north)
        .filter((p) => p.coordinates && p.coordinates.lon >= box.west && p.coordinates.lon <= box.east)
        .map((p) => p.slug),
    );
    return [...collection.events]
      .filter((e) => e.date.lastDay >= from && e.date.firstDay <= to)
      .sort((a, b) => a.date.firstDay - b.date.firstDay || a.date.lastDay - b.date.lastDay || (a.slug < b.slug ? -1 : 1))
      .filter((e) => refs.of(e).places.some((p) => inside.has(p)))
      .map((e) => e.slug);
  };

  beforeAll(async () => {
    ({ app, collection } = await syncedCopy(env));
  });

  it("answers every hostile argument of the new fields with a client error naming it, or with data", async () => {
    const cases: [string, Record<string, unknown>, string | null][] = [
      ["query($b: BoundingBox!) { places(bbox: $b) { totalCount } }", { b: { south: -1e300, west: 0, north: 1, east: 1 } }, "bbox.south"],
      ["query($b: BoundingBox!) { places(bbox: $b) { totalCount } }", { b: { south: 0, west: 0, north: 1, east: 1e300 } }, "bbox.east"],
      [
        "query($b: BoundingBox!) { events(filter: { bbox: $b }) { totalCount } }",
        { b: { south: 80, west: 0, north: 10, east: 1 } },
        "filter.bbox.south",
      ],
      [
        "query($b: BoundingBox!) { events(filter: { bbox: $b }) { totalCount } }",
        { b: { south: -90, west: 180, north: 90, east: -180 } },
        null,
      ],
      ["query($q: String) { people(query: $q) { totalCount } }", { q: "ł".repeat(101) }, "query"],
      ["query($q: String) { people(query: $q) { totalCount } }", { q: "__proto__" }, null],
      ["query($q: String) { people(query: $q) { totalCount } }", { q: "constructor" }, null],
      ["query($q: String) { people(query: $q) { totalCount } }", { q: "\u0000😀" }, null],
      ["query($s: String!) { person(slug: $s) { slug } place(slug: $s) { slug } }", { s: "ż".repeat(30_000) }, null],
      ["query($s: String!) { place(slug: $s) { slug } }", { s: "piotrogrod#STATE" }, null],
      ["query($s: String) { places(within: $s) { totalCount } }", { s: "x".repeat(201) }, "within"],
      ["query($s: String) { places(within: $s) { totalCount } }", { s: "ż".repeat(200) }, null],
      ['query($a: String) { place(slug: "piotrogrod") { name(at: $a) } }', { a: "99999-01-01" }, "at"],
      ['query($a: String) { place(slug: "piotrogrod") { name(at: $a, calendar: JULIAN) } }', { a: "-0500" }, null],
      ['query($a: String) { place(slug: "piotrogrod") { name(at: $a) } }', { a: "1917-10-25/1917-11-07" }, "at"],
      ['query($a: String) { place(slug: "piotrogrod") { name(at: $a) } }', { a: "x".repeat(10_000) }, "at"],
    ];
    for (const [text, variables, argument] of cases) {
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: text, variables }),
      });
      const label = `${text} ${JSON.stringify(variables).slice(0, 80)}`;
      expect(response.status, label).toBeLessThan(500);
      const result = (await response.json()) as GraphQLResult;
      if (argument === null) expect(result.errors, label).toBeUndefined();
      else expect(result.errors?.[0].extensions, label).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
  });

  it("refuses a non-finite box edge sent as JSON (1e400) before any resolver runs", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"query($b: BoundingBox!) { events(filter: { bbox: $b }) { totalCount } }","variables":{"b":{"south":1e400,"west":0,"north":1,"east":1}}}',
    });
    expect(response.status).toBe(400);
    const result = (await response.json()) as GraphQLResult;
    expect(result.errors?.[0].message).toMatch(/b\.south/);
  });

  it("pages a bounding box with dates both ways, forwards and from the end, as the content says", async () => {
    const box = boxLiteral(petrograd);
    // Julian dates: 4 April and 25 October 1917 (O.S.), the events overlapping them included.
    const from = toJulianDay("julian", { year: 1917, month: 4, day: 4 });
    const to = toJulianDay("julian", { year: 1917, month: 10, day: 25 });
    const expected = eventsInBox(petrograd, from, to);
    expect(expected.length).toBeGreaterThan(6);
    const walk = async (backwards: boolean) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const args: string = backwards ? "last: 3, before: $c" : "first: 3, after: $c";
        const page: any = await query(
          `query($c: String) { events(${args}, filter: { bbox: ${box}, from: "1917-04-04", to: "1917-10-25", calendar: JULIAN }) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { c: cursor },
        );
        expect(page.events.totalCount).toBe(expected.length);
        const slugs = slugsOf(page.events);
        if (backwards) seen.unshift(...slugs);
        else seen.push(...slugs);
        const more = backwards ? page.events.pageInfo.hasPreviousPage : page.events.pageInfo.hasNextPage;
        cursor = more ? (backwards ? page.events.pageInfo.startCursor : page.events.pageInfo.endCursor) : null;
      } while (cursor);
      return seen;
    };
    expect(await walk(false)).toEqual(expected);
    expect(await walk(true)).toEqual(expected);
  });

  it("answers a forged cursor for a box's merged lists, or one from another list, with a client error or a page", async () => {
    const box = boxLiteral(petrograd);
    const text = `query($a: String, $b: String, $f: Int, $l: Int) { events(first: $f, last: $l, after: $a, before: $b, filter: { bbox: ${box}, to: "1917-12-31" }) { edges { node { slug } } } }`;
    const first: any = await query(`{ events(first: 2, filter: { bbox: ${box} }) { edges { cursor } } }`);
    const [pk, sk] = JSON.parse(Buffer.from(first.events.edges[1].cursor, "base64url").toString("utf8"));
    const people: any = await query("{ people(first: 1) { edges { cursor } } }");
    const forged = [
      encode([pk, sk, "0"]),
      encode([pk, sk, "012421303#"]),
      encode([pk, sk, "012421303#012421303#"]),
      encode([pk, sk, `012421303#012421303#${"ż".repeat(1000)}`]),
      encode([pk, sk, "~".repeat(1023)]),
      encode(["a", "b", "c"]),
      people.people.edges[0].cursor,
      "not a cursor",
      "x".repeat(5000),
    ];
    for (const cursor of forged) {
      for (const [variables, argument] of [
        [{ f: 3, a: cursor }, "after"],
        [{ l: 3, b: cursor }, "before"],
      ] as const) {
        const result = await postQuery(app, text, { variables });
        if (result.errors) {
          expect(result.errors[0].extensions, cursor.slice(0, 40)).toMatchObject({ code: "BAD_USER_INPUT", argument });
          // The message names the cursor the client sent, not one the server made of it.
          expect(result.errors[0].message).toContain(cursor.slice(0, 40));
        } else expect(result.data.events.edges.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it("refuses nested lists of places, people and their events by depth or cost before reading anything", async () => {
    const refused: [string, string][] = [
      [
        '{ place(slug: "rosja") { contains { contains { events(first: 100) { edges { node { places { contains { events(first: 100) { edges { node { slug } } } } } } } } } } } }',
        "DEPTH_LIMIT_EXCEEDED",
      ],
      ['{ place(slug: "rosja") { contains { contains { events(first: 100) { edges { node { slug } } } } } } }', "COST_LIMIT_EXCEEDED"],
      ["{ events(first: 100) { edges { node { people { events(first: 100) { edges { node { slug } } } } } } } }", "COST_LIMIT_EXCEEDED"],
      ["{ people(first: 100) { edges { node { events(first: 100) { edges { node { places { slug } } } } } } } }", "COST_LIMIT_EXCEEDED"],
      ["{ places(first: 100) { edges { node { contains { contains { name } } } } } }", "COST_LIMIT_EXCEEDED"],
    ];
    for (const [text, code] of refused) {
      for (const key of Object.keys(env.counts)) delete env.counts[key];
      const result = await postQuery(app, text);
      expect(result.errors?.[0].extensions?.code, text).toBe(code);
      expect(env.counts, text).toEqual({});
    }
  });

  it("reads a box's places and one list per place listed when a box narrows each listed place's events", async () => {
    // Each place's events narrowed by a box read that place's list, filtered to the box's places: a constant
    // number of calls per place listed, not one list per place in the box (which the cost limit does not price).
    const box = boxLiteral({ south: -90, west: -180, north: 90, east: 180 });
    await query("{ revision { id } }");
    for (const key of Object.keys(env.counts)) delete env.counts[key];
    const data = await query(
      `{ places(first: 100) { edges { node { slug events(first: 1, filter: { bbox: ${box} }) { edges { node { slug } } } } } } }`,
    );
    const listed = data.places.edges.length;
    expect(listed).toBe(collection.places.length);
    // The places list, the box's places once for the whole request, and each listed place's own list.
    expect(env.counts.QueryCommand).toBe(1 + 1 + listed);
  });
});

describe("a collection without person and place records", () => {
  const env = testClient();
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ app } = await syncedCopy(env, async (dir) => {
      await rm(path.join(dir, "people"), { recursive: true });
      await rm(path.join(dir, "places"), { recursive: true });
    }));
  });

  it("serves events' people and places as the names written, filters by them, and lists no records", async () => {
    const data = (
      await postQuery(
        app,
        `{ event(slug: "szturm-na-palac-zimowy") { people { slug name aliases born { label } } places { slug name old: name(at: "1800") coordinates { lat } within { slug } contains { slug } } } people { totalCount } places { totalCount } geojson }`,
      )
    ).data;
    expect(data.event.people).toEqual([
      { slug: "Aleksandr Kiereński", name: "Aleksandr Kiereński", aliases: [], born: null },
      { slug: "Władimir Antonow-Owsiejenko", name: "Władimir Antonow-Owsiejenko", aliases: [], born: null },
    ]);
    expect(data.event.places[0]).toEqual({
      slug: "Piotrogród",
      name: "Piotrogród",
      old: "Piotrogród",
      coordinates: null,
      within: null,
      contains: [],
    });
    expect([data.people.totalCount, data.places.totalCount, data.geojson.features]).toEqual([0, 0, []]);
    const filtered = (
      await postQuery(
        app,
        `{ events(first: 100, filter: { people: ["Aleksandr Kiereński"], places: ["Piotrogród"] }) { edges { node { slug } } } facets(filter: { places: ["Piotrogród"] }) { people { value name } } }`,
      )
    ).data;
    expect(slugsOf(filtered.events)).toContain("szturm-na-palac-zimowy");
    expect(filtered.facets.people).toContainEqual({ value: "Aleksandr Kiereński", name: "Aleksandr Kiereński" });
  });
});

describe("a place containing many places", () => {
  const env = testClient();
  let app: ReturnType<typeof createApp>;
  const children = 60;

  beforeAll(async () => {
    ({ app } = await syncedCopy(env, async (dir) => {
      for (let i = 0; i < children; i += 1) {
        const name = `Dzielnica ${String(i).padStart(2, "0")}`;
        await writeFile(path.join(dir, "places", `dzielnica-${i}.yaml`), `name: ${name}\nwithin: piotrogrod\n`);
      }
    }));
  });

  it("serves no more of its places than the cost limit prices, the rest a page away in places(within:)", async () => {
    const placeType = schema.getType("Place");
    const bound = isObjectType(placeType) ? placeType.getFields().contains.extensions[listSizeExtension] : undefined;
    expect(bound).toBeTypeOf("number");
    const result = await postQuery(
      app,
      `{ place(slug: "piotrogrod") { contains { slug } } places(within: "piotrogrod", first: 100) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.place.contains.length).toBe(bound);
    expect(result.data.places.totalCount).toBeGreaterThan(children);
  });
});
