// How published content is laid out in the table, declared once: each kind of item with its key, its place
// in a list and its attributes (see item-type.ts). The only module that spells a key: the sync writes items
// through these declarations and the store reads them through them.
import type { FormattedCitation } from "../citations/citation-formatter";
import type { MediaEntry, PersonEntry, PlaceEntry } from "../content/collection";
import type { RenderedBody } from "../content/markdown";
import { openEndDay, openStartDay } from "../dates/edtf";
import type { ResolvedDate } from "../dates/historical-date";
import type { ImageFormat } from "../media/image-format";
import type { Facets } from "./facets";
import { itemType, type PrimaryKey } from "./item-type";
import { tableKeys } from "./table-definition";

const kinds = { event: "EVENT", source: "SOURCE", person: "PERSON", place: "PLACE", media: "MEDIA" } as const;
/** The kinds of entity the content publishes, each with a main item and a state item. */
export type Kind = keyof typeof kinds;

export const isKind = (kind: string): kind is Kind => Object.hasOwn(kinds, kind);

/**
 * The lists: the timeline, and an event's lists per tag, person, place (one of the events at it and within
 * it, one of the events at it alone) and cited source; sources, people and places by name; places within a place by name; places by latitude.
 */
export type ListName =
  | "TIMELINE"
  | "SOURCES"
  | "PEOPLE"
  | "PLACES"
  | "COORDINATES"
  | "MEDIA"
  | `TAG#${string}`
  | `PERSON#${string}`
  | `PLACE#${string}`
  | `AT#${string}`
  | `CITES#${string}`
  | `WITHIN#${string}`
  | `ONDAY#${string}`;

export const timelineList: ListName = "TIMELINE";
export const sourcesList: ListName = "SOURCES";
export const peopleList: ListName = "PEOPLE";
export const placesList: ListName = "PLACES";
/** Media (images), by slug. */
export const mediaList: ListName = "MEDIA";
/** Places with coordinates, south to north: a bounding box is a key range of it. */
export const coordinatesList: ListName = "COORDINATES";
export const listFor = {
  tag: (tag: string): ListName => `TAG#${tag}`,
  person: (person: string): ListName => `PERSON#${person}`,
  /** The events at a place or at any place within it. */
  place: (place: string): ListName => `PLACE#${place}`,
  /** The events at a place itself: what a bounding box reads. */
  at: (place: string): ListName => `AT#${place}`,
  source: (slug: string): ListName => `CITES#${slug}`,
  /** The places within a place, at any depth, by name. */
  within: (place: string): ListName => `WITHIN#${place}`,
  /** The events on a day of the year in a calendar (see core/dates/anniversary.ts), chronologically. */
  onDay: (anniversary: string): ListName => `ONDAY#${anniversary}`,
};
/** The list of every entity's state item, what a sync plans against. */
export const entityStatesList = "STATE";

const membershipPrefix = "IN#";
const singletonSortKey = "CURRENT";
const searchPartition = "SEARCH";
const retiredPartition = "RETIRED";

const entityPartition = (kind: Kind, slug: string) => `${kinds[kind]}#${slug}`;

/** DynamoDB's bounds on key values, in UTF-8 bytes: a longer key names no item, and asking for one is an error. */
export const maxKeyBytes = { partition: 2048, sort: 1024 } as const;

/** Whether a key is within DynamoDB's bounds (check before a call: the call itself would fail). */
export const keyFits = (key: PrimaryKey) =>
  Buffer.byteLength(key[tableKeys.partitionKey]) <= maxKeyBytes.partition && Buffer.byteLength(key[tableKeys.sortKey]) <= maxKeyBytes.sort;

