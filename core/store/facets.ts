// Facet counts for filter chips and a histogram: how many events name each tag, person and place, and
// start in each year and decade (Gregorian, astronomical years). Pure: the sync computes them for the
// whole collection; the store computes them for a filter from the matching events' list entries.
import { knownDay } from "../dates/edtf";
import { fromJulianDay } from "../dates/julian-day";

export interface FacetCount {
  value: string;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
}

export interface Facets {
  eventCount: number;
  tags: FacetCount[];
  people: FacetCount[];
  places: FacetCount[];
  years: YearCount[];
  decades: YearCount[];
}

/** What facets count of one event. */
export interface FacetFacts {
  tags: string[];
  people: string[];
  places: string[];
  firstDay: number;
  lastDay: number;
}

function counted(values: Iterable<string>): FacetCount[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function byYear(years: number[]): YearCount[] {
  const counts = new Map<number, number>();
  for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year);
}

/**
 * The day whose year an event counts in: its first possible day (1910 for 191X), or for an open start
 * (../1918-03) its known end. Every event counts in some year, so the years add up to eventCount, and in the
 * year a filter on that year finds it.
 */
const yearDay = (event: Pick<FacetFacts, "firstDay" | "lastDay">): number => knownDay(event.firstDay) ?? event.lastDay;

export function facetsOf(events: FacetFacts[]): Facets {
  const unique = (list: string[]) => [...new Set(list)];
  const years = events.map((e) => fromJulianDay("gregorian", yearDay(e)).year);
  return {
    eventCount: events.length,
    tags: counted(events.flatMap((e) => unique(e.tags))),
    people: counted(events.flatMap((e) => unique(e.people))),
    places: counted(events.flatMap((e) => unique(e.places))),
    years: byYear(years),
    decades: byYear(years.map((year) => Math.floor(year / 10) * 10)),
  };
}
