// What a person or a place is called: in a language (its translation, else the collection's name) and, for a
// place, on a day (the historical name whose period holds the day, else its own name). Pure.
import type { HistoricalName, Names } from "../content/collection";
import { knownDay } from "../dates/edtf";

interface Named {
  name: string;
  names: Names;
}

/** The name in `locale` if translated, else the name in the collection's language. */
export function nameIn(record: Named, locale: string | undefined): string {
  return (locale !== undefined && Object.hasOwn(record.names, locale) ? record.names[locale] : undefined) ?? record.name;
}

/** The historical name in use on a day (a Julian Day Number); bounds are inclusive, a missing bound open. */
export function historicalNameOn(names: readonly HistoricalName[], day: number): HistoricalName | undefined {
  return names.find((n) => (n.firstDay === undefined || n.firstDay <= day) && (n.lastDay === undefined || day <= n.lastDay));
}

/** The day an event's places are named on: its first day, or for an open start (../1918-03) its known end. */
export const eventNamingDay = (event: { firstDay: number; lastDay: number }): number | undefined =>
  knownDay(event.firstDay) ?? knownDay(event.lastDay);

/** A place's name on a day (or its own name, without a day), in `locale` where translated. */
export function placeNameOn(
  place: Named & { historicalNames: readonly HistoricalName[] },
  day: number | undefined,
  locale: string | undefined,
) {
  const historical = day === undefined ? undefined : historicalNameOn(place.historicalNames, day);
  return nameIn(historical ?? place, locale);
}
