// Anniversaries: the days of the year an event falls on, in each calendar, for "on this day" lists. Only the
// dates written to the day count: a day, a run of days, each possible day of a one-of set, the known end of
// an open interval. Unspecified digits (1917-10-XX), months and years have none.
import { type DaySpan, type EdtfPoint, mergeSpans, parseEdtf, pointSpan } from "./edtf";
import type { ResolvedDate } from "./historical-date";
import { type Calendar, fromJulianDay } from "./julian-day";

/** A run of days up to this many counts on each of its days; a longer one on its first and last. */
export const maxAnniversarySpan = 7;

const calendars: Calendar[] = ["gregorian", "julian"];

/** A day of the year in a calendar, as a list key: "gregorian#11-07". */
export const anniversaryKey = (calendar: Calendar, month: number, day: number) =>
  `${calendar}#${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** A date written to the day, every digit given. */
const toTheDay = (point: EdtfPoint | string | undefined): point is EdtfPoint =>
  typeof point === "object" && point.precision === "day" && !point.unspecified;

/** The runs of days a date counts on: each known to the day, in the calendar it was written in. */
function anniversarySpans(date: Pick<ResolvedDate, "edtf" | "calendar">): DaySpan[] {
  const parsed = parseEdtf(date.edtf, date.calendar);
  if (!parsed.ok) return [];
  const { edtf } = parsed;
  const span = (from: EdtfPoint, to: EdtfPoint) => ({
    first: pointSpan(from, date.calendar).first,
    last: pointSpan(to, date.calendar).last,
  });
  if (edtf.kind === "date") return toTheDay(edtf.point) ? [span(edtf.point, edtf.point)] : [];
  if (edtf.kind === "interval") {
    const { start, end } = edtf;
    if (toTheDay(start) && toTheDay(end)) return [span(start, end)];
    // An open, unknown or coarser end: the end known to the day counts alone (1917-10-25/.. on 25 October).
    return [start, end].filter(toTheDay).map((point) => span(point, point));
  }
  // A set: each member to the day (a day, or a run of days), joined where they touch, as possibleDays are.
  return mergeSpans(edtf.members.flatMap(({ from, to }) => (toTheDay(from) && toTheDay(to) ? [span(from, to)] : [])));
}

export function anniversaryKeys(date: Pick<ResolvedDate, "edtf" | "calendar">): string[] {
  const days = anniversarySpans(date).flatMap(({ first, last }) =>
    last - first + 1 <= maxAnniversarySpan ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [first, last],
  );
  const keys = new Set<string>();
  for (const calendar of calendars) {
    for (const julianDay of days) {
      const { month, day } = fromJulianDay(calendar, julianDay);
      keys.add(anniversaryKey(calendar, month, day));
    }
  }
  return [...keys];
}
