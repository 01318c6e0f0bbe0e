// Reads published content for the API: GetItem, BatchGetItem and Query only (never Scan), with DataLoaders
// so that a page of events and everything it references costs a small, constant number of calls. What to
// query for a filter is planned in event-query.ts; paging is paging.ts's.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import DataLoader from "dataloader";
import { anniversaryKeys } from "../dates/anniversary";
import { type SearchHit, searchEvents } from "../search/search-index";
import { decodeCursor, encodeCursor, InvalidCursorError, type ListPosition, startKeyFor } from "./cursor";
import {
  type EventBound,
  type EventFacts,
  type EventFilter,
  factsOf,
  filtersAnything,
  indexFor,
  indexOf,
  type ListQuery,
  listQueryConditions,
  matchesFilter,
  planEventQuery,
} from "./event-query";
import { type Facets, facetsOf } from "./facets";
import { type ItemType, type PrimaryKey, wireKey } from "./item-type";
import {
  coordinatesList,
  describeKey,
  eventItem,
  facetsItem,
  keyFits,
  type ListName,
  latitudeKey,
  listFor,
  type Membership,
  mediaItem,
  mediaList,
  membershipItem,
  peopleList,
  personItem,
  placeItem,
  placeMembershipItem,
  placesList,
  type StoredEvent,
  type StoredMedia,
  type StoredPerson,
  type StoredPlace,
  type StoredSource,
  slugAtPosition,
  sourceItem,
  sourcesList,
  timelineList,
} from "./items";
import { forEachPage, type QueryCall, sendUntilProcessed } from "./paging";
import type { RevisionSource } from "./revision-source";
import type { SearchIndexSource } from "./search-index-source";
import { type ListIndex, tableKeys } from "./table-definition";
import type { TableReads } from "./table-reads";

export interface PageRequest {
  /** How many items, 1–100. */
  limit: number;
  /** Start after this cursor. */
  after?: string;
  /** Walk the list backwards (for REVERSE order, or for `last`/`before`). */
  backwards?: boolean;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  /** Whether more items follow in the walking direction. */
  hasMore: boolean;
}

/** A box of plain degrees (WGS 84); `west` greater than `east` crosses the antimeridian. */
export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** Reads a projection of an item (see ItemType.projection). */
type Projection<Entry> = { expression: string; names: Record<string, string>; read(item: Record<string, AttributeValue>): Entry };

/** What facets read of a list entry: a timeline entry (an event, with citations) or a membership (with sources). */
type ListEntryFacts = Pick<Membership, "slug" | "firstDay" | "lastDay"> &
  Partial<Pick<Membership, "tags" | "people" | "places" | "placesWithin" | "sources">> & { citations?: { source: string }[] };

/** A page of list entries, as the store reads them: the items, their cursors, whether more follow. */
interface ListPage {
  items: Record<string, unknown>[];
  cursors: string[];
  hasMore: boolean;
}

const maxQueryPageItems = 200;
/** Rounds of a BatchGetItem while DynamoDB leaves keys unprocessed (within the request's deadline). */
const unprocessedKeyAttempts = 9;

// What facet counts read of each list entry: timeline entries are events (with citations), the other lists'
// entries are memberships (with the cited sources' slugs).
const timelineFacts = eventItem.projection(["slug", "tags", "people", "places", "placesWithin", "firstDay", "lastDay", "citations"]);
const membershipFacts = membershipItem.projection(["slug", "tags", "people", "places", "placesWithin", "firstDay", "lastDay", "sources"]);
const placeSlugs = placeMembershipItem.projection(["slug"]);

/** One request's view of the store: loaders cache and batch within the request only. */
export class ContentStore {
  /** DynamoDB requests made so far (for the request log). */
  calls = 0;
  readonly events: DataLoader<string, StoredEvent | null>;
  readonly sources: DataLoader<string, StoredSource | null>;
  readonly people: DataLoader<string, StoredPerson | null>;
  readonly places: DataLoader<string, StoredPlace | null>;
  readonly media: DataLoader<string, StoredMedia | null>;
  /** The places of each box asked for in this request. */
  private readonly boxes = new Map<string, Promise<string[]>>();
  private revisionOfRequest?: ReturnType<RevisionSource>;
  /** The reads, each counted in `calls`. */
  private readonly table: TableReads;

