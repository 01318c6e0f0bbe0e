// What an event publishes of its people and places: the records' slugs (or the names as written, for a kind
// the collection keeps no records of), the places containing its places, and every word that names them
// (for search). Pure: derived from the validated collection.
import type { Collection, EventEntry, PersonEntry, PlaceEntry } from "./collection";

export interface PublishedReferences {
  people: string[];
  places: string[];
  /** The places and every place containing them, at any depth: what a place filter matches. */
  placesWithin: string[];
}

/** Each place's ancestors, nearest first (a `within` chain; validation has ruled out cycles). */
export function placeAncestors(places: readonly PlaceEntry[]): Map<string, string[]> {
  const parents = new Map(places.flatMap((place) => (place.within ? [[place.slug, place.within] as const] : [])));
  const ancestors = new Map<string, string[]>();
  for (const { slug } of places) {
    const chain: string[] = [];
    for (let next = parents.get(slug); next !== undefined && next !== slug && !chain.includes(next); next = parents.get(next)) {
      chain.push(next);
    }
    ancestors.set(slug, chain);
  }
  return ancestors;
}

/** The places directly within each place, in the order given. */
export function placeChildren(places: readonly PlaceEntry[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const place of places) {
    if (!place.within) continue;
    const list = children.get(place.within) ?? [];
    list.push(place.slug);
    children.set(place.within, list);
  }
  return children;
}

/** Every word a record answers to: name, translations, aliases and (for places) historical names. */
export function recordWords(record: PersonEntry | PlaceEntry): string[] {
  const words = [record.name, ...Object.values(record.names), ...record.aliases];
  if ("historicalNames" in record) for (const name of record.historicalNames) words.push(name.name, ...Object.values(name.names));
  return [...new Set(words)];
}

export interface ReferenceReader {
  /** An event's people and places as published. */
  of(event: EventEntry): PublishedReferences;
  /** The words naming an event's people and places, for search. */
  words(references: PublishedReferences): string[];
}

export function referenceReader(collection: Pick<Collection, "people" | "places" | "references" | "eventReferences">): ReferenceReader {
  const ancestors = placeAncestors(collection.places);
  const people = new Map(collection.people.map((p) => [p.slug, p]));
  const places = new Map(collection.places.map((p) => [p.slug, p]));
  return {
    of(event) {
      const resolved = collection.eventReferences.get(event.slug);
      const ofKind = (kind: "people" | "places") =>
        collection.references[kind].hasRecords && resolved ? resolved[kind] : [...new Set(event[kind])];
      const eventPlaces = ofKind("places");
      const placesWithin = [...new Set(eventPlaces.flatMap((slug) => [slug, ...(ancestors.get(slug) ?? [])]))];
      return { people: ofKind("people"), places: eventPlaces, placesWithin };
    },
    words(references) {
      const named = (slugs: string[], records: Map<string, PersonEntry | PlaceEntry>) =>
        slugs.flatMap((slug) => {
          const record = records.get(slug);
          return record ? recordWords(record) : [slug];
        });
      return [...named(references.people, people), ...named(references.places, places)];
    },
  };
}
