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

  it("keeps a Julian leap day the Gregorian calendar lacks, and works before the common era", () => {
    // 1900 is a leap year in the Julian calendar only: Julian 29 February 1900 is Gregorian 13 March.
    expect(keysOf({ julian: "1900-02-29" })).toEqual(["gregorian#03-13", "julian#02-29"]);
    expect(keysOf({ julian: "-0043-03-15" })).toContain("julian#03-15");
  });
});