  constructor(
    reads: TableReads,
    private readonly tableName: string,
    /** The published revision, shared by the requests of a process (see revision-source.ts). */
    private readonly revisionSource: RevisionSource,
    /** The search index, shared likewise (see search-index-source.ts). */
    private readonly searchIndexSource?: SearchIndexSource,
  ) {
    this.table = {
      getItem: (input) => this.counted(reads.getItem(input)),
      query: (input) => this.counted(reads.query(input)),
      batchGetItem: (input) => this.counted(reads.batchGetItem(input)),
    };
    this.events = new DataLoader((slugs) => this.batchGet(eventItem, slugs), { maxBatchSize: 100 });
    this.sources = new DataLoader((slugs) => this.batchGet(sourceItem, slugs), { maxBatchSize: 100 });
    this.people = new DataLoader((slugs) => this.batchGet(personItem, slugs), { maxBatchSize: 100 });
    this.places = new DataLoader((slugs) => this.batchGet(placeItem, slugs), { maxBatchSize: 100 });
    this.media = new DataLoader((slugs) => this.batchGet(mediaItem, slugs), { maxBatchSize: 100 });
  }

  /** The revision this request sees: read once per request, so all its parts agree. */
  revision(): ReturnType<RevisionSource> {
    this.revisionOfRequest ??= this.revisionSource();
    return this.revisionOfRequest;
  }

  /** A page of the events a filter matches, by their earliest possible day (chronologically) or their latest. */
  async listEvents(filter: EventFilter, page: PageRequest, bound: EventBound = "earliest"): Promise<Page<StoredEvent>> {
    const revision = await this.revision();
    const queries = planEventQuery(filter, revision?.maxSpanDays, bound);
    const found = queries.length === 1 ? await this.queryList(queries[0], page) : await this.queryMerged(queries, page, indexFor(bound));
    const events =
      queries[0]?.list === timelineList
        ? found.items.map((item) => {
            const event = eventItem.parse(item);
            this.events.prime(event.slug, event);
            return event;
          })
        : await this.events.loadMany(found.items.map((item) => membershipItem.parse(item).slug));
    // A membership says the event matches already; this guards against one a sync has yet to remove.
    const check = filtersAnything(filter);
    const matches = (event: StoredEvent) =>
      (!check || matchesFilter(filter, factsOf(event))) &&
      (filter.onDay === undefined || anniversaryKeys(event.date).includes(filter.onDay));
    const edges = events.flatMap((event, i) =>
      event && !(event instanceof Error) && matches(event) ? [{ cursor: found.cursors[i], node: event }] : [],
    );
    return { edges, hasMore: found.hasMore };
  }

  /** The first `limit` events a filter matches, chronologically, read in pages of `pageSize` (for exports). */
  async firstEvents(filter: EventFilter, limit: number, pageSize: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let after: string | undefined;
    do {
      const page = await this.listEvents(filter, { limit: Math.min(pageSize, limit - events.length), after });
      events.push(...page.edges.map((edge) => edge.node));
      after = page.hasMore ? page.edges.at(-1)?.cursor : undefined;
    } while (after && events.length < limit);
    return events;
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const revision = await this.revision();
    // Every published event is in the unfiltered list, and the revision counted them when it was written.
    if (revision && !filtersAnything(filter)) return revision.eventCount;
    const queries = planEventQuery(filter, revision?.maxSpanDays);
    if (queries.length === 1) return this.countEntries(queries[0]);
    // An event at two of the places is in both lists: count it once.
    const slugs = new Set<string>();
    await this.forEachEntry(queries, membershipFacts, (entry) => slugs.add(entry.slug));
    return slugs.size;
  }

  async listSources(page: PageRequest): Promise<Page<StoredSource>> {
    return this.listRecords(sourcesList, sourceItem, this.sources, page);
  }

  /** A page of a list of records (sources, people, places), each primed in its loader; memberships are loaded. */
  private async listRecords<Value extends { slug: string }>(
    list: ListName,
    declaration: ItemType<Value, { slug: string }>,
    loader: DataLoader<string, Value | null>,
    page: PageRequest,
    filter?: ListQuery["filter"],
  ): Promise<Page<Value>> {
    const found = await this.queryList({ list, ...(filter ? { filter } : {}) }, page);
    const isMembership = (item: Record<string, unknown>) => describeKey(item as PrimaryKey).item === "membership";
    const records = await Promise.all(
      found.items.map(async (item) => {
        if (isMembership(item)) return loader.load(placeMembershipItem.parse(item).slug);
        const record = declaration.parse(item);
        loader.prime(record.slug, record);
        return record;
      }),
    );
    return {
      edges: records.flatMap((record, i) => (record ? [{ cursor: found.cursors[i], node: record }] : [])),
      hasMore: found.hasMore,
    };
  }

