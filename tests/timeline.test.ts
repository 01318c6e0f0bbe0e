import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToText } from "../core/citations/html-text";
import { resolveDate } from "../core/dates/historical-date";
import { labelled } from "../core/dates/label";
import { exportJsonSchemas } from "../core/export/export-shapes";
import { timelineSlide } from "../core/export/timelinejs";
import type { StoredEvent } from "../core/store/items";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

// The fields TimelineJS3 documents for its JSON format (timeline.knightlab.com/docs/json-format.html).
const slideKeys = ["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"];
const dateKeys = ["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"];

function problemsOf(data: { events: Record<string, any>[] }): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(data.events)) return ["events is not a list"];
  for (const [i, slide] of data.events.entries()) {
    for (const key of Object.keys(slide)) if (!slideKeys.includes(key)) problems.push(`events[${i}] has an undocumented key ${key}`);
    for (const which of ["start_date", "end_date"]) {
      const date = slide[which];
      if (date === undefined && which === "end_date") continue;
      if (!date || !Number.isInteger(date.year)) problems.push(`events[${i}].${which}.year must be an integer`);
      for (const key of Object.keys(date ?? {}))
        if (!dateKeys.includes(key)) problems.push(`events[${i}].${which} has an undocumented key ${key}`);
      if (date?.month !== undefined && !(date.month >= 1 && date.month <= 12)) problems.push(`events[${i}].${which}.month out of range`);
      if (date?.day !== undefined && !(date.day >= 1 && date.day <= 31)) problems.push(`events[${i}].${which}.day out of range`);
      if (date?.day !== undefined && date.month === undefined) problems.push(`events[${i}].${which} has a day without a month`);
    }
    if (typeof slide.text?.headline !== "string" || typeof slide.text?.text !== "string")
      problems.push(`events[${i}].text needs headline and text`);
    if (typeof slide.unique_id !== "string" || ids.has(slide.unique_id)) problems.push(`events[${i}].unique_id must be unique`);
    ids.add(slide.unique_id);
  }
  return problems;
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
const [timelineSchema, geojsonSchema] = exportJsonSchemas().map(({ schema }) => ajv.compile(schema));