// Julian Day Numbers of years -9999..9999 lie within ±10^7; the offset keeps them positive so that
// zero-padded text sorts like the numbers, across BCE and CE. A day is clamped to the open ends' stand-ins
// (no stored day lies beyond them), so that a bound computed far past them (a range widened by the span of an
// open-ended event) is still a nine-digit key and never "-…".
const dayOffset = 10_000_000;
const padDay = (day: number) => String(Math.min(Math.max(day, openStartDay), openEndDay) + dayOffset).padStart(9, "0");

/** Sort key in a list: first day, then last day, then slug. */
export const chronologicalKey = (firstDay: number, lastDay: number, slug: string) => `${padDay(firstDay)}#${padDay(lastDay)}#${slug}`;
/** Sort key in a list by latest day (the second index): last day, then first day, then slug; open ends last. */
export const latestKey = (firstDay: number, lastDay: number, slug: string) => `${padDay(lastDay)}#${padDay(firstDay)}#${slug}`;
/** The slug at a position, chronological or by latest day (it ends the position). */
export const slugAtPosition = (position: string) => position.slice(padDay(0).length * 2 + 2);
/** Sort key by latitude: degrees north of the South Pole in millionths, then the slug. */
export const latitudeKey = (lat: number, slug = "") => `${String(Math.round((lat + 90) * 1e6)).padStart(9, "0")}#${slug}`;
/** Sort key by name: the name's collation key (see core/locale/collation.ts), then the slug. */
export const nameKey = (sortName: string, slug: string) => `${sortName}\u0001${slug}`;
/** Bounds for a key range starting at or ending with a day (the day that leads the key). */
export const dayBound = (day: number, edge: "low" | "high") => (edge === "low" ? `${padDay(day)}#` : `${padDay(day)}#~`);

/** An event as stored, in the timeline list: what the API reads. */
export interface StoredEvent {
  slug: string;
  title: string;
  summary?: string;
  date: ResolvedDate;
  /** The slugs of the places named (the names as written where the collection has no place records). */
  places: string[];
  /** The places named and every place containing them: what a place filter matches. */
  placesWithin: string[];
  /** The slugs of the people named (the names as written where the collection has no person records). */
  people: string[];
  tags: string[];
  /**
   * Each with its formatted citation (locator included) in every pinned style and language, and what a page
   * of citations shows of its source (`cited`), so a page needs no read of the sources for it.
   */
  citations: { source: string; locator?: string; note?: string; formatted: FormattedCitation; cited?: CitedSource }[];
  related: string[];
  notes: string[];
  body: RenderedBody;
  /** By language: the fields given in that language (the rest fall back to the collection's language). */
  translations?: Record<string, { title?: string; summary?: string; notes?: string[]; body?: RenderedBody }>;
  firstDay: number;
  lastDay: number;
  /** Set only in a preview, which publishes drafts too. */
  draft?: boolean;
  /** The images it shows, the first its image; absent for none. */
  media?: { media: string; caption?: string }[];
  hash: string;
}

export const eventItem = /* @__PURE__ */ itemType<StoredEvent, { slug: string }>({
  attributes: {
    slug: true,
    title: true,
    summary: true,
    date: true,
    places: true,
    placesWithin: true,
    people: true,
    tags: true,
    citations: true,
    related: true,
    notes: true,
    body: true,
    translations: true,
    firstDay: true,
    lastDay: true,
    draft: true,
    media: true,
    hash: true,
  },
  key: ({ slug }) => ({ partition: entityPartition("event", slug), sort: kinds.event }),
  list: (event) => ({
    list: timelineList,
    position: chronologicalKey(event.firstDay, event.lastDay, event.slug),
    latestPosition: latestKey(event.firstDay, event.lastDay, event.slug),
  }),
});

/**
 * What an event keeps of each source it cites: the fields a list of citations shows. The event's hash covers
 * the source's, so a change to the source rewrites the events citing it.
 */
export type CitedSource = Pick<StoredSource, "title" | "type">;

/** A source as stored, in the sources list. */
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

