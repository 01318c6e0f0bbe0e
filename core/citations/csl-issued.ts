// A dated document's CSL `issued`, from Kronika's own `date`: the Gregorian days, at the precision written
// (CSL dates are Gregorian; the date in both calendars stays on Source.date).
import type { ResolvedDate } from "../dates/historical-date";
import { fromJulianDay } from "../dates/julian-day";

export interface CslDate {
  "date-parts": number[][];
  circa?: boolean;
}

export function cslIssued(date: ResolvedDate): CslDate {
  const parts = (julianDay: number) => {
    const { year, month, day } = fromJulianDay("gregorian", julianDay);
    return date.precision === "year" ? [year] : date.precision === "month" ? [year, month] : [year, month, day];
  };
  const first = parts(date.firstDay);
  const last = parts(date.lastDay);
  const sameParts = first.length === last.length && first.every((p, i) => p === last[i]);
  return {
    "date-parts": sameParts ? [first] : [first, last],
    ...(date.approximate || date.uncertain ? { circa: true } : {}),
  };
}
