// Turns validated entries into the items a sync writes: the main item with its content hash (so unchanged
// items are never rewritten), and one membership item per list. Rendering the main item (Markdown, formatted
// citations) is a step of its own, `render`, which planning takes only for the items it writes.
import { createHash } from "node:crypto";
import type { CitationFormatter } from "../citations/citation-formatter";
import type { EventEntry, PersonEntry, PlaceEntry, SourceEntry } from "../content/collection";
import { renderBody } from "../content/markdown";
import { type PublishedReferences, recordWords } from "../content/published-references";
import { anniversaryKeys } from "../dates/anniversary";
import { labelled } from "../dates/label";
import { collationKey, foldForMatch } from "../locale/collation";
import type { Locale } from "../locale/locales";
import type { TableItem } from "../store/item-type";
import {
  type CitedSource,
  coordinatesList,
  entityStateItem,
  eventItem,
  type Kind,
  type ListName,
  listFor,
  type Membership,
  membershipItem,
  personItem,
  placeItem,
  placeMembershipItem,
  type StoredEvent,
  sourceItem,
} from "../store/items";
import { tableKeys } from "../store/table-definition";

/**
 * Bump when the item layout or the rendering changes (e.g. a new markdown-it), so the next sync rewrites every item.
 * 6: event entries carry `latestSk`, their place in the latest index.
 * 7: every date carries its labels (ResolvedDate.labels), made when the item is rendered rather than on each
 *    request; each citation
 *    of an event keeps its source's title and type (`cited`).
 */
export const itemLayoutVersion = 7;

/** Everything one entity writes: its main item and one item per other list it belongs to (events, places). */
export interface EntityItems {
  kind: Kind;
  slug: string;
  title: string;
  hash: string;
  /** Makes the main item: renders the Markdown and formats the citations. Costly: for the items written only. */
  render(): TableItem;
  /** Made when first read: planning reads them for the entities it writes only (an event's take its anniversaries). */
  readonly memberships: TableItem[];
  /** Days from first to last, for events (0 for the rest). */
  spanDays: number;
  /** For events: what facets count. */
  facts?: Membership;
}

/** The sort keys of an entity's list memberships. */
export const membershipKeys = (entity: Pick<EntityItems, "memberships">) => entity.memberships.map((m) => m[tableKeys.sortKey]);

/**
 * The hash of an intent: a state item written before an entity's other items, naming every membership they
 * may leave behind. It matches no content, so a sync killed midway leaves a state that the next sync
 * finishes, or removes entirely if the file is gone by then.
 */
export const pendingHash = "pending";

/**
 * The entity's state item: its hash, title and the sort keys of its list memberships. Small, so a sync reads
 * the state of a whole collection quickly; written after everything else of the entity, so it is true (or
 * first, as an intent with `pendingHash`).
 */
export function entityState(
  entity: Pick<EntityItems, "kind" | "slug" | "title" | "hash" | "memberships">,
  hash = entity.hash,
  lists = membershipKeys(entity),
): TableItem {
  return entityStateItem.item({ kind: entity.kind, slug: entity.slug, title: entity.title, hash, lists });
}

function contentHash(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([itemLayoutVersion, value]))
    .digest("hex")
    .slice(0, 32);
}

export function eventLists(
  event: Pick<StoredEvent, "tags" | "people" | "places" | "placesWithin" | "date"> & { citations: { source: string }[] },
): ListName[] {
  const unique = (values: string[]) => [...new Set(values)];
  return [
    ...unique(event.tags).map(listFor.tag),
    ...unique(event.people).map(listFor.person),
    ...unique(event.placesWithin).map(listFor.place),
    ...unique(event.places).map(listFor.at),
    ...anniversaryKeys(event.date).map(listFor.onDay),
    ...unique(event.citations.map((c) => c.source)).map(listFor.source),
  ];
}

/**
 * An event's items. Its formatted citations are made from the cited sources too, so its hash covers theirs:
 * editing a source rewrites the events citing it. People and places are published as slugs: renaming a
 * person rewrites the person's item only.
 */
