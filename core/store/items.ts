// How entries are laid out as DynamoDB items: the keys, the list memberships that let the API filter
// by tag, person, place and source without a Scan, and a content hash so unchanged items are never rewritten.
import { createHash } from "node:crypto";
import type { EventEntry, SourceEntry } from "../content/collection";
import { renderBody } from "../content/markdown";
import type { ResolvedDate } from "../dates/historical-date";
import { listIndex, tableKeys } from "./table-definition";

/** Bump when the item layout changes, so the next sync rewrites every item. */
const itemLayoutVersion = 1;

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
export const revisionKey = { [tableKeys.partitionKey]: "REVISION", [tableKeys.sortKey]: "CURRENT" };

export const entityKey = (kind: Kind, slug: string) => ({
  [tableKeys.partitionKey]: `${kinds[kind]}#${slug}`,
  [tableKeys.sortKey]: kinds[kind],
});

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
  citations: { source: string; locator?: string; note?: string }[];
  related: string[];
  notes: string[];
  body: { markdown: string; html: string; text: string };
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

/** Everything one entity writes: its main item and, for events, one item per list it belongs to. */
export interface EntityItems {
  kind: Kind;
  slug: string;
  title: string;
  hash: string;
  item: Record<string, unknown>;
  memberships: Record<string, unknown>[];
}

function contentHash(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([itemLayoutVersion, value]))
    .digest("hex")
    .slice(0, 32);
}

export function eventLists(event: Pick<StoredEvent, "tags" | "people" | "places" | "citations">): ListName[] {
  const unique = (values: string[]) => [...new Set(values)];
  return [
    ...unique(event.tags).map(listFor.tag),
    ...unique(event.people).map(listFor.person),
    ...unique(event.places).map(listFor.place),
    ...unique(event.citations.map((c) => c.source)).map(listFor.source),
  ];
}

export function eventItems(entry: EventEntry): EntityItems {
  const { draft: _draft, body, ...fields } = entry;
  const published = {
    ...fields,
    body: renderBody(body),
    firstDay: entry.date.firstDay,
    lastDay: entry.date.lastDay,
  };
  const hash = contentHash(published);
  const sortKey = chronologicalKey(entry.date.firstDay, entry.date.lastDay, entry.slug);
  const membership: Membership = {
    slug: entry.slug,
    firstDay: entry.date.firstDay,
    lastDay: entry.date.lastDay,
    tags: entry.tags,
    people: entry.people,
    places: entry.places,
    sources: [...new Set(entry.citations.map((c) => c.source))],
  };
  return {
    kind: "event",
    slug: entry.slug,
    title: entry.title,
    hash,
    item: { ...entityKey("event", entry.slug), [listIndex.partitionKey]: timelineList, [listIndex.sortKey]: sortKey, ...published, hash },
    memberships: eventLists(entry).map((list) => ({
      [tableKeys.partitionKey]: entityKey("event", entry.slug)[tableKeys.partitionKey],
      [tableKeys.sortKey]: `${membershipPrefix}${list}`,
      [listIndex.partitionKey]: list,
      [listIndex.sortKey]: sortKey,
      ...membership,
    })),
  };
}

export function sourceItems(entry: SourceEntry): EntityItems {
  const published = {
    slug: entry.slug,
    title: entry.csl.title,
    type: entry.csl.type,
    csl: entry.csl,
    ...(entry.date ? { date: entry.date } : {}),
  };
  const hash = contentHash(published);
  return {
    kind: "source",
    slug: entry.slug,
    title: entry.csl.title,
    hash,
    item: {
      ...entityKey("source", entry.slug),
      [listIndex.partitionKey]: sourcesList,
      [listIndex.sortKey]: entry.slug,
      ...published,
      hash,
    },
    memberships: [],
  };
}