describe("the TimelineJS export", () => {
  let app: ReturnType<typeof createApp>;
  const query = (text: string) => postQuery(app, text);

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client, tableName });
    app = createApp({ reads: sdkTableReads(client), tableName, log: false });
  });

  it("gives the whole collection in TimelineJS's documented fields, chronologically", async () => {
    const { data, errors } = await query("{ timeline }");
    expect(errors).toBeUndefined();
    expect(problemsOf(data.timeline)).toEqual([]);
    expect(data.timeline.events).toHaveLength(33);
    const starts = data.timeline.events.map((s: any) =>
      new Date(Date.UTC(s.start_date.year, (s.start_date.month ?? 1) - 1, s.start_date.day ?? 1)).getTime(),
    );
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("matches the published JSON Schemas (with the map export), which refuse what the exports never give", async () => {
    const { data } = await query("{ timeline geojson }");
    expect(timelineSchema(data.timeline), JSON.stringify(timelineSchema.errors)).toBe(true);
    expect(geojsonSchema(data.geojson), JSON.stringify(geojsonSchema.errors)).toBe(true);
    expect(data.geojson.features.length).toBeGreaterThan(0);
    const [slide] = data.timeline.events;
    expect(timelineSchema({ events: [{ ...slide, start_date: undefined }] })).toBe(false);
    expect(timelineSchema({ events: [{ ...slide, extra: 1 }] })).toBe(false);
    const [feature] = data.geojson.features;
    expect(geojsonSchema({ ...data.geojson, features: [{ ...feature, geometry: { type: "Point", coordinates: [200, 0] } }] })).toBe(false);
  });

  it("shows the storming of the Winter Palace with Gregorian dates and both calendars in display_date", async () => {
    const { data } = await query(`{ timeline(filter: { calendar: JULIAN, from: "1917-10-25", to: "1917-10-25" }, locale: EN) }`);
    const storm = data.timeline.events.find((s: any) => s.unique_id === "szturm-na-palac-zimowy");
    expect(storm).toMatchObject({
      start_date: { year: 1917, month: 11, day: 7 },
      end_date: { year: 1917, month: 11, day: 8 },
      display_date: "25–26 October (7–8 November) 1917",
      text: { headline: "The storming of the Winter Palace" },
      group: "przewrót październikowy",
      unique_id: "szturm-na-palac-zimowy",
    });
    expect(storm.text.text).toContain("<p>");
  });

  it("HTML-escapes every plain text TimelineJS renders as HTML, so a hostile title or tag is shown, not run", async () => {
    const payloads = [
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      '"><svg onload=alert(1)>',
      "' onmouseover='alert(1)",
      "&lt;b&gt; już zakodowane",
      '<a href="javascript:alert(1)">x</a>',
      "<iframe srcdoc='<script>alert(1)</script>'>",
    ];
    const files = Object.fromEntries(
      payloads.map((title, i) => [
        `events/wrogi-${i}.md`,
        eventFile({ title, date: `{ julian: 1917-10-${10 + i} }`, tags: [title], sources: ["opracowanie"] }),
      ]),
    );
    const { client } = testClient();
    const tableName = await freshTable(client);
    await syncContent({
      contentDir: await writeContentFolder({ "sources/opracowanie.yaml": sourceFile("Opracowanie"), ...files }),
      client,
      tableName,
    });
    const hostileApp = createApp({ reads: sdkTableReads(client), tableName, log: false });
    const { data, errors } = await postQuery(hostileApp, "{ timeline }");
    expect(errors).toBeUndefined();
    expect(data.timeline.events).toHaveLength(payloads.length);
    for (const slide of data.timeline.events) {
      for (const text of [slide.text.headline, slide.group, slide.display_date]) {
        expect(text).not.toMatch(/[<>"']/);
      }
      // Decoded as HTML, each shows exactly what the editor wrote.
      expect(payloads).toContain(htmlToText(slide.text.headline));
      expect(htmlToText(slide.group)).toBe(htmlToText(slide.text.headline));
    }
  });

  it("keeps the precision of a Gregorian month and uses astronomical years before the common era", () => {
    const event = (written: Parameters<typeof resolveDate>[0]) => {
      const result = resolveDate(written);
      if (!result.ok) throw new Error("date");
      return {
        slug: "x",
        title: "X",
        // Labelled, as the sync stores it.
        date: labelled(result.date),
        firstDay: result.date.firstDay,
        lastDay: result.date.lastDay,
        tags: [],
        body: { html: "", markdown: "", text: "" },
      } as unknown as StoredEvent;
    };
    expect(timelineSlide(event("1918-03"), "pl")).toMatchObject({ start_date: { year: 1918, month: 3 }, display_date: "marzec 1918" });
    expect(timelineSlide(event("1918-03"), "pl").end_date).toBeUndefined();
    expect(timelineSlide(event({ julian: "-0043-03-15" }), "en")).toMatchObject({ start_date: { year: -43, month: 3, day: 13 } });
  });
});

describe("the exports' published JSON Schemas", () => {
  it("describe what the API returns for every form of date, open ends and sets among them", async () => {
    const dates = ["1917-10-25/..", "../1918-03", "1917/", "[1917-10-24, 1917-10-25]", '"{1917-10-24, 1917-10-26}"', "191X", "1917~"];
    const files = Object.fromEntries(
      dates.map((date, i) => [
        `events/forma-${i}.md`,
        eventFile({ title: `Forma ${i}`, date, places: ["piotrogrod"], sources: ["opracowanie"] }),
      ]),
    );
    const place = "name: Piotrogród\ncoordinates: { lat: 59.94, lon: 30.31 }\n";
    const { client } = testClient();
    const tableName = await freshTable(client);
    const outcome = await syncContent({
      contentDir: await writeContentFolder({
        "sources/opracowanie.yaml": sourceFile("Opracowanie"),
        "places/piotrogrod.yaml": place,
        ...files,
      }),
      client,
      tableName,
    });
    expect(outcome.status).toBe("applied");
    const formsApp = createApp({ reads: sdkTableReads(client), tableName, log: false });
    const { data, errors } = await postQuery(formsApp, "{ timeline geojson }");
    expect(errors).toBeUndefined();
    expect(data.timeline.events).toHaveLength(dates.length);
    expect(data.geojson.features).toHaveLength(dates.length);
    expect(timelineSchema(data.timeline), JSON.stringify(timelineSchema.errors)).toBe(true);
    expect(geojsonSchema(data.geojson), JSON.stringify(geojsonSchema.errors)).toBe(true);
  });
});