export const sourceItem = /* @__PURE__ */ itemType<StoredSource, { slug: string }>({
  attributes: { slug: true, title: true, type: true, csl: true, date: true, formatted: true, hash: true },
  key: ({ slug }) => ({ partition: entityPartition("source", slug), sort: kinds.source }),
  list: (source) => ({ list: sourcesList, position: source.slug }),
});

/** What a sync adds to a person or a place it stores: the list order, the names to match, the content hash. */
interface StoredRecord {
  /** The name's collation key in the collection's language: the list's order. */
  sortName: string;
  /** Every name and alias, folded (see `foldForMatch`), one per line: what a name query looks in. */
  match: string;
  hash: string;
}

/** A person as stored, in the people list by name. */
export interface StoredPerson extends PersonEntry, StoredRecord {}

export const personItem = /* @__PURE__ */ itemType<StoredPerson, { slug: string }>({
  attributes: {
    slug: true,
    name: true,
    names: true,
    aliases: true,
    born: true,
    died: true,
    description: true,
    wikidata: true,
    sortName: true,
    match: true,
    hash: true,
  },
  key: ({ slug }) => ({ partition: entityPartition("person", slug), sort: kinds.person }),
  list: (person) => ({ list: peopleList, position: nameKey(person.sortName, person.slug) }),
});

/** A place as stored, in the places list by name. */
export interface StoredPlace extends PlaceEntry, StoredRecord {
  /** Every place containing it, nearest first. */
  ancestors: string[];
  /** The places directly within it, by name. */
  contains: string[];
}

export const placeItem = /* @__PURE__ */ itemType<StoredPlace, { slug: string }>({
  attributes: {
    slug: true,
    name: true,
    names: true,
    historicalNames: true,
    aliases: true,
    coordinates: true,
    within: true,
    julianCalendarUntil: true,
    ancestors: true,
    contains: true,
    description: true,
    wikidata: true,
    sortName: true,
    match: true,
    hash: true,
  },
  key: ({ slug }) => ({ partition: entityPartition("place", slug), sort: kinds.place }),
  list: (place) => ({ list: placesList, position: nameKey(place.sortName, place.slug) }),
});

