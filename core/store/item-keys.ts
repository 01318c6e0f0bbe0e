// How published content is laid out in the table: keys, the lists an event can be found in (the timeline,
// tags, people, places, cited sources) and the shapes the API reads. Shared by the sync and the store.
import type { FormattedCitation } from "../citations/citation-formatter";
import type { ResolvedDate } from "../dates/historical-date";
import { tableKeys } from "./table-definition";

export const kinds = { event: "EVENT", source: "SOURCE" } as const;
export type Kind = keyof typeof kinds;

/** The lists an event can be found in: the timeline, and one per tag, person, place and cited source. */
export type ListName = "TIMELINE" | "SOURCES" | `TAG#${string}` | `PERSON#${string}` | `PLACE#${string}` | `CITES#${string}`;

export const timelineList: ListName = "TIMELINE";
export const sourcesList: ListName = "SOURCES";
export const listFor = {
  tag: (tag: string): ListName => `TAG#${tag}`,
  person: (person: string): ListName => `PERSON#${person}`,
  place: (place: string): ListName => `PLACE#${place}`,
  source: (slug: string): ListName => `CITES#${slug}`,
};

export const membershipPrefix = "IN#";
/** Each entity's small state item (hash and lists), what a sync plans against; in the list "STATE". */
export const stateSortKey = "STATE";
export const stateList = "STATE";
export const facetsKey = { [tableKeys.partitionKey]: "FACETS", [tableKeys.sortKey]: "CURRENT" };
export const revisionKey = { [tableKeys.partitionKey]: "REVISION", [tableKeys.sortKey]: "CURRENT" };

export const entityKey = (kind: Kind, slug: string) => ({
  [tableKeys.partitionKey]: `${kinds[kind]}#${slug}`,
  [tableKeys.sortKey]: kinds[kind],
});

/** DynamoDB's bounds on key values, in UTF-8 bytes: a longer key names no item, and asking for one is an error. */
export const maxKeyBytes = { partition: 2048, sort: 1024 } as const;

/** Whether a key is within DynamoDB's bounds (check before a call: the call itself would fail). */
export const keyFits = (key: Record<string, string>) =>
  Buffer.byteLength(key[tableKeys.partitionKey] ?? "") <= maxKeyBytes.partition &&
  Buffer.byteLength(key[tableKeys.sortKey] ?? "") <= maxKeyBytes.sort;

// Julian Day Numbers of years -9999..9999 lie within ±10^7; the offset keeps them positive so that
// zero-padded text sorts like the numbers, across BCE and CE.
const dayOffset = 10_000_000;
const padDay = (day: number) => String(day + dayOffset).padStart(9, "0");

/** Sort key in a list: first day, then last day, then slug. */
export const chronologicalKey = (firstDay: number, lastDay: number, slug: string) => `${padDay(firstDay)}#${padDay(lastDay)}#${slug}`;
/** Bounds for a key range starting at or before a day. */
export const dayBound = (day: number, edge: "low" | "high") => (edge === "low" ? `${padDay(day)}#` : `${padDay(day)}#~`);

/** What the API reads: an event as stored. */
export interface StoredEvent {
  slug: string;
  title: string;
  summary?: string;
  date: ResolvedDate;
  places: string[];
  people: string[];
  tags: string[];
  /** Each with its formatted citation (locator included) in every pinned style and language. */
  citations: { source: string; locator?: string; note?: string; formatted: FormattedCitation }[];
  related: string[];
  notes: string[];
  body: { markdown: string; html: string; text: string };
  /** By language: the fields given in that language (the rest fall back to the collection's language). */
  translations?: Record<
    string,
    { title?: string; summary?: string; notes?: string[]; body?: { markdown: string; html: string; text: string } }
  >;
  firstDay: number;
  lastDay: number;
  hash: string;
}

export interface StoredSource {
  slug: string;
  title: string;
  type: string;
  csl: Record<string, unknown>;
  date?: ResolvedDate;
  /** The source as a reference-list entry in every pinned style and language. */
  formatted: FormattedCitation;
  hash: string;
}

/** The filterable facts of an event, copied onto each of its list memberships. */
export interface Membership {
  slug: string;
  firstDay: number;
  lastDay: number;
  tags: string[];
  people: string[];
  places: string[];
  sources: string[];
}
