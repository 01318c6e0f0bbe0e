// The Julian Day Numbers of dates at the edges: the 1582 and 1918 calendar switches, year 0 and the years
// before the common era, unspecified digits across centuries and millennia, 29 February in years with X
// digits, and every form converted to the other calendar and read back.
import { describe, expect, it } from "vitest";
import { convertEdtf, parseEdtf } from "../../core/dates/edtf";
import { type ResolvedDate, resolveDate, type WrittenDate } from "../../core/dates/historical-date";
import type { Calendar } from "../../core/dates/julian-day";
import { dateLabel } from "../../core/dates/label";

/**
 * The Julian Day Number of a proleptic Gregorian day, counted independently of core/dates through the
 * JavaScript Date (proleptic Gregorian, UTC): day 0 of the Unix epoch, 1970-01-01, is JDN 2440588.
 */
function gregorianJdn(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000) + 2_440_588;
}

function resolved(written: WrittenDate): ResolvedDate {
  const result = resolveDate(written);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.date;
}

const extent = (date: ResolvedDate) => ({ firstDay: date.firstDay, lastDay: date.lastDay, possibleDays: date.possibleDays });
const labels = (date: ResolvedDate) => [dateLabel(date, "pl"), dateLabel(date, "en")];

describe("the 1582 switch", () => {
  it("follows Julian 4 October 1582 with Gregorian 15 October: the same day is Gregorian 14 October", () => {
    const julian = resolved({ julian: "1582-10-04" });
    expect(julian.gregorian).toBe("1582-10-14");
    expect(julian.firstDay).toBe(gregorianJdn(1582, 10, 14));
    expect(julian.firstDay).toBe(2_299_160);
    const gregorian = resolved("1582-10-15");
    expect(gregorian.julian).toBe("1582-10-05");
    expect(gregorian.firstDay).toBe(julian.firstDay + 1);
  });

  it("converts the Julian October 1582 to its exact Gregorian days", () => {
    const october = resolved({ julian: "1582-10" });
    expect(october.gregorian).toBe("1582-10-11/1582-11-10");
    expect(extent(october)).toEqual({ firstDay: gregorianJdn(1582, 10, 11), lastDay: gregorianJdn(1582, 11, 10), possibleDays: undefined });
    expect(october.lastDay - october.firstDay + 1).toBe(31);
  });
});

describe("the 1918 switch", () => {
  it("makes Julian 31 January 1918 Gregorian 13 February 1918, and the next day Gregorian 14 February", () => {
    expect(resolved({ julian: "1918-01-31" })).toMatchObject({ gregorian: "1918-02-13", firstDay: gregorianJdn(1918, 2, 13) });
    expect(resolved("1918-02-14").julian).toBe("1918-02-01");
  });
});

describe("year 0 and the years before the common era", () => {
  it("reads 0000 as 1 BC and -0001 as 2 BC, a leap year of 366 days before year 1", () => {
    const zero = resolved("0000");
    expect(extent(zero)).toEqual({ firstDay: gregorianJdn(0, 1, 1), lastDay: gregorianJdn(0, 12, 31), possibleDays: undefined });
    expect(zero.lastDay - zero.firstDay + 1).toBe(366);
    expect(zero.lastDay + 1).toBe(gregorianJdn(1, 1, 1));
    expect(labels(zero)).toEqual(["1 p.n.e.", "1 BC"]);
    const minusOne = resolved("-0001");
    expect(minusOne.lastDay + 1).toBe(zero.firstDay);
    expect(labels(minusOne)).toEqual(["2 p.n.e.", "2 BC"]);
  });

  it("reads -004X as the years 50 to 41 BC", () => {
    const years = resolved("-004X");
    expect(extent(years)).toEqual({ firstDay: gregorianJdn(-49, 1, 1), lastDay: gregorianJdn(-40, 12, 31), possibleDays: undefined });
    expect(labels(years)).toEqual(["lata 50–41 p.n.e.", "a year from 50 to 41 BC"]);
  });

  it("has 29 February 1 BC in both calendars, and 29 February 101 BC in the Julian only", () => {
    expect(resolved({ julian: "0000-02-29" }).gregorian).toBe("0000-02-27");
    expect(resolved("0000-02-29").firstDay).toBe(gregorianJdn(0, 2, 29));
    expect(labels(resolved("0000-02-29"))).toEqual(["29 lutego 1 p.n.e.", "29 February 1 BC"]);
    expect(resolved({ julian: "-0100-02-29" }).gregorian).toBe("-0100-02-26");
    expect(parseEdtf("-0100-02-29", "gregorian")).toMatchObject({ ok: false, problem: { rule: "date-invalid" } });
  });

  it("dates the Ides of March 44 BC, Julian, to Gregorian 13 March", () => {
    expect(resolved({ julian: "-0043-03-15" })).toMatchObject({ gregorian: "-0043-03-13", firstDay: gregorianJdn(-43, 3, 13) });
  });
});