export function eventItems(
  entry: EventEntry,
  citations: CitationFormatter,
  sources: ReadonlyMap<string, { hash: string; cited: CitedSource }>,
  references: PublishedReferences,
): EntityItems {
  const { draft, body, media, ...fields } = entry;
  const unrendered = {
    ...fields,
    ...references,
    ...(draft ? { draft } : {}),
    // Only where given: an event without images hashes as it did before media existed.
    ...(media.length > 0 ? { media } : {}),
    body,
    firstDay: entry.date.firstDay,
    lastDay: entry.date.lastDay,
  };
  // The hash covers what the item is made from; rendering (pinned markdown-it, citeproc-js) happens only
  // for items written.
  const hash = contentHash([unrendered, entry.citations.map((c) => sources.get(c.source)?.hash)]);
  const membership: Membership = {
    slug: entry.slug,
    firstDay: entry.date.firstDay,
    lastDay: entry.date.lastDay,
    tags: entry.tags,
    ...references,
    sources: [...new Set(entry.citations.map((c) => c.source))],
  };
  let memberships: TableItem[] | undefined;
  return {
    kind: "event",
    slug: entry.slug,
    title: entry.title,
    hash,
    spanDays: entry.date.lastDay - entry.date.firstDay,
    facts: membership,
    render: () =>
      eventItem.item({
        ...unrendered,
        date: labelled(entry.date),
        citations: entry.citations.map((c) => ({ ...c, formatted: citations.citation(c), cited: sources.get(c.source)?.cited })),
        body: renderBody(body),
        translations: Object.fromEntries(
          Object.entries(entry.translations).map(([locale, { body: translated, ...fields }]) => [
            locale,
            { ...fields, ...(translated ? { body: renderBody(translated) } : {}) },
          ]),
        ),
        hash,
      }),
    get memberships() {
      memberships ??= eventLists({ ...entry, ...references }).map((list) => membershipItem.item(membership, { slug: entry.slug, list }));
      return memberships;
    },
  };
}

export function sourceItems(entry: SourceEntry, citations: CitationFormatter): EntityItems {
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
    render: () =>
      sourceItem.item({
        ...published,
        ...(entry.date ? { date: labelled(entry.date) } : {}),
        formatted: citations.reference(entry.slug),
        hash,
      }),
    memberships: [],
    spanDays: 0,
  };
}

/** Every word naming a record, folded, one per line: what a name query matches. */
const matchText = (record: PersonEntry | PlaceEntry) => [...new Set(recordWords(record).map(foldForMatch))].join("\n");

export function personItems(entry: PersonEntry, locale: Locale): EntityItems {
  const published = { ...entry, sortName: collationKey(entry.name, locale), match: matchText(entry) };
  const hash = contentHash(published);
  return {
    kind: "person",
    slug: entry.slug,
    title: entry.name,
    hash,
    render: () =>
      personItem.item({
        ...published,
        ...(entry.born ? { born: labelled(entry.born) } : {}),
        ...(entry.died ? { died: labelled(entry.died) } : {}),
        hash,
      }),
    memberships: [],
    spanDays: 0,
  };
}

/**
 * A place's items: the place, in the places list; one membership per place containing it (for `places(within:)`)
 * and, with coordinates, one in the coordinates list (for a bounding box).
 */
export function placeItems(entry: PlaceEntry, locale: Locale, ancestors: string[], contains: string[]): EntityItems {
  const sortName = collationKey(entry.name, locale);
  const match = matchText(entry);
  const published = { ...entry, ancestors, contains, sortName, match };
  const hash = contentHash(published);
  const membership = { slug: entry.slug, sortName, match, ...(entry.coordinates ? { coordinates: entry.coordinates } : {}) };
  const lists = [...ancestors.map(listFor.within), ...(entry.coordinates ? [coordinatesList] : [])];
  return {
    kind: "place",
    slug: entry.slug,
    title: entry.name,
    hash,
    render: () =>
      placeItem.item({
        ...published,
        historicalNames: entry.historicalNames.map(({ from, until, ...name }) => ({
          ...name,
          ...(from ? { from: labelled(from) } : {}),
          ...(until ? { until: labelled(until) } : {}),
        })),
        ...(entry.julianCalendarUntil ? { julianCalendarUntil: labelled(entry.julianCalendarUntil) } : {}),
        hash,
      }),
    memberships: lists.map((list) => placeMembershipItem.item(membership, { slug: entry.slug, list })),
    spanDays: 0,
  };
}
