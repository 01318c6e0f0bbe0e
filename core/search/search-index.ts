// The search index's shape, and searching it in memory, as the API does: ranked by field weight and
// rarity; every query term must match. It is built at sync time (build-search-index.ts).
import { defaultLocale, supportedLocales } from "../locale/locales";
import { termMatches, terms } from "./terms";

export interface IndexedEvent {
  slug: string;
  tags: string[];
  people: string[];
  places: string[];
  placesWithin: string[];
  sources: string[];
  firstDay: number;
  lastDay: number;
}

export interface SearchIndex {
  version: 1;
  events: IndexedEvent[];
  /** Stem → [event number, weight] pairs. A Map: a stem is any word, "constructor" too. */
  terms: Map<string, [number, number][]>;
}

export interface SearchHit {
  slug: string;
  score: number;
}

/** Events matching every term of the query (in any language indexed), best first. */
export function searchEvents(index: SearchIndex, query: string, accept: (event: IndexedEvent) => boolean = () => true): SearchHit[] {
  const termsByLocale = supportedLocales.map((locale) => terms(query, locale));
  const queryTerms = [...new Set(termsByLocale.flat())];
  // A query of nothing but stopwords of the default language finds nothing.
  if (terms(query, defaultLocale).length === 0) return [];
  const total = index.events.length;
  const scores = new Map<number, number>();
  const matchedTerms = new Map<number, Set<string>>();
  for (const queryTerm of queryTerms) {
    for (const [term, postings] of index.terms) {
      if (!termMatches(queryTerm, term)) continue;
      const rarity = Math.log(1 + total / postings.length);
      for (const [number, weight] of postings) {
        scores.set(number, (scores.get(number) ?? 0) + weight * rarity);
        const matched = matchedTerms.get(number) ?? new Set<string>();
        matched.add(queryTerm);
        matchedTerms.set(number, matched);
      }
    }
  }
  // Every word of the query must match, in its stems of one language.
  const matchesAll = (number: number) => {
    const matched = matchedTerms.get(number) ?? new Set<string>();
    return termsByLocale.some((stems) => stems.length > 0 && stems.every((t) => matched.has(t)));
  };
  return [...scores]
    .filter(([number]) => matchesAll(number) && accept(index.events[number]))
    .map(([number, score]) => ({ slug: index.events[number].slug, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
}
