import { describe, expect, it } from "vitest";
import { convertEdtf, knownDay, parseEdtf } from "../../core/dates/edtf";
import { isoGregorian, resolveDate } from "../../core/dates/historical-date";
import { fromJulianDay, gregorianToJulian, julianToGregorian, toJulianDay } from "../../core/dates/julian-day";
import { dateLabel, labelled } from "../../core/dates/label";
import { supportedLocales } from "../../core/locale/locales";

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

  it("comes with a date as the store keeps it, in every supported language", () => {
    const result = resolveDate({ julian: "1917-10-25" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.date.labels).toBeUndefined();
    const { labels } = labelled(result.date);
    expect(labels).toEqual({ pl: "25 października (7 listopada) 1917", en: "25 October (7 November) 1917" });
    expect(Object.keys(labels ?? {})).toEqual(supportedLocales);
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

/** A resolved date's days as ISO Gregorian text, null for an open end (what the API serves). */
function bounds(written: Parameters<typeof resolveDate>[0]) {
  const result = resolveDate(written);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const iso = (day: number | undefined) => (day === undefined || knownDay(day) === undefined ? null : isoGregorian(day));
  const { date } = result;
  return {
    julian: date.julian,
    gregorian: date.gregorian,
    earliest: iso(date.firstDay),
    latest: iso(date.lastDay),
    certain: date.certainFirstDay === undefined ? null : [iso(date.certainFirstDay), iso(date.certainLastDay)],
  };
}

describe("historians' dates (EDTF levels 1 and 2)", () => {
  it("reads unspecified digits as the exact days they could be, in either calendar", () => {
    expect(bounds({ julian: "191X" })).toEqual({
      julian: "191X",
      gregorian: "1910-01-14/1920-01-13",
      earliest: "1910-01-14",
      latest: "1920-01-13",
      certain: null,
    });
    expect(bounds("19XX")).toMatchObject({ julian: "1899-12-20/1999-12-18", earliest: "1900-01-01", latest: "1999-12-31" });
    expect(bounds("1917-1X")).toMatchObject({ earliest: "1917-10-01", latest: "1917-12-31" });
    // A day not known becomes the run of days it could be, a one-of set: still one day, not all of them.
    expect(bounds({ julian: "1917-10-XX" })).toMatchObject({ gregorian: "[1917-10-14..1917-11-13]", certain: null });
    expect(bounds("1917-10-1X")).toMatchObject({ julian: "[1917-09-27..1917-10-06]", earliest: "1917-10-10", latest: "1917-10-19" });
  });

  it("finds the first and last day a 29 February with unknown year digits can be", () => {
    expect(bounds("191X-02-29")).toMatchObject({ earliest: "1912-02-29", latest: "1916-02-29" });
    expect(resolveDate("190X-02-29")).toMatchObject({ ok: true });
    expect(resolveDate("1917-XX-31")).toMatchObject({ ok: true });
    expect(resolveDate("1917-02-3X")).toMatchObject({ ok: false, problems: [{ rule: "date-invalid" }] });
  });

  it("keeps open and unknown ends open: no earliest or latest day, and the certain days run on", () => {
    expect(bounds({ julian: "1917-10-25/.." })).toEqual({
      julian: "1917-10-25/..",
      gregorian: "1917-11-07/..",
      earliest: "1917-11-07",
      latest: null,
      certain: ["1917-11-07", null],
    });
    expect(bounds("../1918-03")).toMatchObject({
      julian: "../1918-03-18",
      earliest: null,
      latest: "1918-03-31",
      certain: [null, "1918-03-01"],
    });
    expect(bounds("1917/")).toMatchObject({ earliest: "1917-01-01", latest: null, certain: null });
    expect(bounds("/1918")).toMatchObject({ julian: "/1918-12-18", earliest: null, latest: "1918-12-31", certain: null });
  });

  it("certainly covers an interval from its start's last possible day to its end's first", () => {
    expect(bounds("1917-10/1918-03")).toMatchObject({
      earliest: "1917-10-01",
      latest: "1918-03-31",
      certain: ["1917-10-31", "1918-03-01"],
    });
    expect(bounds("1917/1917-05")).toMatchObject({ certain: null });
    expect(bounds("1917-10").certain).toBeNull();
    expect(bounds("1917-11-07").certain).toEqual(["1917-11-07", "1917-11-07"]);
  });

  it("reads one of a set and all of a set, with runs and open sides", () => {
    expect(bounds({ julian: "[1917-10-24, 1917-10-25]" })).toEqual({
      julian: "[1917-10-24, 1917-10-25]",
      gregorian: "[1917-11-06, 1917-11-07]",
      earliest: "1917-11-06",
      latest: "1917-11-07",
      certain: null,
    });
    expect(bounds("[..1917-10]")).toMatchObject({ julian: "[..1917-10-18]", earliest: null, latest: "1917-10-31" });
    expect(bounds("[1917-10..]")).toMatchObject({ julian: "[1917-09-18..]", earliest: "1917-10-01", latest: null });
    expect(bounds("[1917-10-24..1917-10-26, 1917-11-01]")).toMatchObject({ julian: "[1917-10-11..1917-10-13, 1917-10-19]" });
    expect(bounds({ julian: "{1917-10-24, 1917-10-26}" })).toMatchObject({
      gregorian: "{1917-11-06, 1917-11-08}",
      certain: ["1917-11-06", "1917-11-08"],
    });
    const gaps = resolveDate("[1917-10-24, 1917-11-02]");
    if (!gaps.ok) throw new Error("parse");
    expect(gaps.date.possibleDays?.map((s) => [isoGregorian(s.first), isoGregorian(s.last)])).toEqual([
      ["1917-10-24", "1917-10-24"],
      ["1917-11-02", "1917-11-02"],
    ]);
  });

  it("applies a qualifier to its component: before it to it alone, after it to it and those before", () => {
    const point = (text: string) => {
      const parsed = parseEdtf(text, "gregorian");
      if (!parsed.ok || parsed.edtf.kind !== "date") throw new Error(text);
      const { year, month, day } = parsed.edtf.point;
      return [year, month, day].map((p) => (p?.uncertain ? "?" : "") + (p?.approximate ? "~" : ""));
    };
    expect(point("?1917-10-25")).toEqual(["?", "", ""]);
    expect(point("1917-?10-25")).toEqual(["", "?", ""]);
    expect(point("1917-10?-25")).toEqual(["?", "?", ""]);
    expect(point("1917-10-25%")).toEqual(["?~", "?~", "?~"]);
    expect(point("1917-~10-25")).toEqual(["", "~", ""]);
  });

  it("checks a pair in both calendars form by form, naming the right counterpart", () => {
    expect(resolveDate({ julian: "191X", gregorian: "1910-01-14/1920-01-13" }).ok).toBe(true);
    expect(resolveDate({ julian: "[1917-10-24, 1917-10-25]", gregorian: "[1917-11-06, 1917-11-07]" }).ok).toBe(true);
    expect(resolveDate({ julian: "1917-10-25/..", gregorian: "1917-11-07/.." }).ok).toBe(true);
    expect(resolveDate({ julian: "191X", gregorian: "191X" })).toMatchObject({
      ok: false,
      problems: [{ rule: "date-mismatch", key: "gregorian", message: "julian 191X is gregorian 1910-01-14/1920-01-13, not 191X" }],
    });
    expect(resolveDate({ julian: "[1917-10-24, 1917-10-25]", gregorian: "[1917-11-06, 1917-11-08]" })).toMatchObject({
      ok: false,
      problems: [
        {
          rule: "date-mismatch",
          message: "julian [1917-10-24, 1917-10-25] is gregorian [1917-11-06, 1917-11-07], not [1917-11-06, 1917-11-08]",
        },
      ],
    });
    // Same first and last day, but "24 and 26" is not "24 to 26".
    expect(resolveDate({ julian: "{1917-10-24, 1917-10-26}", gregorian: "1917-11-06/1917-11-08" })).toMatchObject({
      ok: false,
      problems: [{ rule: "date-mismatch" }],
    });
    expect(resolveDate({ julian: "1917-10-25/..", gregorian: "1917-11-07/" })).toMatchObject({ ok: false });
  });

  it("rejects what is not a date, with a reason", () => {
    const problemOf = (text: string) => {
      const parsed = parseEdtf(text, "gregorian");
      return parsed.ok ? undefined : parsed.problem;
    };
    expect(problemOf("1X17")).toMatchObject({ rule: "date-format", message: expect.stringContaining("last digits") });
    expect(problemOf("1917-2X")).toMatchObject({ rule: "date-invalid", message: '"1917-2X" has no month 2X (months are 01–12)' });
    expect(problemOf("[1917-10-24")).toMatchObject({ rule: "date-format", message: expect.stringContaining("does not close") });
    expect(problemOf("[..]")).toMatchObject({ rule: "date-format" });
    expect(problemOf("[1917.., 1918]")).toMatchObject({
      rule: "date-format",
      message: expect.stringContaining("only before its first date or after its last"),
    });
    expect(problemOf("../..")).toMatchObject({ rule: "date-format", message: expect.stringContaining("at either end") });
    expect(problemOf("[1917-10-26..1917-10-25]")).toMatchObject({ rule: "date-interval-order" });
    expect(problemOf("1917/1916")).toMatchObject({ rule: "date-interval-order" });
    expect(problemOf("-0000")).toMatchObject({ rule: "date-format" });
    expect(problemOf("1917-02-30")).toMatchObject({ rule: "date-invalid" });
    expect(problemOf(`[${Array.from({ length: 21 }, (_, i) => 1900 + i).join(", ")}]`)).toMatchObject({
      rule: "date-format",
      message: expect.stringContaining("more than 20 dates"),
    });
  });
});

describe("labels of historians' dates", () => {
  const label = (written: Parameters<typeof resolveDate>[0], locale: "pl" | "en" = "pl") => {
    const result = resolveDate(written);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return dateLabel(result.date, locale);
  };

  it("names approximate years, decades and runs of years", () => {
    expect([label("1917~"), label("1917~", "en")]).toEqual(["ok. 1917", "c. 1917"]);
    expect([label("191X"), label("191X", "en")]).toEqual(["lata 10. XX wieku", "the 1910s"]);
    expect(label("192X")).toBe("lata 20. XX wieku");
    expect(label("190X")).toBe("lata 1900–1909");
    expect([label("19XX"), label("19XX", "en")]).toEqual(["lata 1900–1999", "a year from 1900 to 1999"]);
    expect(label("-004X", "en")).toBe("a year from 50 to 41 BC");
    expect(label({ julian: "191X" })).toBe("lata 10. XX wieku (14 stycznia 1910 – 13 stycznia 1920)");
  });

  it("names a month or a day not known", () => {
    expect([label("1917-1X"), label("1917-1X", "en")]).toEqual([
      "październik, listopad lub grudzień 1917",
      "October, November or December 1917",
    ]);
    expect(label("1917-0X")).toBe("jeden z miesięcy styczeń–wrzesień 1917");
    expect([label("1917-XX"), label("1917-XX", "en")]).toEqual(["nieznany miesiąc roku 1917", "a month in 1917"]);
    expect(label({ julian: "1917-10-XX" })).toBe("nieznany dzień października (14 października – 13 listopada) 1917");
    expect(label("1917-10-1X", "en")).toBe("a day from 10 to 19 October 1917");
    expect(label({ julian: "1917-02-2X" })).toBe("jeden z dni 20–28 lutego (5–13 marca) 1917");
    expect(label("1917-XX-XX", "en")).toBe("a day in 1917");
  });

  it("names one of several days, all of them, and sets open at one side", () => {
    expect(label({ julian: "[1917-10-24, 1917-10-25]" })).toBe("24 lub 25 października (6 lub 7 listopada) 1917");
    expect(label({ julian: "[1917-10-24, 1917-10-25]" }, "en")).toBe("24 or 25 October (6 or 7 November) 1917");
    expect(label({ julian: "{1917-10-24, 1917-10-26}" })).toBe("24 i 26 października (6 i 8 listopada) 1917");
    expect(label("[1917-10-24, 1917-11-02]")).toBe("24 października lub 2 listopada 1917");
    expect(label("[1917-10-24..1917-10-26, 1917-11-01]", "en")).toBe("24–26 October or 1 November 1917");
    expect([label("[..1917-10]"), label("[..1917-10]", "en")]).toEqual(["październik 1917 lub wcześniej", "October 1917 or earlier"]);
    expect(label("[1917-10..]", "en")).toBe("October 1917 or later");
  });

  it("names open and unknown ends, sharing the words between the calendars", () => {
    expect(label({ julian: "1917-10-25/.." })).toBe("od 25 października (7 listopada) 1917");
    expect(label({ julian: "1917-10-25/.." }, "en")).toBe("from 25 October (7 November) 1917");
    expect([label("../1918-03"), label("../1918-03", "en")]).toEqual(["do marca 1918", "until March 1918"]);
    expect(label("1917/")).toBe("od 1917 (koniec nieznany)");
    expect(label("/1918", "en")).toBe("until 1918 (start unknown)");
  });

  it("marks the uncertain component", () => {
    expect(label("?1917-10-25")).toBe("25 października 1917?");
    expect(label("1917-?10-25")).toBe("25 października? 1917");
    expect(label("1917-10-25?")).toBe("25 października 1917?");
    expect(label("1917-10-25%", "en")).toBe("c. 25 October 1917?");
  });
});

describe("conversion of every form, at random", () => {
  // A fixed seed: the same dates each run, many more than a hand-written list.
  let seed = 1917;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const year = () => {
    const y = [1582, 1700, 1900, 1917, 1918, 0, -44, 4][random(8)] + random(3);
    const text = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
    return random(5) === 0 && y > 0 ? `${text.slice(0, 3)}X` : text;
  };
  const point = (): string => {
    const qualifier = ["", "", "", "?", "~", "%"][random(6)];
    const y = year();
    const shape = random(4);
    if (shape === 0) return y + qualifier;
    const month = random(6) === 0 ? "1X" : pad(1 + random(12), 2);
    if (shape === 1) return `${y}-${month}${qualifier}`;
    const day = random(6) === 0 ? "XX" : pad(1 + random(28), 2);
    return `${y}-${month}-${day}${qualifier}`;
  };
  const value = (): string => {
    switch (random(6)) {
      case 0:
        return point();
      case 1:
        return `${point()}/${point()}`;
      case 2:
        return [`${point()}/..`, `../${point()}`, `${point()}/`, `/${point()}`][random(4)];
      case 3:
        return `[${point()}, ${point()}]`;
      case 4:
        return `{${point()}, ${point()}..${point()}}`;
      default:
        return `[..${point()}, ${point()}..]`;
    }
  };

  it("writes each date in the other calendar so that the pair checks out, and back", () => {
    let checked = 0;
    for (let i = 0; i < 3000; i += 1) {
      const text = value();
      const from = random(2) === 0 ? "julian" : "gregorian";
      const to = from === "julian" ? "gregorian" : "julian";
      const parsed = parseEdtf(text, from);
      if (!parsed.ok) continue; // an interval or run that ends before it starts, or a day that does not exist
      const converted = convertEdtf(parsed.edtf, from, to);
      const pair = resolveDate({ [from]: text, [to]: converted });
      if (!pair.ok) throw new Error(`${from} ${text} -> ${to} ${converted}: ${JSON.stringify(pair.problems)}`);
      const back = parseEdtf(converted, to);
      if (!back.ok) throw new Error(converted);
      expect([back.extent.first, back.extent.last], `${text} (${from}) -> ${converted}`).toEqual([parsed.extent.first, parsed.extent.last]);
      for (const locale of ["pl", "en"] as const) {
        const label = dateLabel(pair.date, locale);
        if (/undefined|NaN|\[|\{/.test(label) || label.trim() === "") throw new Error(`${text}: label "${label}"`);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1500);
  });
});
