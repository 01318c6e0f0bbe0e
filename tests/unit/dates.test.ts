import { describe, expect, it } from "vitest";
import { convertEdtf, parseEdtf } from "../../core/dates/edtf";
import { resolveDate } from "../../core/dates/historical-date";
import { fromJulianDay, gregorianToJulian, julianToGregorian, toJulianDay } from "../../core/dates/julian-day";
import { dateLabel } from "../../core/dates/label";

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe("Julian Day Numbers", () => {
  it("matches known Julian Day Numbers in both calendars", () => {
    expect(toJulianDay("gregorian", day(2000, 1, 1))).toBe(2451545);
    expect(toJulianDay("julian", day(-4712, 1, 1))).toBe(0);
    expect(toJulianDay("gregorian", day(-4713, 11, 24))).toBe(0);
    expect(toJulianDay("gregorian", day(1582, 10, 15))).toBe(2299161);
    expect(toJulianDay("julian", day(1582, 10, 4))).toBe(2299160);
  });

  it("converts the known pairs exactly", () => {
    expect(julianToGregorian(day(1917, 10, 25))).toEqual(day(1917, 11, 7));
    expect(julianToGregorian(day(1582, 10, 4))).toEqual(day(1582, 10, 14));
    expect(julianToGregorian(day(1700, 2, 29))).toEqual(day(1700, 3, 11));
    expect(julianToGregorian(day(1918, 1, 31))).toEqual(day(1918, 2, 13));
    expect(gregorianToJulian(day(1918, 2, 14))).toEqual(day(1918, 2, 1));
    expect(julianToGregorian(day(-43, 3, 15))).toEqual(day(-43, 3, 13));
    expect(julianToGregorian(day(1, 1, 1))).toEqual(day(0, 12, 30));
  });

  it("round-trips every day from 10000 BCE to 10000 CE in both calendars", () => {
    const start = toJulianDay("julian", day(-9999, 1, 1));
    const end = toJulianDay("gregorian", day(9999, 12, 31));
    for (let jd = start; jd <= end; jd += 1) {
      for (const calendar of ["julian", "gregorian"] as const) {
        const d = fromJulianDay(calendar, jd);
        if (toJulianDay(calendar, d) !== jd) throw new Error(`${calendar} ${jd} -> ${JSON.stringify(d)}`);
      }
    }
    expect(fromJulianDay("gregorian", end)).toEqual(day(9999, 12, 31));
  });
});

describe("EDTF in a calendar", () => {
  it("accepts Julian 1700-02-29 and rejects Gregorian 1700-02-29", () => {
    expect(parseEdtf("1700-02-29", "julian").ok).toBe(true);
    const gregorian = parseEdtf("1700-02-29", "gregorian");
    expect(gregorian).toMatchObject({ ok: false, problem: { rule: "date-invalid" } });
  });

  it("rejects impossible days, bad months and malformed text", () => {
    expect(parseEdtf("1917-02-30", "gregorian")).toMatchObject({
      ok: false,
      problem: { rule: "date-invalid", message: "1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days)" },
    });
    expect(parseEdtf("1917-13", "julian")).toMatchObject({ ok: false, problem: { rule: "date-invalid" } });
    expect(parseEdtf("25 X 1917", "julian")).toMatchObject({ ok: false, problem: { rule: "date-format" } });
    expect(parseEdtf("1917-1-5", "julian")).toMatchObject({ ok: false, problem: { rule: "date-format" } });
    expect(parseEdtf("1917/1918/1919", "julian")).toMatchObject({ ok: false, problem: { rule: "date-format" } });
  });

  it("rejects an interval that ends before it starts", () => {
    expect(parseEdtf("1917-10-26/1917-10-25", "julian")).toMatchObject({
      ok: false,
      problem: { rule: "date-interval-order", message: "interval 1917-10-26/1917-10-25 ends before it starts" },
    });
  });

  it("converts a month or a year to the exact days in the other calendar", () => {
    const month = parseEdtf("1917-10", "julian");
    if (!month.ok) throw new Error("parse");
    expect(convertEdtf(month.edtf, "julian", "gregorian")).toBe("1917-10-14/1917-11-13");
    const year = parseEdtf("1917", "julian");
    if (!year.ok) throw new Error("parse");
    expect(convertEdtf(year.edtf, "julian", "gregorian")).toBe("1917-01-14/1918-01-13");
    const leap = parseEdtf("1700-02", "julian");
    if (!leap.ok) throw new Error("parse");
    expect(convertEdtf(leap.edtf, "julian", "gregorian")).toBe("1700-02-11/1700-03-11");
  });

  it("keeps qualifiers on each end of a converted interval", () => {
    const night = parseEdtf("1917-10-25~/1917-10-26", "julian");
    if (!night.ok) throw new Error("parse");
    expect(convertEdtf(night.edtf, "julian", "gregorian")).toBe("1917-11-07~/1917-11-08");
  });

  it("reads years before the common era in astronomical numbering", () => {
    const ides = parseEdtf("-0043-03-15", "julian");
    if (!ides.ok) throw new Error("parse");
    expect(convertEdtf(ides.edtf, "julian", "gregorian")).toBe("-0043-03-13");
  });
});