  /** Facet counts: the whole collection's from the sync, a filter's from the matching list entries (a Query). */
  async facets(filter: EventFilter): Promise<Facets> {
    if (!filtersAnything(filter)) {
      const result = await this.table.getItem({ TableName: this.tableName, Key: wireKey(facetsItem.key({})) });
      return result.Item ? facetsItem.read(result.Item) : facetsOf([]);
    }
    const queries = planEventQuery(filter, (await this.revision())?.maxSpanDays);
    const facts = new Map<string, EventFacts>();
    const projection = (queries[0]?.list === timelineList ? timelineFacts : membershipFacts) as Projection<ListEntryFacts>;
    await this.forEachEntry(queries, projection, (entry) => {
      const event: EventFacts = {
        tags: entry.tags ?? [],
        people: entry.people ?? [],
        places: entry.places ?? [],
        placesWithin: entry.placesWithin ?? [],
        sources: entry.sources ?? (entry.citations ?? []).map((c) => c.source),
        firstDay: entry.firstDay,
        lastDay: entry.lastDay,
      };
      if (matchesFilter(filter, event)) facts.set(entry.slug, event);
    });
    return facetsOf([...facts.values()]);
  }

  /** Every entry of the lists, projected: for counting and facets. */
  private async forEachEntry<Entry>(queries: ListQuery[], projection: Projection<Entry>, onEntry: (entry: Entry) => void) {
    await Promise.all(
      queries.map(async (query) => {
        const conditions = listQueryConditions(query);
        if (!conditions) return;
        const input = {
          TableName: this.tableName,
          ...conditions,
          ExpressionAttributeNames: { ...conditions.ExpressionAttributeNames, ...projection.names },
          ProjectionExpression: projection.expression,
        };
        await forEachPage(this.table.query, input, (page) => {
          for (const raw of page.Items ?? []) onEntry(projection.read(raw));
        });
      }),
    );
  }

  /** People by name (in the collection's alphabet), those with a name or alias containing `match` (folded) if given. */
  async listPeople(match: string | undefined, page: PageRequest): Promise<Page<StoredPerson>> {
    return this.listRecords(peopleList, personItem, this.people, page, match ? nameFilter(match) : undefined);
  }

  /** Media (images) by slug. */
  async listMedia(page: PageRequest): Promise<Page<StoredMedia>> {
    return this.listRecords(mediaList, mediaItem, this.media, page);
  }

  async countMedia(): Promise<number> {
    return this.countEntries({ list: mediaList });
  }

  async countPeople(match: string | undefined): Promise<number> {
    return this.countEntries({ list: peopleList, ...(match ? { filter: nameFilter(match) } : {}) });
  }

  /** Places by name: all, or those within a place (at any depth); in a box if one is given. */
  async listPlaces(options: PlaceListOptions, page: PageRequest): Promise<Page<StoredPlace>> {
    const { list, filter } = placeQuery(options);
    return this.listRecords(list, placeItem, this.places, page, filter);
  }

  async countPlaces(options: PlaceListOptions): Promise<number> {
    return this.countEntries(placeQuery(options));
  }

  /** How many entries of a list match (a Query that counts, page by page). */
  private async countEntries(query: ListQuery): Promise<number> {
    const conditions = listQueryConditions(query);
    if (!conditions) return 0;
    let count = 0;
    await forEachPage(this.table.query, { TableName: this.tableName, Select: "COUNT", ...conditions }, (page) => {
      count += page.Count ?? 0;
    });
    return count;
  }

  /**
   * The slugs of the places with coordinates in a box, at most `limit` (and one more, to tell that there are
   * more): a key range of the list of places by latitude, their longitude filtered. Once per box and request.
   */
  placesInBox(box: BoundingBox, limit: number): Promise<string[]> {
    const key = JSON.stringify([box.south, box.west, box.north, box.east, limit]);
    let found = this.boxes.get(key);
    if (!found) {
      found = this.findPlacesInBox(box, limit);
      this.boxes.set(key, found);
    }
    return found;
  }

