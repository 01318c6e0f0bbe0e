// Facet counts for filter chips and a histogram: how many events name each tag, person and place, and
// start in each year and decade (Gregorian, astronomical years). Pure: the sync computes them for the
// whole collection; the store computes them for a filter from the matching events' list entries.
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

export function facetsOf(events: FacetFacts[]): Facets {
  const unique = (list: string[]) => [...new Set(list)];
  const years = events.map((e) => fromJulianDay("gregorian", e.firstDay).year);
  return {
    eventCount: events.length,
    tags: counted(events.flatMap((e) => unique(e.tags))),
    people: counted(events.flatMap((e) => unique(e.people))),
    places: counted(events.flatMap((e) => unique(e.places))),
    years: byYear(years),
    decades: byYear(years.map((year) => Math.floor(year / 10) * 10)),
  };
}