describe("a written date in both calendars", () => {
  it("resolves a Julian date into both calendars with its first and last day", () => {
    const result = resolveDate({ julian: "1917-10-25/1917-10-26" });
    expect(result).toMatchObject({
      ok: true,
      date: {
        calendar: "julian",
        edtf: "1917-10-25/1917-10-26",
        julian: "1917-10-25/1917-10-26",
        gregorian: "1917-11-07/1917-11-08",
        precision: "day",
      },
    });
  });

  it("accepts a pair that agrees, whichever form the Gregorian side takes", () => {
    expect(resolveDate({ julian: "1917-10-25", gregorian: "1917-11-07" }).ok).toBe(true);
    expect(resolveDate({ julian: "1917-10", gregorian: "1917-10-14/1917-11-13" }).ok).toBe(true);
  });

  it("rejects a Julian/Gregorian pair that disagrees, naming the right counterpart", () => {
    expect(resolveDate({ julian: "1917-11-15", gregorian: "1917-12-02" })).toEqual({
      ok: false,
      problems: [{ rule: "date-mismatch", key: "gregorian", message: "julian 1917-11-15 is gregorian 1917-11-28, not 1917-12-02" }],
    });
    expect(resolveDate({ julian: "1917-11-25", gregorian: "1917-12-12" })).toMatchObject({
      ok: false,
      problems: [{ message: "julian 1917-11-25 is gregorian 1917-12-08, not 1917-12-12" }],
    });
  });

  it("rejects a pair whose qualifiers differ", () => {
    expect(resolveDate({ julian: "1917-10~", gregorian: "1917-10-14/1917-11-13" })).toMatchObject({
      ok: false,
      problems: [{ rule: "date-qualifier-mismatch" }],
    });
  });

  it("reads a plain string as Gregorian and requires one calendar in a pair", () => {
    expect(resolveDate("1918-01-18")).toMatchObject({ ok: true, date: { calendar: "gregorian", julian: "1918-01-05" } });
    expect(resolveDate({})).toMatchObject({ ok: false, problems: [{ rule: "date-missing" }] });
  });
});

describe("date labels", () => {
  const label = (written: Parameters<typeof resolveDate>[0], locale: "pl" | "en" = "pl") => {
    const result = resolveDate(written);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return dateLabel(result.date, locale);
  };

  it("shows a Julian day with its Gregorian counterpart in Polish and English", () => {
    expect(label({ julian: "1917-10-25" })).toBe("25 października (7 listopada) 1917");
    expect(label({ julian: "1917-10-25" }, "en")).toBe("25 October (7 November) 1917");
  });

  it("shows a night across two days and a change of year", () => {
    expect(label({ julian: "1917-10-25/1917-10-26" })).toBe("25–26 października (7–8 listopada) 1917");
    expect(label({ julian: "1917-12-20" })).toBe("20 grudnia 1917 (2 stycznia 1918)");
  });

  it("shows months, approximate dates and years before the common era", () => {
    expect(label({ julian: "1917-10" })).toBe("październik (14 października – 13 listopada) 1917");
    expect(label("1918-03~")).toBe("ok. marzec 1918");
    expect(label("-0043-03-15", "en")).toBe("15 March 44 BC");
    expect(label("1918-01-18")).toBe("18 stycznia 1918");
  });
});