  private async findPlacesInBox(box: BoundingBox, limit: number): Promise<string[]> {
    const slugs: string[] = [];
    const conditions = listQueryConditions(placeQuery({ box }));
    if (!conditions) return slugs;
    const input = {
      TableName: this.tableName,
      ...conditions,
      ExpressionAttributeNames: { ...conditions.ExpressionAttributeNames, ...placeSlugs.names },
      ProjectionExpression: placeSlugs.expression,
    };
    await forEachPage(this.table.query, input, (page) => {
      for (const raw of page.Items ?? []) slugs.push(placeSlugs.read(raw).slug);
      if (slugs.length > limit) return "stop";
    });
    return slugs.slice(0, limit + 1);
  }

  /** Events matching a text query and a filter, best first (all of them: a search ranks in memory). */
  async search(text: string, filter: EventFilter): Promise<SearchHit[]> {
    const index = await this.searchIndexSource?.(await this.revision());
    if (!index) return [];
    return searchEvents(index, text, (event) => matchesFilter(filter, event));
  }

  async countSources(): Promise<number> {
    return (await this.revision())?.sourceCount ?? 0;
  }

  private counted<T>(read: Promise<T>): Promise<T> {
    this.calls += 1;
    return read;
  }

  /**
   * Walks several lists of one order at once (the lists of a bounding box's places, each read on `index`),
   * merged: each from the cursor's position, until it has `limit` items and knows whether more follow; an
   * event in two of them once. No lists (a box without places): no items.
   */
  private async queryMerged(queries: ListQuery[], page: PageRequest, index: ListIndex): Promise<ListPage> {
    const after = page.after ? decodeCursor(page.after, index) : undefined;
    const pages = await Promise.all(
      queries.map((query) => {
        // The same position in each list: the list's entry for the event the cursor stands at.
        const start = after && { ...after, ...membershipKeyAt(query.list, after.listSk) };
        return this.queryList(query, { ...page, after: start ? encodeCursor(start, index) : undefined });
      }),
    ).catch((error: Error) => {
      // Each list's cursor is made from the client's: the error names the one the client sent.
      throw error instanceof InvalidCursorError && page.after ? new InvalidCursorError(page.after) : error;
    });
    const entries = new Map<string, { item: Record<string, unknown>; cursor: string }>();
    for (const { items, cursors } of pages) {
      items.forEach((item, i) => {
        entries.set(String(item[index.sortKey]), { item, cursor: cursors[i] });
      });
    }
    const positions = [...entries.keys()].sort();
    if (page.backwards) positions.reverse();
    const taken = positions
      .slice(0, page.limit)
      .map((position) => entries.get(position) as { item: Record<string, unknown>; cursor: string });
    return {
      items: taken.map((entry) => entry.item),
      cursors: taken.map((entry) => entry.cursor),
      hasMore: positions.length > page.limit || pages.some((p) => p.hasMore),
    };
  }

  /** Walks a list from a cursor, filtering, until it has `limit` items and knows whether more follow. */
  private async queryList(query: ListQuery, page: PageRequest): Promise<ListPage> {
    const conditions = listQueryConditions(query);
    const index = indexOf(query);
    const items: ListPage["items"] = [];
    const cursors: string[] = [];
    if (!conditions) return { items, cursors, hasMore: false };
    const read: QueryCall = (input) =>
      this.table.query(input).catch((error: Error) => {
        // A cursor taken from another list is not a valid starting key for this one.
        if (page.after && error.name === "ValidationException") throw new InvalidCursorError(page.after);
        throw error;
      });
    let hasMore = false;
    const input = {
      TableName: this.tableName,
      ScanIndexForward: !page.backwards,
      ExclusiveStartKey: page.after ? startKeyFor(query.list, decodeCursor(page.after, index), index) : undefined,
      Limit: Math.min(maxQueryPageItems, query.filter ? Math.max(page.limit * 2, 50) : page.limit + 1),
      ...conditions,
    };
    await forEachPage(read, input, (result) => {
      for (const raw of result.Items ?? []) {
        // One more item than asked for: more follow.
        if (items.length === page.limit) {
          hasMore = true;
          return "stop";
        }
        const item = unmarshall(raw);
        items.push(item);
        const position: ListPosition = { pk: item[tableKeys.partitionKey], sk: item[tableKeys.sortKey], listSk: item[index.sortKey] };
        cursors.push(encodeCursor(position, index));
      }
    });
    return { items, cursors, hasMore };
  }

