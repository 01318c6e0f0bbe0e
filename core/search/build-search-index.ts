// Builds the search index at sync time from the validated events, in every language they are written in.
// Kept apart from searching, so the API does not carry the Markdown renderer.
import type { Collection, EventEntry } from "../content/collection";
import { bodyText } from "../content/markdown";
import { type ReferenceReader, referenceReader } from "../content/published-references";
import { type Locale, localeOrDefault } from "../locale/locales";
import type { IndexedEvent, SearchIndex } from "./search-index";
import { terms } from "./terms";

/** Where a word stands counts: a title hit outweighs a body hit. */
const fieldWeights = { title: 5, names: 3, summary: 2, body: 1 };

/**
 * The index of the revision before, and the events whose entries and terms would come out the same from the
 * collection now (the caller vouches for it: same event, same records named, same language, same code).
 */
export interface PreviousIndex {
  index: SearchIndex;
  unchanged: ReadonlySet<string>;
}

/** How an index was made: events whose terms were taken from the index before, and events indexed anew. */
export interface IndexBuild {
  index: SearchIndex;
  kept: number;
  indexed: number;
}

/**
 * The index of a collection's events: their texts, and the names and aliases of their people and places.
 * Terms are in code-unit order and each term's postings in event order, so an index updated from the one
 * before (`previous`) is the very index a build from nothing gives.
 */
export function buildSearchIndex(
  collection: Pick<Collection, "events" | "locale" | "people" | "places" | "references" | "eventReferences">,
  previous?: PreviousIndex,
): IndexBuild {
  const references = referenceReader(collection);
  const language = localeOrDefault(collection.locale);
  const before = new Map(previous?.index.events.map((event, number) => [event.slug, number]));
  /** An event's number in the index before → its number now, for events kept. */
  const renumbered = new Map<number, number>();
  const fresh: [number, Map<string, number>][] = [];
  const events = collection.events.map((event, number): IndexedEvent => {
    const old = previous?.unchanged.has(event.slug) ? before.get(event.slug) : undefined;
    if (old !== undefined && previous) {
      renumbered.set(old, number);
      return previous.index.events[old];
    }
    const { entry, weights } = indexEvent(event, references, language);
    fresh.push([number, weights]);
    return entry;
  });
  const postingsOf = new Map<string, [number, number][]>();
  const unsorted = new Set<[number, number][]>();
  for (const [term, postings] of previous?.index.terms ?? []) {
    const kept: [number, number][] = [];
    for (const posting of postings) {
      const number = renumbered.get(posting[0]);
      if (number === undefined) continue;
      if (kept.length > 0 && kept[kept.length - 1][0] > number) unsorted.add(kept);
      kept.push(number === posting[0] ? posting : [number, posting[1]]);
    }
    if (kept.length > 0) postingsOf.set(term, kept);
  }
  for (const [number, weights] of fresh) {
    for (const [term, weight] of weights) {
      const postings = postingsOf.get(term);
      if (!postings) postingsOf.set(term, [[number, weight]]);
      else {
        if (postings[postings.length - 1][0] > number) unsorted.add(postings);
        postings.push([number, weight]);
      }
    }
  }
  for (const postings of unsorted) postings.sort((a, b) => a[0] - b[0]);
  const ordered = [...postingsOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    index: { version: 1, events, terms: new Map(ordered.map((term) => [term, postingsOf.get(term) as [number, number][]])) },
    kept: renumbered.size,
    indexed: fresh.length,
  };
}

/** One event's entry and the weight of each of its terms. */
function indexEvent(event: EventEntry, references: ReferenceReader, language: Locale) {
  const published = references.of(event);
  const entry: IndexedEvent = {
    slug: event.slug,
    tags: event.tags,
    ...published,
    sources: [...new Set(event.citations.map((c) => c.source))],
    firstDay: event.date.firstDay,
    lastDay: event.date.lastDay,
  };
  const weights = new Map<string, number>();
  const add = (text: string | undefined, weight: number, locale: Locale) => {
    for (const term of terms(text ?? "", locale)) weights.set(term, (weights.get(term) ?? 0) + weight);
  };
  const names = [...references.words(published), ...event.tags].join(" ");
  add(event.title, fieldWeights.title, language);
  add(names, fieldWeights.names, language);
  add(event.summary, fieldWeights.summary, language);
  add(bodyText(event.body), fieldWeights.body, language);
  for (const [locale, translation] of Object.entries(event.translations)) {
    add(translation.title, fieldWeights.title, localeOrDefault(locale));
    add(translation.summary, fieldWeights.summary, localeOrDefault(locale));
    if (translation.body) add(bodyText(translation.body), fieldWeights.body, localeOrDefault(locale));
  }
  return { entry, weights };
}
