// The search index: built at sync time from the validated events (every language they are written in),
// searched in memory by the API. Ranked by field weight and rarity; every query term must match.
import type { EventEntry } from "../content/collection";
import { renderBody } from "../content/markdown";
import { type Language, termMatches, terms } from "./terms";

export interface IndexedEvent {
  slug: string;
  tags: string[];
  people: string[];
  places: string[];
  sources: string[];
  firstDay: number;
  lastDay: number;
}

export interface SearchIndex {
  version: 1;
  events: IndexedEvent[];
  /** Stem → [event number, weight] pairs. */
  terms: Record<string, [number, number][]>;
}

/** Where a word stands counts: a title hit outweighs a body hit. */
const fieldWeights = { title: 5, names: 3, summary: 2, body: 1 };

const languageOf = (locale: string): Language => (locale === "en" ? "en" : "pl");

export function buildSearchIndex(events: EventEntry[], defaultLocale: string): SearchIndex {
  const index: SearchIndex = { version: 1, events: [], terms: {} };
  events.forEach((event, number) => {
    index.events.push({
      slug: event.slug,
      tags: event.tags,
      people: event.people,
      places: event.places,
      sources: [...new Set(event.citations.map((c) => c.source))],
      firstDay: event.date.firstDay,
      lastDay: event.date.lastDay,
    });
    const weights = new Map<string, number>();
    const add = (text: string | undefined, weight: number, language: Language) => {
      for (const term of terms(text ?? "", language)) weights.set(term, (weights.get(term) ?? 0) + weight);
    };
    const names = [...event.people, ...event.places, ...event.tags].join(" ");
    add(event.title, fieldWeights.title, languageOf(defaultLocale));
    add(names, fieldWeights.names, languageOf(defaultLocale));
    add(event.summary, fieldWeights.summary, languageOf(defaultLocale));
    add(renderBody(event.body).text, fieldWeights.body, languageOf(defaultLocale));
    for (const [locale, translation] of Object.entries(event.translations)) {
      add(translation.title, fieldWeights.title, languageOf(locale));
      add(translation.summary, fieldWeights.summary, languageOf(locale));
      if (translation.body) add(renderBody(translation.body).text, fieldWeights.body, languageOf(locale));
    }
    for (const [term, weight] of weights) {
      index.terms[term] ??= [];
      index.terms[term].push([number, weight]);
    }
  });
  return index;
}

export interface SearchHit {
  slug: string;
  score: number;
}

/** Events matching every term of the query (in any language indexed), best first. */
export function searchEvents(index: SearchIndex, query: string, accept: (event: IndexedEvent) => boolean = () => true): SearchHit[] {
  const queryTerms = [...new Set([...terms(query, "pl"), ...terms(query, "en")])];
  const polishTerms = terms(query, "pl");
  if (polishTerms.length === 0) return [];
  const total = index.events.length;
  const scores = new Map<number, number>();
  const matchedTerms = new Map<number, Set<string>>();
  const indexTerms = Object.keys(index.terms);
  for (const queryTerm of queryTerms) {
    for (const term of indexTerms) {
      if (!termMatches(queryTerm, term)) continue;
      const postings = index.terms[term];
      const rarity = Math.log(1 + total / postings.length);
      for (const [number, weight] of postings) {
        scores.set(number, (scores.get(number) ?? 0) + weight * rarity);
        const matched = matchedTerms.get(number) ?? new Set<string>();
        matched.add(queryTerm);
        matchedTerms.set(number, matched);
      }
    }
  }
  // Every word of the query must match, in its Polish or its English stem.
  const englishTerms = terms(query, "en");
  const matchesAll = (number: number) => {
    const matched = matchedTerms.get(number) ?? new Set<string>();
    return polishTerms.every((t) => matched.has(t)) || (englishTerms.length > 0 && englishTerms.every((t) => matched.has(t)));
  };
  return [...scores]
    .filter(([number]) => matchesAll(number) && accept(index.events[number]))
    .map(([number, score]) => ({ slug: index.events[number].slug, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
}
