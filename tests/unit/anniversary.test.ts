// Anniversary keys: the days of the year a date falls on, in both calendars.
import { describe, expect, it } from "vitest";
import { anniversaryKeys } from "../../core/dates/anniversary";
import { resolveDate } from "../../core/dates/historical-date";

const keysOf = (written: string | Record<string, string>) => {
  const resolved = resolveDate(written as never);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return anniversaryKeys(resolved.date).sort();
};

describe("anniversaries", () => {
  it("puts a Julian day on its Julian and its Gregorian day of the year", () => {
    expect(keysOf({ julian: "1917-10-25" })).toEqual(["gregorian#11-07", "julian#10-25"]);
  });

  it("counts each day of a short interval, and the ends of a long one", () => {
    expect(keysOf({ julian: "1917-10-25/1917-10-26" })).toEqual(["gregorian#11-07", "gregorian#11-08", "julian#10-25", "julian#10-26"]);
    expect(keysOf("1917-11-01/1917-11-30")).toEqual(["gregorian#11-01", "gregorian#11-30", "julian#10-19", "julian#11-17"]);
  });

  it("has none for a date known to the month or the year", () => {
    expect(keysOf("1917-11")).toEqual([]);
    expect(keysOf("1917")).toEqual([]);
  });

  it("has none for a date with unspecified digits, even one written to the day", () => {
    expect(keysOf("1917-10-XX")).toEqual([]);
    expect(keysOf({ julian: "1917-XX-25" })).toEqual([]);
    expect(keysOf("191X-10-25")).toEqual([]);
  });

  it("counts a one-of set of days on each possible day, in both calendars", () => {
    expect(keysOf({ julian: "[1917-10-24, 1917-10-25]" })).toEqual(["gregorian#11-06", "gregorian#11-07", "julian#10-24", "julian#10-25"]);
    expect(keysOf("[1917-10-24, 1917-10-26]")).toEqual(["gregorian#10-24", "gregorian#10-26", "julian#10-11", "julian#10-13"]);
    expect(keysOf("{1917-11-07, 1918-03-03}")).toEqual(["gregorian#03-03", "gregorian#11-07", "julian#02-18", "julian#10-25"]);
  });

  it("caps each run of a set at a week: a longer run counts on its first and last day", () => {
    expect(keysOf("[1917-10-01..1917-10-20, 1917-11-07]")).toEqual([
      "gregorian#10-01",
      "gregorian#10-20",
      "gregorian#11-07",
      "julian#09-18",
      "julian#10-07",
      "julian#10-25",
    ]);
    expect(keysOf("[1917-10-01..1917-10-03, 1917-10-05]")).toEqual([
      "gregorian#10-01",
      "gregorian#10-02",
      "gregorian#10-03",
      "gregorian#10-05",
      "julian#09-18",
      "julian#09-19",
      "julian#09-20",
      "julian#09-22",
    ]);
  });

  it("counts only the members of a set and the ends of an interval that are known to the day", () => {
    expect(keysOf("[1917-10-24, 1917-11]")).toEqual(["gregorian#10-24", "julian#10-11"]);
    expect(keysOf("1917-10-25/1917-11")).toEqual(["gregorian#10-25", "julian#10-12"]);
    expect(keysOf("[..1917-10-25]")).toEqual([]);
  });

  it("counts an interval with an open or unknown end on its known day only", () => {
    expect(keysOf({ julian: "1917-10-25/.." })).toEqual(["gregorian#11-07", "julian#10-25"]);
    expect(keysOf("../1918-03-03")).toEqual(["gregorian#03-03", "julian#02-18"]);
    expect(keysOf("1917-10-25/")).toEqual(["gregorian#10-25", "julian#10-12"]);
    expect(keysOf("1917/..")).toEqual([]);
  });

  it("keeps a Julian leap day the Gregorian calendar lacks, and works before the common era", () => {
    // 1900 is a leap year in the Julian calendar only: Julian 29 February 1900 is Gregorian 13 March.
    expect(keysOf({ julian: "1900-02-29" })).toEqual(["gregorian#03-13", "julian#02-29"]);
    expect(keysOf({ julian: "-0043-03-15" })).toContain("julian#03-15");
  });
});