/** One rendition of an image, as stored: its key under the media root, format and size. */
export interface StoredRendition {
  key: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** An image as stored, in the media list: its sidecar's fields, its size and its renditions. */
export interface StoredMedia extends Omit<MediaEntry, "file" | "size" | "hash"> {
  width: number;
  height: number;
  /** SHA-256 of the image's bytes: what its renditions are named by. */
  sourceHash: string;
  renditions: StoredRendition[];
  /** A tiny blurred image as a data: URI, for raster images. */
  placeholder?: string;
  hash: string;
}

export const mediaItem = /* @__PURE__ */ itemType<StoredMedia, { slug: string }>({
  attributes: {
    slug: true,
    alt: true,
    caption: true,
    credit: true,
    licence: true,
    source: true,
    date: true,
    focus: true,
    translations: true,
    format: true,
    width: true,
    height: true,
    sourceHash: true,
    renditions: true,
    placeholder: true,
    hash: true,
  },
  key: ({ slug }) => ({ partition: entityPartition("media", slug), sort: kinds.media }),
  list: (media) => ({ list: mediaList, position: media.slug }),
});

/** The main item of each kind of entity. */
export const mainItemOf = { event: eventItem, source: sourceItem, person: personItem, place: placeItem, media: mediaItem } as const;

/**
 * A rendition no image uses any more, kept until its grace period ends (see core/sync/retired-renditions.ts):
 * pages and caches made before the change may still name it.
 */
export interface RetiredRendition {
  key: string;
  retiredAt: string;
}

export const retiredRenditionItem = /* @__PURE__ */ itemType<RetiredRendition, { key: string }>({
  attributes: { key: true, retiredAt: true },
  key: ({ key }) => ({ partition: retiredPartition, sort: key }),
});

/** A Query of every retired rendition. */
export const retiredRenditionsQuery = () => ({
  KeyConditionExpression: "#pk = :retired",
  ExpressionAttributeNames: { "#pk": tableKeys.partitionKey },
  ExpressionAttributeValues: { ":retired": { S: retiredPartition } },
});

/**
 * A place's membership of a list other than the places list: within a place, or in the coordinates list. It
 * carries what a list of places filters on: coordinates and names.
 */
export type PlaceMembership = Pick<StoredPlace, "slug" | "sortName" | "coordinates" | "match">;

export const placeMembershipItem = /* @__PURE__ */ itemType<PlaceMembership, { slug: string; list: ListName }>({
  attributes: { slug: true, sortName: true, coordinates: true, match: true },
  key: ({ slug, list }) => ({ partition: entityPartition("place", slug), sort: `${membershipPrefix}${list}` }),
  list: (place, { list }) => ({
    list,
    position:
      list === coordinatesList && place.coordinates ? latitudeKey(place.coordinates.lat, place.slug) : nameKey(place.sortName, place.slug),
  }),
});

/** An event's membership of one of its lists (not the timeline): the filterable facts of the event. */
export interface Membership {
  slug: string;
  firstDay: number;
  lastDay: number;
  tags: string[];
  people: string[];
  places: string[];
  placesWithin: string[];
  sources: string[];
}

// An event's memberships share their positions: each is made from the same facts, one after another.
let lastFacts: Membership | undefined;
let lastPosition = "";
let lastLatestPosition = "";

export const membershipItem = /* @__PURE__ */ itemType<Membership, { slug: string; list: ListName }>({
  attributes: { slug: true, firstDay: true, lastDay: true, tags: true, people: true, places: true, placesWithin: true, sources: true },
  key: ({ slug, list }) => ({ partition: entityPartition("event", slug), sort: `${membershipPrefix}${list}` }),
  list: (facts, { list }) => {
    if (facts !== lastFacts) {
      lastFacts = facts;
      lastPosition = chronologicalKey(facts.firstDay, facts.lastDay, facts.slug);
      lastLatestPosition = latestKey(facts.firstDay, facts.lastDay, facts.slug);
    }
    return { list, position: lastPosition, latestPosition: lastLatestPosition };
  },
});

/**
 * Each entity's small state item: its content hash, title and the sort keys of its list memberships, what a
 * sync plans against (in the list `entityStatesList`).
 */
export interface EntityState {
  kind: Kind;
  slug: string;
  title: string;
  hash: string;
  lists: string[];
}

export const entityStateItem = /* @__PURE__ */ itemType<EntityState, { kind: Kind; slug: string }>({
  attributes: { kind: true, slug: true, title: true, hash: true, lists: true },
  key: ({ kind, slug }) => ({ partition: entityPartition(kind, slug), sort: "STATE" }),
  list: ({ kind, slug }) => ({ list: entityStatesList, position: `${kind}#${slug}` }),
});

/** The published revision: written last by a sync, read by the API to key its caches and bound its queries. */
export interface StoredRevision {
  id: string;
  syncedAt: string;
  eventCount: number;
  sourceCount: number;
  personCount?: number;
  placeCount?: number;
  maxSpanDays: number;
  /** The language the collection is written in. */
  locale?: string;
  /** How many items hold this revision's search index. */
  searchChunks?: number;
}

export const revisionItem = /* @__PURE__ */ itemType<StoredRevision>({
  attributes: {
    id: true,
    syncedAt: true,
    eventCount: true,
    sourceCount: true,
    personCount: true,
    placeCount: true,
    maxSpanDays: true,
    locale: true,
    searchChunks: true,
  },
  key: () => ({ partition: "REVISION", sort: singletonSortKey }),
});

/** The facet counts of the whole collection, with the revision they count. */
export interface StoredFacets extends Facets {
  revision: string;
}

export const facetsItem = /* @__PURE__ */ itemType<StoredFacets>({
  attributes: { eventCount: true, tags: true, people: true, places: true, years: true, decades: true, revision: true },
  key: () => ({ partition: "FACETS", sort: singletonSortKey }),
});

/**
 * What the last sync that completed read and published (see core/sync/sync-record.ts): a digest of the
 * content it read, the revision it left, and what it reported. A sync that finds the same digest and the same
 * revision has nothing to do. Removed before any other write, so an interrupted sync leaves none behind.
 */
export interface SyncRecord {
  /** The record's layout and the code that made it: a record of another version is not trusted. */
  version: string;
  digest: string;
  /** The revision item the sync left: its id and when it was written. */
  revision: string;
  syncedAt: string;
  counts: Record<Kind, { unchanged: number }>;
  /** The check's diagnostics (warnings: a sync with errors writes nothing), as gzipped JSON in base64. */
  diagnostics: string;
}

export const syncRecordItem = /* @__PURE__ */ itemType<SyncRecord>({
  attributes: { version: true, digest: true, revision: true, syncedAt: true, counts: true, diagnostics: true },
  key: () => ({ partition: "SYNC", sort: singletonSortKey }),
});

/** One chunk of a revision's search index (see core/search/index-chunks.ts). */
export interface SearchChunk {
  data: string;
}

export const searchChunkItem = /* @__PURE__ */ itemType<SearchChunk, { revision: string; number: number }>({
  attributes: { data: true },
  key: ({ revision, number }) => ({ partition: searchPartition, sort: `${revision}#${String(number).padStart(4, "0")}` }),
});

/** A Query of one revision's search index chunks, in order. */
export const searchChunksOf = (revision: string) => ({
  KeyConditionExpression: "#pk = :search AND begins_with(#sk, :revision)",
  ExpressionAttributeNames: { "#pk": tableKeys.partitionKey, "#sk": tableKeys.sortKey },
  ExpressionAttributeValues: { ":search": { S: searchPartition }, ":revision": { S: `${revision}#` } },
});

/** A Query of the keys of every revision's search index chunks. */
export const searchChunkKeys = () => ({
  KeyConditionExpression: "#pk = :search",
  ProjectionExpression: "#pk, #sk",
  ExpressionAttributeNames: { "#pk": tableKeys.partitionKey, "#sk": tableKeys.sortKey },
  ExpressionAttributeValues: { ":search": { S: searchPartition } },
});

/** Whether a search chunk's key belongs to a revision. */
export const isChunkOf = (key: PrimaryKey, revision: string) => key[tableKeys.sortKey].startsWith(`${revision}#`);

/** What a key names: which kind of item, and the entity it belongs to, if any (for messages about an item). */
export function describeKey(key: PrimaryKey): {
  item: Kind | "membership" | "state" | "facets" | "revision" | "search chunk" | "retired rendition" | "sync record" | "unknown";
  entity?: { kind: Kind; slug: string };
} {
  const pk = key[tableKeys.partitionKey];
  const sk = key[tableKeys.sortKey];
  for (const kind of Object.keys(kinds) as Kind[]) {
    if (!pk.startsWith(`${kinds[kind]}#`)) continue;
    const entity = { kind, slug: pk.slice(kinds[kind].length + 1) };
    if (sk === kinds[kind]) return { item: kind, entity };
    if (sk === "STATE") return { item: "state", entity };
    if (sk.startsWith(membershipPrefix)) return { item: "membership", entity };
    return { item: "unknown", entity };
  }
  if (pk === "FACETS") return { item: "facets" };
  if (pk === "REVISION") return { item: "revision" };
  if (pk === searchPartition) return { item: "search chunk" };
  if (pk === retiredPartition) return { item: "retired rendition" };
  if (pk === "SYNC") return { item: "sync record" };
  return { item: "unknown" };
}