  private async batchGet<Value extends { slug: string }>(declaration: ItemType<Value, { slug: string }>, slugs: readonly string[]) {
    const found = new Map<string, Value>();
    // A slug too long for a key names nothing: it is not asked for.
    const keys = [...new Set(slugs)]
      .map((slug) => declaration.key({ slug }))
      .filter(keyFits)
      .map(wireKey);
    // Keys left unprocessed are DynamoDB shedding load: past the retries, the store is unavailable for now.
    await sendUntilProcessed(
      "DynamoDB BatchGetItem",
      keys,
      async (pending) => {
        const result = await this.table.batchGetItem({ RequestItems: { [this.tableName]: { Keys: pending } } });
        for (const raw of result.Responses?.[this.tableName] ?? []) {
          const item = declaration.read(raw);
          found.set(item.slug, item);
        }
        return result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      },
      unprocessedKeyAttempts,
    );
    return slugs.map((slug) => found.get(slug) ?? null);
  }
}

/** The table key of an event's entry in a list, at a position of that list (the slug ends the position). */
function membershipKeyAt(list: ListName, position: string) {
  const key = membershipItem.key({ slug: slugAtPosition(position), list });
  return { pk: key[tableKeys.partitionKey], sk: key[tableKeys.sortKey] };
}

export interface PlaceListOptions {
  /** Only places within this one, at any depth. */
  within?: string;
  /** Only places with coordinates in this box. */
  box?: BoundingBox;
  /** Only places with a name, translation, alias or historical name containing this (folded) text. */
  match?: string;
}

/**
 * The list of places to read: within a place (by name), or all of them by name; or, for a box alone, the
 * places by latitude, the box's latitudes as the key range, so a small box reads a small part of the list.
 */
function placeQuery({ within, box, match }: PlaceListOptions): ListQuery {
  if (box && within === undefined) {
    const longitude = longitudeFilter(box);
    const filter = match ? allOf([longitude, nameFilter(match)]) : longitude;
    return { list: coordinatesList, keyRange: { low: latitudeKey(box.south), high: `${latitudeKey(box.north)}~` }, filter };
  }
  const filters = [...(box ? [boxFilter(box)] : []), ...(match ? [nameFilter(match)] : [])];
  const filter =
    filters.length === 0
      ? undefined
      : {
          expression: filters.map((f) => f.expression).join(" AND "),
          names: Object.assign({}, ...filters.map((f) => f.names)),
          values: Object.assign({}, ...filters.map((f) => f.values)),
        };
  return { list: within === undefined ? placesList : listFor.within(within), ...(filter ? { filter } : {}) };
}

/** Filters that must all hold. */
const allOf = (filters: NonNullable<ListQuery["filter"]>[]): NonNullable<ListQuery["filter"]> => ({
  expression: filters.map((f) => f.expression).join(" AND "),
  names: Object.assign({}, ...filters.map((f) => f.names)),
  values: Object.assign({}, ...filters.map((f) => f.values)),
});

/** Records whose folded names contain a folded text. */
const nameFilter = (match: string): NonNullable<ListQuery["filter"]> => ({
  expression: "contains(#match, :match)",
  names: { "#match": "match" },
  values: { ":match": { S: match } },
});

/** Longitude within a box's, across the antimeridian when west is east of east. */
function longitudeFilter(box: BoundingBox): NonNullable<ListQuery["filter"]> {
  const names = { "#coordinates": "coordinates", "#lon": "lon" };
  const values = { ":west": { N: String(box.west) }, ":east": { N: String(box.east) } };
  const lon = "#coordinates.#lon";
  const expression = box.west <= box.east ? `${lon} BETWEEN :west AND :east` : `(${lon} >= :west OR ${lon} <= :east)`;
  return { expression, names, values };
}

/** Records with coordinates in a box. */
function boxFilter(box: BoundingBox): NonNullable<ListQuery["filter"]> {
  const longitude = longitudeFilter(box);
  return {
    expression: `#coordinates.#lat BETWEEN :south AND :north AND ${longitude.expression}`,
    names: { ...longitude.names, "#lat": "lat" },
    values: { ...longitude.values, ":south": { N: String(box.south) }, ":north": { N: String(box.north) } },
  };
}
