import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { isoGregorian } from "../core/dates/historical-date";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

describe("facets", () => {
  let env: ReturnType<typeof testClient>;
  let app: ReturnType<typeof createApp>;
  let events: Awaited<ReturnType<typeof validateContent>>["collection"]["events"];
  const query = (text: string) => postQuery(app, text);
  const countOf = (list: { value: string; count: number }[], value: string) => list.find((f) => f.value === value)?.count;

  beforeAll(async () => {
    env = testClient();
    const tableName = await freshTable(env.client);
    await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client: env.client, tableName });
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
    events = validateContent((await loadContent(path.resolve("tests/fixtures/collection-1917"))).documents).collection.events;
  });

  it("gives the whole collection's counts from the sync, in one read", async () => {
    for (const key of Object.keys(env.counts)) delete env.counts[key];
    const { data, errors } = await query(
      "{ facets { eventCount tags { value count } people { value count } places { value count } years { year count } decades { year count } } }",
    );
    expect(errors).toBeUndefined();
    expect(env.counts).toEqual({ GetItemCommand: 1 });
    const f = data.facets;
    expect(f.eventCount).toBe(33);
    expect(countOf(f.people, "Włodzimierz Lenin")).toBe(events.filter((e) => e.people.includes("Włodzimierz Lenin")).length);
    expect(countOf(f.places, "Piotrogród")).toBe(events.filter((e) => e.places.includes("Piotrogród")).length);
    expect(f.people[0].value).toBe("Włodzimierz Lenin");
    const startingIn = (year: string) => events.filter((e) => isoGregorian(e.date.firstDay).startsWith(year)).length;
    expect(f.years).toEqual([
      { year: 1917, count: startingIn("1917") },
      { year: 1918, count: startingIn("1918") },
    ]);
    expect(startingIn("1918")).toBe(4);
    expect(f.decades).toEqual([{ year: 1910, count: 33 }]);
  });

  it("counts over a filter from the matching list entries, agreeing with the events query", async () => {
    const { data } = await query(`{
      facets(filter: { people: ["Włodzimierz Lenin"], from: "1917-11-01", to: "1917-11-30" }) { eventCount tags { value count } places { value count } }
      events(first: 100, filter: { people: ["Włodzimierz Lenin"], from: "1917-11-01", to: "1917-11-30" }) { totalCount edges { node { tags places } } }
    }`);
    expect(data.facets.eventCount).toBe(data.events.totalCount);
    const nodes = data.events.edges.map((e: any) => e.node);
    expect(countOf(data.facets.tags, "dekrety")).toBe(nodes.filter((n: any) => n.tags.includes("dekrety")).length);
    expect(countOf(data.facets.places, "Smolny")).toBe(nodes.filter((n: any) => n.places.includes("Smolny")).length);
    expect(env.counts.ScanCommand).toBeUndefined();
  });
});
