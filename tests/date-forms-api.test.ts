// Dates as editors write them, unquoted, from content files through the sync into DynamoDB Local and out of
// the API: anniversaries, year facets, the map and timeline exports.
import { beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

const event = (title: string, date: string) => eventFile({ title, date, places: ["piotrogrod"], sources: ["opracowanie"] });

describe("date forms through the sync and the API", () => {
  let app: ReturnType<typeof createApp>;
  const query = async (text: string) => {
    const { data, errors } = await postQuery(app, text);
    expect(errors).toBeUndefined();
    return data;
  };

  beforeAll(async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "places/piotrogrod.yaml": "name: Piotrogród\ncoordinates: { lat: 59.94, lon: 30.31 }\n",
      "events/zbior.md": event("Jeden z dni", "\n  julian: [1917-10-24, 1917-10-26]"),
      "events/trwa.md": event("Od szturmu", "\n  julian: 1917-10-25/.."),
      "events/do-marca.md": event("Do marca", "../1918-03-03"),
      "events/dzien-nieznany.md": event("Dzień nieznany", "\n  julian: 1917-10-XX"),
      "events/dekada.md": event("Dekada", "191X"),
    });
    const env = testClient();
    const tableName = await freshTable(env.client);
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
  });

  it("lists anniversaries only for days known to the day: each day of a set, the known end of an open interval", async () => {
    const onThisDay = async (args: string) =>
      (await query(`{ onThisDay(${args}) { edges { node { slug } } } }`)).onThisDay.edges.map(
        (e: { node: { slug: string } }) => e.node.slug,
      );
    expect(await onThisDay("month: 10, day: 24, calendar: JULIAN")).toEqual(["zbior"]);
    expect(await onThisDay("month: 10, day: 25, calendar: JULIAN")).toEqual(["trwa"]);
    expect(await onThisDay("month: 11, day: 8")).toEqual(["zbior"]);
    expect(await onThisDay("month: 11, day: 7")).toEqual(["trwa"]);
    expect(await onThisDay("month: 3, day: 3")).toEqual(["do-marca"]);
    // The set's day between its members, and the unknown day's month, are no anniversaries.
    expect(await onThisDay("month: 10, day: 25")).toEqual([]);
    expect(await onThisDay("month: 10, day: 1, calendar: JULIAN")).toEqual([]);
    expect(await onThisDay("month: 10, day: 31, calendar: JULIAN")).toEqual([]);
  });

  it("counts an open start in the year of its known end, and every event in some year", async () => {
    const { facets } = await query("{ facets { eventCount years { year count } } }");
    expect(facets).toEqual({
      eventCount: 5,
      years: [
        { year: 1910, count: 1 },
        { year: 1917, count: 3 },
        { year: 1918, count: 1 },
      ],
    });
  });

  it("puts open ends on the map as null, and the timeline's open start at its known end", async () => {
    const { geojson, timeline } = await query("{ geojson(locale: EN) timeline(locale: EN) }");
    const bySlug = new Map(geojson.features.map((f: { properties: { slug: string } }) => [f.properties.slug, f.properties]));
    expect(bySlug.get("trwa")).toMatchObject({ start: "1917-11-07", end: null, date: "from 25 October (7 November) 1917" });
    expect(bySlug.get("do-marca")).toMatchObject({ start: null, end: "1918-03-03", date: "until 3 March 1918" });
    expect(bySlug.get("dekada")).toMatchObject({ start: "1910-01-01", end: "1919-12-31" });
    const slides = new Map(timeline.events.map((s: { unique_id: string }) => [s.unique_id, s]));
    expect(slides.get("do-marca")).toMatchObject({ start_date: { year: 1918, month: 3, day: 3 } });
    expect(slides.get("do-marca")).not.toHaveProperty("end_date");
    expect(slides.get("trwa")).not.toHaveProperty("end_date");
  });
});
