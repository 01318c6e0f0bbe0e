// Builds the search index at sync time from the validated events, in every language they are written in.
// Kept apart from searching, so the API does not carry the Markdown renderer.
import type { Collection } from "../content/collection";
import { bodyText } from "../content/markdown";
import { referenceReader } from "../content/published-references";
import { type Locale, localeOrDefault } from "../locale/locales";
import type { SearchIndex } from "./search-index";
import { terms } from "./terms";

/** Where a word stands counts: a title hit outweighs a body hit. */
const fieldWeights = { title: 5, names: 3, summary: 2, body: 1 };

/** The index of a collection's events: their texts, and the names and aliases of their people and places. */
export function buildSearchIndex(
  collection: Pick<Collection, "events" | "locale" | "people" | "places" | "references" | "eventReferences">,
): SearchIndex {
  const index: SearchIndex = { version: 1, events: [], terms: new Map() };
  const defaultLocale = collection.locale;
  const references = referenceReader(collection);
  collection.events.forEach((event, number) => {
    const published = references.of(event);
    index.events.push({
      slug: event.slug,
      tags: event.tags,
      ...published,
      sources: [...new Set(event.citations.map((c) => c.source))],
      firstDay: event.date.firstDay,
      lastDay: event.date.lastDay,
    });
    const weights = new Map<string, number>();
    const add = (text: string | undefined, weight: number, language: Locale) => {
      for (const term of terms(text ?? "", language)) weights.set(term, (weights.get(term) ?? 0) + weight);
    };
    const names = [...references.words(published), ...event.tags].join(" ");
    add(event.title, fieldWeights.title, localeOrDefault(defaultLocale));
    add(names, fieldWeights.names, localeOrDefault(defaultLocale));
    add(event.summary, fieldWeights.summary, localeOrDefault(defaultLocale));
    add(bodyText(event.body), fieldWeights.body, localeOrDefault(defaultLocale));
    for (const [locale, translation] of Object.entries(event.translations)) {
      add(translation.title, fieldWeights.title, localeOrDefault(locale));
      add(translation.summary, fieldWeights.summary, localeOrDefault(locale));
      if (translation.body) add(bodyText(translation.body), fieldWeights.body, localeOrDefault(locale));
    }
    for (const [term, weight] of weights) {
      const postings = index.terms.get(term);
      if (postings) postings.push([number, weight]);
      else index.terms.set(term, [[number, weight]]);
    }
  });
  return index;
}
