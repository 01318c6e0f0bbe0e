// Where a date's days are used beyond the date itself (map and timeline exports, CSL dates, year facets,
// calendar-switch warnings, people's and places' periods): open ends and unspecified digits are handled
// as what they mean, and an open end's stand-in day number never shows.
import { describe, expect, it } from "vitest";
import { cslIssued } from "../../core/citations/csl-issued";
import { formatHuman } from "../../core/content/diagnostic";
import type { ContentDocument } from "../../core/content/document";
import { validateContent } from "../../core/content/validate";
import { openEndDay, openStartDay } from "../../core/dates/edtf";
import { type ResolvedDate, resolveDate, type WrittenDate } from "../../core/dates/historical-date";
import { toJulianDay } from "../../core/dates/julian-day";
import { labelled } from "../../core/dates/label";
import { eventFeatures } from "../../core/export/geojson";
import { timelineSlide } from "../../core/export/timelinejs";
import { eventNamingDay, placeNameOn } from "../../core/records/record-name";
import { facetsOf } from "../../core/store/facets";
import type { StoredEvent } from "../../core/store/items";

function dateOf(written: WrittenDate): ResolvedDate {
  const result = resolveDate(written);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.date;
}

/** An event as the store keeps it: its date labelled, as the sync labels it. */
const storedEvent = (written: WrittenDate, slug = "x") => {
  const date = labelled(dateOf(written));
  return {
    slug,
    title: "X",
    date,
    firstDay: date.firstDay,
    lastDay: date.lastDay,
    tags: [],
    body: { html: "", markdown: "", text: "" },
  } as unknown as StoredEvent;
};

describe("GeoJSON export", () => {
  const properties = (written: WrittenDate) =>
    eventFeatures([{ event: storedEvent(written), places: [{ slug: "p", name: "P", coordinates: { lat: 59.9, lon: 30.3 } }] }], "pl")
      .features[0].properties;

  it("gives null for an open start or end, and the first and last possible day otherwise", () => {
    expect(properties("1917-10-25/..")).toMatchObject({ start: "1917-10-25", end: null, date: "od 25 października 1917" });
    expect(properties("../1918-03")).toMatchObject({ start: null, end: "1918-03-31" });
    expect(properties({ julian: "[..1917-10]" })).toMatchObject({ start: null, end: "1917-11-13" });
    expect(properties("1917/")).toMatchObject({ start: "1917-01-01", end: null });
    expect(properties("191X")).toMatchObject({ start: "1910-01-01", end: "1919-12-31" });
    expect(properties("[1917-10-24, 1917-10-26]")).toMatchObject({ start: "1917-10-24", end: "1917-10-26" });
  });
});

describe("TimelineJS export", () => {
  it("starts an open-start date at its known end, and gives an open-end date no end_date", () => {
    const until = timelineSlide(storedEvent("../1918-03"), "en");
    expect(until.start_date).toEqual({ year: 1918, month: 3 });
    expect(until.end_date).toBeUndefined();
    expect(until.display_date).toBe("until March 1918");
    const ongoing = timelineSlide(storedEvent({ julian: "1917-10-25/.." }), "en");
    expect(ongoing.start_date).toEqual({ year: 1917, month: 11, day: 7 });
    expect(ongoing.end_date).toBeUndefined();
    const orEarlier = timelineSlide(storedEvent("[..1917-10-25]"), "en");
    expect(orEarlier.start_date).toEqual({ year: 1917, month: 10, day: 25 });
    expect(orEarlier.end_date).toBeUndefined();
  });

  it("spans the possible days of unspecified digits and of a one-of set", () => {
    expect(timelineSlide(storedEvent("191X"), "en")).toMatchObject({ start_date: { year: 1910 }, end_date: { year: 1919 } });
    expect(timelineSlide(storedEvent({ julian: "[1917-10-24, 1917-10-25]" }), "en")).toMatchObject({
      start_date: { year: 1917, month: 11, day: 6 },
      end_date: { year: 1917, month: 11, day: 7 },
    });
  });
});

