// The validated content: typed entries with dates resolved in both calendars. What sync publishes.
import type { ResolvedDate } from "../dates/historical-date";
import type { Locale } from "../locale/locales";
import type { Citation, EventFrontMatter, SourceFields, Translation } from "./schema";

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

/** Everything that is published: events that are not drafts, and every source; and the settings. */
export interface Collection {
  events: EventEntry[];
  sources: SourceEntry[];
  /** The language the content is written in. */
  locale: Locale;
}
