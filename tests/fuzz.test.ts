import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { signedTableReads } from "../core/store/signed-table-reads";
import { localCredentials } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { defaultLimits } from "../functions/limits";
import { schema } from "../schema/index";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { aliasedField, nestedFragmentFan, siblingFragmentFan } from "./support/hostile-documents";
import { seededRandom } from "./support/seeded-random";
import { type SilentServer, startSilentServer } from "./support/silent-server";

const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "events/szturm.md": eventFile({
    title: "Szturm",
    date: "{ julian: 1917-10-25/1917-10-26 }",
    tags: ["a"],
    people: ["Lew Trocki"],
    sources: ["opracowanie"],
    related: ["zjazd"],
  }),
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"], related: ["szturm"] }),
};

const seeds = [
  `{ events(first: 5, filter: { people: ["Lew Trocki"], from: "1917-11", calendar: GREGORIAN }, order: REVERSE_CHRONOLOGICAL) { totalCount edges { cursor node { id title date { label(locale: EN) julian gregorian start end precision } } } pageInfo { hasNextPage endCursor } } }`,
  `query One($slug: String!) { event(slug: $slug) { title body(format: HTML) citations { locator source { title authors csl events(first: 2) { edges { node { slug } } } } } related { slug } } }`,
  `{ sources(last: 3) { totalCount edges { node { slug type issued date { label } } } } revision { id eventCount } }`,
  `{ node(id: "RXZlbnQ6c3p0dXJt") { id ... on Event { title tags } ... on Source { title } } }`,
  `fragment F on HistoricalDate { edtf calendar } { event(slug: "zjazd") { date { ...F uncertain approximate } notes people places } }`,
];

/** Families that cost far more than their bytes, at random sizes: each must be refused or answered, fast. */
const hostileFamilies: ((next: () => number) => string)[] = [
  (next) => nestedFragmentFan(2 + Math.floor(next() * 40)),
  (next) => siblingFragmentFan(2 + Math.floor(next() * 40)),
  (next) => aliasedField(1 + Math.floor(next() * 16), "timeline"),
  (next) => aliasedField(1 + Math.floor(next() * 16), 'facets(filter: { tags: ["a"] }) { tags { value count } }'),
  (next) => aliasedField(1 + Math.floor(next() * 16), 'search(query: "szturm", first: 100) { totalCount edges { node { body } } }'),
  (next) => aliasedField(1 + Math.floor(next() * 16), "events(first: 100) { totalCount edges { node { body(format: HTML) } } }"),
];

const names = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .flatMap((type) => [type.name, ...Object.keys(type.getFields())]);
const noise = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ":",
  "$",
  "@include(if: true)",
  "...",
  '"',
  "\\",
  "\u0000",
  "\ud800",
  "\u202e",
  "ł",
  "#",
  "!",
  "1e309",
  "-1",
  "999999999",
  "null",
  " ",
  "\n",
  "query",
  "fragment",
  "on",
  "__schema",
  "__typename",
];

function mutate(query: string, next: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const at = Math.floor(next() * (query.length + 1));
  const span = Math.floor(next() * 12);
  switch (Math.floor(next() * 6)) {
    case 0:
      return query.slice(0, at) + query.slice(at + span);
    case 1:
      return query.slice(0, at) + pick(noise) + query.slice(at);
    case 2:
      return query.slice(0, at) + pick(names) + query.slice(at);
    case 3:
      return query.replace(/\d+/, String(Math.floor((next() - 0.3) * 10 ** Math.floor(next() * 10))));
    case 4:
      return query.slice(0, at) + query.slice(Math.max(0, at - span), at) + query.slice(at);
    default:
      return query.replace(/\b[a-z]\w+\b/, pick(names));
  }
}

describe("fuzzing the API with mutated queries", () => {
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    await syncContent({ contentDir: await writeContentFolder(collection), client, tableName });
    app = createApp({ reads: sdkTableReads(client), tableName, log: false });
  });

  it("answers a few thousand seeded mutations with a 4xx or a 200, never a 5xx, and keeps serving", async () => {
    const next = seededRandom(1917);
    const deadline = Date.now() + 20_000;
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (; sent < 3000 && Date.now() < deadline; sent += 1) {
      let query = sent % 4 === 3 ? hostileFamilies[Math.floor(next() * hostileFamilies.length)](next) : seeds[sent % seeds.length];
      for (let m = 1 + Math.floor(next() * 3); m > 0; m -= 1) query = mutate(query, next);
      const useGet = next() < 0.3;
      const response = useGet
        ? await app.fetch(`http://localhost/graphql?${new URLSearchParams({ query })}`)
        : await app.fetch("http://localhost/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query, variables: next() < 0.5 ? { slug: "szturm" } : { slug: next() } }),
          });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (response.status >= 500) failures.push(`${response.status} ${query} → ${text.slice(0, 200)}`);
      else if (response.status !== 304) JSON.parse(text);
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(statuses.get(200)).toBeGreaterThan(0);
    const normal = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ event(slug: "szturm") { title } }` }),
    });
    expect(await normal.json()).toEqual({ data: { event: { title: "Szturm" } } });
  });
});

describe("fuzzing the API while DynamoDB is a black hole", () => {
  let silent: SilentServer;
  let app: ReturnType<typeof createApp>;
  const budgetMs = 300;

  beforeAll(async () => {
    silent = await startSilentServer("silent");
    const reads = signedTableReads({ region: "local", endpoint: silent.endpoint, credentials: localCredentials, attemptTimeoutMs: 150 });
    app = createApp({ reads, tableName: "kronika", log: false, limits: { ...defaultLimits, requestMs: budgetMs } });
  });
  afterAll(() => silent?.close());

  it("answers every mutation and hostile family within the budget: a 4xx, or a 503 that says the store is unavailable", async () => {
    const next = seededRandom(1918);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < 100; sent += 1) {
      let query = sent % 4 === 3 ? hostileFamilies[Math.floor(next() * hostileFamilies.length)](next) : seeds[sent % seeds.length];
      for (let m = Math.floor(next() * 3); m > 0; m -= 1) query = mutate(query, next);
      const started = performance.now();
      const response = await app.fetch(`http://localhost/graphql?${new URLSearchParams({ query })}`);
      const text = await response.text();
      const elapsed = performance.now() - started;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const unavailable = response.status === 503 && JSON.parse(text).errors?.[0]?.extensions?.code === "STORE_UNAVAILABLE";
      if (response.status >= 500 && !unavailable) failures.push(`${response.status} ${query.slice(0, 200)} → ${text.slice(0, 200)}`);
      if (elapsed > budgetMs + 1000) failures.push(`${Math.round(elapsed)} ms for ${query.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // Both kinds occurred: refusals that need no store, and 503s for queries that do.
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status >= 400 && status < 500)).toBe(true);
  });
});