describe("CSL issued dates", () => {
  it("give only the known side of a date open at one end", () => {
    expect(cslIssued(dateOf("1917-10-25/.."))).toEqual({ "date-parts": [[1917, 10, 25]] });
    expect(cslIssued(dateOf("../1918-03"))).toEqual({ "date-parts": [[1918, 3]] });
    expect(cslIssued(dateOf("/1918"))).toEqual({ "date-parts": [[1918]] });
    expect(cslIssued(dateOf("[1917-10..]"))).toEqual({ "date-parts": [[1917, 10]], circa: true });
  });

  it("are circa for unspecified digits, one of a set, and qualifiers on a component", () => {
    expect(cslIssued(dateOf("191X"))).toEqual({ "date-parts": [[1910], [1919]], circa: true });
    expect(cslIssued(dateOf("1917-10-XX"))).toEqual({
      "date-parts": [
        [1917, 10, 1],
        [1917, 10, 31],
      ],
      circa: true,
    });
    expect(cslIssued(dateOf("[1917-10-24, 1917-10-25]"))).toEqual({
      "date-parts": [
        [1917, 10, 24],
        [1917, 10, 25],
      ],
      circa: true,
    });
    expect(cslIssued(dateOf("1917-10?-25"))).toEqual({ "date-parts": [[1917, 10, 25]], circa: true });
    // All of a set is known: its first and last day, not circa.
    expect(cslIssued(dateOf("{1917-10-24, 1917-10-26}"))).toEqual({
      "date-parts": [
        [1917, 10, 24],
        [1917, 10, 26],
      ],
    });
  });
});

describe("year and decade facets", () => {
  const facts = (written: WrittenDate) => {
    const date = dateOf(written);
    return { tags: [], people: [], places: [], firstDay: date.firstDay, lastDay: date.lastDay };
  };

  it("count an open start in the year of its known end, unspecified digits in their first possible year", () => {
    const facets = facetsOf([facts("../1918-03"), facts("1917-10-25/.."), facts("191X"), facts("/1905"), facts("[..1917-10]")]);
    expect(facets.years).toEqual([
      { year: 1905, count: 1 },
      { year: 1910, count: 1 },
      { year: 1917, count: 2 },
      { year: 1918, count: 1 },
    ]);
    expect(facets.decades).toEqual([
      { year: 1900, count: 1 },
      { year: 1910, count: 4 },
    ]);
    expect(facets.years.reduce((sum, y) => sum + y.count, 0)).toBe(facets.eventCount);
  });
});

describe("places named on an event's day", () => {
  it("names the places of an open-start event as on its known end, not on a stand-in day", () => {
    const place = {
      name: "Petersburg",
      names: {},
      historicalNames: [{ name: "Piotrogród", names: {}, firstDay: toJulianDay("gregorian", { year: 1914, month: 9, day: 1 }) }],
    };
    const until = storedEvent("../1918-03");
    expect(eventNamingDay(until)).toBe(toJulianDay("gregorian", { year: 1918, month: 3, day: 31 }));
    expect(placeNameOn(place, eventNamingDay(until), undefined)).toBe("Piotrogród");
    expect(eventNamingDay(storedEvent("1917-10-25/.."))).toBe(toJulianDay("gregorian", { year: 1917, month: 10, day: 25 }));
  });
});

const document = (file: string, kind: ContentDocument["kind"], text: string): ContentDocument => ({
  file,
  kind,
  slug: file.replace(/^.*\/|\.\w+$/g, ""),
  text,
});
const cited = "sources:\n  - source: opracowanie\n";
const event = (slug: string, frontMatter: string) =>
  document(`content/events/${slug}.md`, "event", `---\ntitle: X\n${frontMatter}${cited}---\nTreść.\n`);
const checked = (...documents: ContentDocument[]) =>
  validateContent([document("content/sources/opracowanie.yaml", "source", "type: book\ntitle: R\nlanguage: pl\n"), ...documents]);
const messages = (...documents: ContentDocument[]) => checked(...documents).diagnostics.map((d) => formatHuman(d));