describe("unspecified digits across centuries", () => {
  it("converts the Julian 19XX to the Gregorian 13 January 1900 – 13 January 2000", () => {
    // The Julian calendar ran 12 days behind until its leap day of 1900 (which the Gregorian lacks), 13 after.
    const century = resolved({ julian: "19XX" });
    expect(century.gregorian).toBe("1900-01-13/2000-01-13");
    expect(extent(century)).toEqual({ firstDay: gregorianJdn(1900, 1, 13), lastDay: gregorianJdn(2000, 1, 13), possibleDays: undefined });
    expect(extent(resolved("19XX"))).toEqual({
      firstDay: gregorianJdn(1900, 1, 1),
      lastDay: gregorianJdn(1999, 12, 31),
      possibleDays: undefined,
    });
  });

  it("spans a millennium with 1XXX: the Julian 1000 begins on Gregorian 6 January 1000", () => {
    expect(resolved({ julian: "1XXX" })).toMatchObject({
      gregorian: "1000-01-06/2000-01-13",
      firstDay: gregorianJdn(1000, 1, 6),
      lastDay: gregorianJdn(2000, 1, 13),
    });
  });

  it("reads XXXX as any year from 0000 to 9999", () => {
    expect(extent(resolved("XXXX"))).toEqual({
      firstDay: gregorianJdn(0, 1, 1),
      lastDay: gregorianJdn(9999, 12, 31),
      possibleDays: undefined,
    });
  });

  it("finds the first and last 29 February among years with X digits", () => {
    expect(extent(resolved("191X-02-29"))).toMatchObject({ firstDay: gregorianJdn(1912, 2, 29), lastDay: gregorianJdn(1916, 2, 29) });
    // 1900 is a leap year in the Julian calendar only.
    expect(resolved("190X-02-29").firstDay).toBe(gregorianJdn(1904, 2, 29));
    expect(resolved({ julian: "190X-02-29" }).firstDay).toBe(gregorianJdn(1900, 3, 13));
    expect(parseEdtf("190X-02-30", "julian")).toMatchObject({ ok: false, problem: { rule: "date-invalid" } });
  });
});

/** Every form, in either calendar. */
const everyForm = [
  "1917-10-25",
  "1917-10",
  "1917",
  "1917?",
  "1917-10~",
  "1917-10-25%",
  "?1917-10-25",
  "1917-10?-25",
  "191X",
  "19XX",
  "1XXX",
  "1917-1X",
  "1917-XX",
  "1917-10-XX",
  "1917-XX-XX",
  "1917-10-2X",
  "191X-02-29",
  "1917-10-25/1917-11-07",
  "1917-10/1918-03",
  "1917-10-25/..",
  "../1918-03",
  "1917/",
  "/1918",
  "1917-10-XX/..",
  "[1917-10-24, 1917-10-25]",
  "[1917-10-24, 1917-10-26, 1917-11]",
  "[..1917-10]",
  "[1917-10..]",
  "[..1917-10-24, 1917-11-01..]",
  "[1917-10-24..1917-10-26, 1918]",
  "{1917-10-24, 1917-10-26}",
  "{1917, 1918-03}",
  "-0043-03-15",
  "0000",
  "-004X",
  "0000-02-29",
  "1582-10",
  "1582-10-04",
  "1918-01-31",
];

describe("conversion to the other calendar and back", () => {
  for (const [from, to] of [
    ["julian", "gregorian"],
    ["gregorian", "julian"],
  ] as [Calendar, Calendar][]) {
    it(`keeps the first, last and possible days of every form written in the ${from} calendar`, () => {
      for (const form of everyForm) {
        const written = resolved({ [from]: form });
        const converted = written[to];
        const readBack = resolved({ [to]: converted });
        expect(extent(readBack), `${from} ${form} → ${to} ${converted}`).toEqual(extent(written));
        // And the pair as an editor would write it is accepted.
        expect(resolveDate({ [from]: form, [to]: converted }).ok, `${form} with ${converted}`).toBe(true);
      }
    });
  }

  it("converts each day of a one-of set and each end of an interval exactly", () => {
    const parsed = parseEdtf("[1917-10-24, 1917-10-25..1917-10-27]", "julian");
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(convertEdtf(parsed.edtf, "julian", "gregorian")).toBe("[1917-11-06, 1917-11-07..1917-11-09]");
    expect(resolved({ julian: "[1582-10-03, 1582-10-05]" }).possibleDays).toEqual([
      { first: gregorianJdn(1582, 10, 13), last: gregorianJdn(1582, 10, 13) },
      { first: gregorianJdn(1582, 10, 15), last: gregorianJdn(1582, 10, 15) },
    ]);
  });
});
