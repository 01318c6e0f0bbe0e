// Anniversaries: the days of the year an event falls on, in each calendar, for "on this day" lists. Only a
// date known to the day has them: every day of it, or for an interval longer than a week its first and last.
import type { ResolvedDate } from "./historical-date";
import { type Calendar, fromJulianDay } from "./julian-day";

/** An interval up to this many days counts on each of its days; a longer one on its first and last. */
export const maxAnniversarySpan = 7;

const calendars: Calendar[] = ["gregorian", "julian"];

/** A day of the year in a calendar, as a list key: "gregorian#11-07". */
export const anniversaryKey = (calendar: Calendar, month: number, day: number) =>
  `${calendar}#${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export function anniversaryKeys(date: Pick<ResolvedDate, "precision" | "firstDay" | "lastDay">): string[] {
  if (date.precision !== "day") return [];
  const span = date.lastDay - date.firstDay + 1;
  const days = span <= maxAnniversarySpan ? Array.from({ length: span }, (_, i) => date.firstDay + i) : [date.firstDay, date.lastDay];
  const keys = new Set<string>();
  for (const calendar of calendars) {
    for (const julianDay of days) {
      const { month, day } = fromJulianDay(calendar, julianDay);
      keys.add(anniversaryKey(calendar, month, day));
    }
  }
  return [...keys];
}
