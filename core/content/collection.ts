// The validated content: typed entries with dates resolved in both calendars. What sync publishes.
import type { ResolvedDate } from "../dates/historical-date";
import type { Locale } from "../locale/locales";
import type { Dimensions } from "../media/image-dimensions";
import type { ImageFormat } from "../media/image-format";
import type { ReferenceResolver } from "./reference-index";
import type { Citation, EventFrontMatter, MediaFields, SourceFields, Translation } from "./schema";

export interface EventEntry extends Omit<EventFrontMatter, "date" | "sources"> {
  slug: string;
  date: ResolvedDate;
  citations: Citation[];
  /** The Markdown body as written. */
  body: string;
  /** Translations by language: title, summary, notes and body, each where given. */
  translations: Record<string, Translation>;
}

export interface SourceEntry {
  slug: string;
  /** The CSL-JSON item, with `id` set to the slug, Kronika's own `date` left out, and `issued` taken from it if not given. */
  csl: Omit<SourceFields, "date"> & { id: string };
  date?: ResolvedDate;
}

/** The name in other languages, by two-letter language code. */
export type Names = Record<string, string>;

export interface PersonEntry {
  slug: string;
  name: string;
  names: Names;
  aliases: string[];
  born?: ResolvedDate;
  died?: ResolvedDate;
  description?: string;
  wikidata?: string;
}

/** A name a place had for a period; a missing bound is open (since ever, or still in use). */
export interface HistoricalName {
  name: string;
  /** Translations of this name, by language. */
  names: Names;
  from?: ResolvedDate;
  until?: ResolvedDate;
  /** The period as Julian Day Numbers, inclusive: from's first day and until's last day, where given. */
  firstDay?: number;
  lastDay?: number;
}

export interface PlaceEntry {
  slug: string;
  name: string;
  names: Names;
  /** Ordered by period, earliest first. */
  historicalNames: HistoricalName[];
  aliases: string[];
  coordinates?: { lat: number; lon: number };
  /** The slug of the place that contains it. */
  within?: string;
  /** The last day the place used the Julian calendar, where it says so (else its container's, else the collection's). */
  julianCalendarUntil?: ResolvedDate;
  description?: string;
  wikidata?: string;
}

/** An image with its sidecar: what the check read of both. */
export interface MediaEntry extends Omit<MediaFields, "date" | "translations"> {
  slug: string;
  date?: ResolvedDate;
  /** Alt text and caption by language (no prototype: the keys come from the content). */
  translations: Record<string, { alt?: string; caption?: string }>;
  /** The image file, as the loader found it. */
  file: string;
  format: ImageFormat;
  /** Its size, upright, from its header. */
  size: Dimensions;
  /** SHA-256 of its bytes: what its renditions are named by. */
  hash: string;
}

/**
 * Events' `people` and `places` resolved to records' slugs, by event slug, in the order written and without
 * repeats. Empty for a kind the collection has no records of (its references stay bare strings).
 */
export interface EventReferences {
  people: string[];
  places: string[];
}

/**
 * Everything that is published: events that are not drafts (drafts too, marked, for a preview), every source,
 * person and place; and the settings.
 */
export interface Collection {
  events: EventEntry[];
  sources: SourceEntry[];
  people: PersonEntry[];
  places: PlaceEntry[];
  /** Images with their sidecars. */
  media: MediaEntry[];
  /** Turns an event's reference (a slug, or a name or alias of exactly one record) into the record's slug. */
  references: { people: ReferenceResolver; places: ReferenceResolver };
  /** Each event's references as slugs (kept apart from the event, which the sync writes as it is). */
  eventReferences: Map<string, EventReferences>;
  /** The language the content is written in. */
  locale: Locale;
}
