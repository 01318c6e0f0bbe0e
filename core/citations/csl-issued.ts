// A dated document's CSL `issued`, from Kronika's own `date`: the Gregorian days, at the precision written
// (CSL dates are Gregorian; the date in both calendars stays on Source.date).
import { knownDay } from "../dates/edtf";
import type { ResolvedDate } from "../dates/historical-date";
import { fromJulianDay } from "../dates/julian-day";

export interface CslDate {
  "date-parts": number[][];
  circa?: boolean;
}

/**
 * The first and last day as a CSL range (one date when they are the same at the precision written). CSL has no
 * open end: a date open at one side (1917-10-25/.., [..1917-10]) gives its known side alone. A date that is not
 * known exactly (? ~ %, unspecified digits such as 191X, one of a set) is circa.
 */
export function cslIssued(date: ResolvedDate): CslDate {
  const parts = (julianDay: number) => {
    const { year, month, day } = fromJulianDay("gregorian", julianDay);
    return date.precision === "year" ? [year] : date.precision === "month" ? [year, month] : [year, month, day];
  };
  const known = [knownDay(date.firstDay), knownDay(date.lastDay)].filter((day): day is number => day !== undefined);
  const [first, last] = known.map(parts);
  const sameParts = !last || (first.length === last.length && first.every((p, i) => p === last[i]));
  const oneOf = date.edtf.startsWith("[");
  return {
    "date-parts": sameParts ? [first] : [first, last],
    ...(date.approximate || date.uncertain || date.unspecified || oneOf ? { circa: true } : {}),
  };
}