describe("calendar-switch warnings with open ends", () => {
  const settings = document("content/collection.yaml", "settings", "julianCalendarUntil: 1918-02-13\n");

  it("warns of an ongoing Julian date running past the switch, as of a closed one", () => {
    expect(messages(settings, event("trwa", "date:\n  julian: 1917-11-07/..\n"))).toEqual([
      "content/events/trwa.md:4:11: warning: ends in the Julian calendar after the collection switched to the Gregorian on 1918-02-14; give the Gregorian too, as sources after the switch date it: gregorian: 1917-11-20/.. [calendar-switch]",
    ]);
  });

  it("judges an open end by the days it names: no warning for a Gregorian date whose only known day is after the switch", () => {
    expect(
      messages(
        settings,
        event("do", "date: ../1920-05\n"),
        event("nieznany-poczatek", "date: /1919\n"),
        event("lub-wczesniej", "date: [..1921]\n"),
        event("julianski-do", "date:\n  julian: ../1917-05\n"),
        event("nieznany-koniec", "date:\n  julian: 1917/\n"),
        event("lub-pozniej", "date:\n  julian: [1917-10..]\n"),
      ),
    ).toEqual([]);
  });

  it("still warns where the known days say so: a Gregorian end before the switch, a Julian start after it", () => {
    expect(
      messages(settings, event("przed", "date: ../1917-05\n"), event("po", "date:\n  julian: /1919\n"), event("x", "date: 191X\n")),
    ).toEqual([
      "content/events/przed.md:3:7: warning: dated only in the Gregorian calendar, but before 1918-02-14 the collection's sources use the Julian; add julian: ../1917-05-18 [calendar-switch]",
      "content/events/po.md:4:11: warning: dated in the Julian calendar, but the collection switched to the Gregorian on 1918-02-14; write the date as gregorian [calendar-switch]",
      "content/events/x.md:3:7: warning: dated only in the Gregorian calendar, but before 1918-02-14 the collection's sources use the Julian; add julian: 1909-12-19/1919-12-18 [calendar-switch]",
    ]);
  });
});

describe("people's and places' dates with open ends and unspecified digits", () => {
  const person = (text: string) => document("content/people/osoba.yaml", "person", `name: Osoba\n${text}`);
  const place = (text: string) => document("content/places/miasto.yaml", "place", `name: Miasto\n${text}`);

  it("accepts born 187X and reports a death before a birth with real days, never a stand-in", () => {
    const ok = checked(person("born: 187X\ndied: 1924-01-21\n"));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.collection.people[0].born).toMatchObject({ gregorian: "187X", unspecified: true });
    expect(messages(person("born: 187X\ndied: ../1869\n"))).toEqual([
      "content/people/osoba.yaml:3:7: error: died 1869-12-31 is before born 1870-01-01 (both in the Gregorian calendar) [died-before-born]",
    ]);
    expect(messages(person("born: 1870/..\ndied: ../1924\n"))).toEqual([]);
  });

  it("keeps a historical name's open end open, and prints no stand-in in an overlap", () => {
    const result = checked(
      place(
        "historicalNames:\n  - name: Sankt Petersburg\n    from: ../1703\n    until: 1914-08-31\n  - name: Leningrad\n    from: 1924-01-26/..\n",
      ),
    );
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const names = result.collection.places[0].historicalNames;
    expect(names.map((n) => [n.name, n.firstDay, n.lastDay])).toEqual([
      ["Sankt Petersburg", undefined, toJulianDay("gregorian", { year: 1914, month: 8, day: 31 })],
      ["Leningrad", toJulianDay("gregorian", { year: 1924, month: 1, day: 26 }), undefined],
    ]);
    const overlap = messages(place("historicalNames:\n  - name: A\n    from: ../1703\n    until: 1920\n  - name: B\n    from: 1914/..\n"));
    expect(overlap).toEqual([
      'content/places/miasto.yaml:7:11: error: the periods of "A" (–1920-12-31) and "B" (1914-01-01–) overlap, in Gregorian dates; bounds are inclusive: end one the day before the next starts [historical-name-overlap]',
    ]);
    expect(overlap.join()).not.toMatch(new RegExp(`${openStartDay}|${openEndDay}|-9\\d{3}-|13\\d{3}-`));
  });
});
