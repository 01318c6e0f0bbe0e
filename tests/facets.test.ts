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
  let collection: Awaited<ReturnType<typeof validateContent>>["collection"];
  /** The events naming a record (by slug), as the content resolves their references. */
  const naming = (kind: "people" | "places", slug: string) =>
    collection.events.filter((e) => collection.eventReferences.get(e.slug)?.[kind].includes(slug)).length;
  const query = (text: string) => postQuery(app, text);
  const countOf = (list: { value: string; count: number }[], value: string) => list.find((f) => f.value === value)?.count;

  beforeAll(async () => {
    env = testClient();
    const tableName = await freshTable(env.client);
    await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client: env.client, tableName });
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
    collection = validateContent((await loadContent(path.resolve("tests/fixtures/collection-1917"))).documents).collection;
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
    expect(countOf(f.people, "wlodzimierz-lenin")).toBe(naming("people", "wlodzimierz-lenin"));
    expect(countOf(f.places, "piotrogrod")).toBe(naming("places", "piotrogrod"));
    expect(naming("places", "piotrogrod")).toBeGreaterThan(5);
    expect(f.people[0].value).toBe("wlodzimierz-lenin");
    const startingIn = (year: string) => collection.events.filter((e) => isoGregorian(e.date.firstDay).startsWith(year)).length;
    expect(f.years).toEqual([
      { year: 1917, count: startingIn("1917") },
      { year: 1918, count: startingIn("1918") },
    ]);
    expect(startingIn("1918")).toBe(4);
    expect(f.decades).toEqual([{ year: 1910, count: 33 }]);
  });

  it("counts over a filter from the matching list entries, agreeing with the events query", async () => {
    const { data } = await query(`{
      facets(filter: { people: ["wlodzimierz-lenin"], from: "1917-11-01", to: "1917-11-30" }) { eventCount tags { value count } places { value count } }
      events(first: 100, filter: { people: ["wlodzimierz-lenin"], from: "1917-11-01", to: "1917-11-30" }) { totalCount edges { node { tags places { slug } } } }
    }`);
    expect(data.facets.eventCount).toBe(data.events.totalCount);
    expect(data.events.totalCount).toBeGreaterThan(2);
    const nodes = data.events.edges.map((e: any) => e.node);
    expect(countOf(data.facets.tags, "dekrety")).toBe(nodes.filter((n: any) => n.tags.includes("dekrety")).length);
    expect(countOf(data.facets.places, "smolny")).toBe(nodes.filter((n: any) => n.places.some((p: any) => p.slug === "smolny")).length);
    expect(env.counts.ScanCommand).toBeUndefined();
  });

  it("names the people and places it counts, in the language asked for, in one batch read", async () => {
    for (const key of Object.keys(env.counts)) delete env.counts[key];
    const { data, errors } = await query(
      "{ facets { people { value name count } places { value pl: name en: name(locale: EN) } tags { value name } } }",
    );
    expect(errors).toBeUndefined();
    expect(data.facets.people.find((p: any) => p.value === "wlodzimierz-lenin")?.name).toBe("Włodzimierz Lenin");
    expect(data.facets.places.find((p: any) => p.value === "piotrogrod")).toEqual({
      value: "piotrogrod",
      pl: "Piotrogród",
      en: "Petrograd",
    });
    expect(data.facets.tags.every((t: any) => t.name === t.value)).toBe(true);
    // The facets item, then the people and the places each in one BatchGetItem.
    expect(env.counts).toEqual({ GetItemCommand: 1, BatchGetItemCommand: 2 });
  });
});
