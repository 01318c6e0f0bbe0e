// Reads published content for the API: GetItem, BatchGetItem and Query only (never Scan), with DataLoaders
// so that a page of events and everything it references costs a small, constant number of calls.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import DataLoader from "dataloader";
import { type SearchHit, searchEvents } from "../search/search-index";
import { decodeCursor, encodeCursor, InvalidCursorError, type ListPosition, startKeyFor } from "./cursor";
import { type FacetFacts, type Facets, facetsOf } from "./facets";
import { type ItemType, wireKey } from "./item-type";
import {
  dayBound,
  eventItem,
  facetsItem,
  keyFits,
  type ListName,
  listFor,
  maxKeyBytes,
  membershipItem,
  type StoredEvent,
  type StoredSource,
  sourceItem,
  sourcesList,
  timelineList,
} from "./items";
import type { RevisionSource } from "./revision-source";
import type { SearchIndexSource } from "./search-index-source";
import { StoreUnavailableError } from "./store-unavailable";
import { listIndex, tableKeys } from "./table-definition";
import type { TableReads } from "./table-reads";

export interface EventFilter {
  /** Julian Day Numbers; events whose days overlap [fromDay, toDay] match. */
  fromDay?: number;
  toDay?: number;
  tags?: string[];
  places?: string[];
  people?: string[];
  source?: string;
}

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

interface ListQuery {
  list: ListName;
  keyRange?: { low?: string; high?: string };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, AttributeValue> };
}

const maxQueryPageItems = 200;

/**
 * Whether an event has what the filter names. A list membership says so already; this check only guards
 * against a membership a sync has not yet removed (the list index is eventually consistent).
 */
function matches(event: StoredEvent, filter: EventFilter): boolean {
  const has = (values: string[] | undefined, of: string[]) => (values ?? []).every((v) => of.includes(v));
  return (
    has(filter.tags, event.tags) &&
    has(filter.people, event.people) &&
    has(filter.places, event.places) &&
    (filter.source === undefined || event.citations.some((c) => c.source === filter.source))
  );
}

/** The list to query and the conditions left to filter, choosing the most selective list available. */
function planEventQuery(filter: EventFilter, maxSpanDays: number | undefined): ListQuery {
  const conditions: { attribute: string; value: string }[] = [
    ...(filter.people ?? []).map((value) => ({ attribute: "people", value })),
    ...(filter.places ?? []).map((value) => ({ attribute: "places", value })),
    ...(filter.tags ?? []).map((value) => ({ attribute: "tags", value })),
  ];
  let list: ListName = timelineList;
  if (filter.source !== undefined) list = listFor.source(filter.source);
  else if (conditions.length > 0) {
    const first = conditions.shift() as { attribute: string; value: string };
    list =
      first.attribute === "people"
        ? listFor.person(first.value)
        : first.attribute === "places"
          ? listFor.place(first.value)
          : listFor.tag(first.value);
  }
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  conditions.forEach(({ attribute, value }, i) => {
    names[`#a${i}`] = attribute;
    values[`:v${i}`] = { S: value };
    parts.push(`contains(#a${i}, :v${i})`);
  });
  const keyRange: ListQuery["keyRange"] = {};
  if (filter.toDay !== undefined) keyRange.high = dayBound(filter.toDay, "high");
  if (filter.fromDay !== undefined) {
    // An event starting before `from` still matches if it lasts into the range; no event lasts longer than maxSpanDays.
    if (maxSpanDays !== undefined) keyRange.low = dayBound(filter.fromDay - maxSpanDays, "low");
    names["#last"] = "lastDay";
    values[":from"] = { N: String(filter.fromDay) };
    parts.push("#last >= :from");
  }
  return {
    list,
    keyRange,
    ...(parts.length > 0 ? { filter: { expression: parts.join(" AND "), names, values } } : {}),
  };
}

function keyCondition(query: ListQuery) {
  // A list name too long for a key names no list: nothing matches.
  if (Buffer.byteLength(query.list) > maxKeyBytes.partition) return undefined;
  const names: Record<string, string> = { "#lpk": listIndex.partitionKey };
  const values: Record<string, AttributeValue> = { ":list": { S: query.list } };
  let expression = "#lpk = :list";
  const { low, high } = query.keyRange ?? {};
  if (low !== undefined || high !== undefined) names["#lsk"] = listIndex.sortKey;
  if (low !== undefined && high !== undefined) {
    if (low > high) return undefined;
    expression += " AND #lsk BETWEEN :low AND :high";
    values[":low"] = { S: low };
    values[":high"] = { S: high };
  } else if (low !== undefined) {
    expression += " AND #lsk >= :low";
    values[":low"] = { S: low };
  } else if (high !== undefined) {
    expression += " AND #lsk <= :high";
    values[":high"] = { S: high };
  }
  return {
    KeyConditionExpression: expression,
    FilterExpression: query.filter?.expression,
    ExpressionAttributeNames: { ...names, ...query.filter?.names },
    ExpressionAttributeValues: { ...values, ...query.filter?.values },
  };
}

/** One request's view of the store: loaders cache and batch within the request only. */
export class ContentStore {
  /** DynamoDB requests made so far (for the request log). */
  calls = 0;
  readonly events: DataLoader<string, StoredEvent | null>;
  readonly sources: DataLoader<string, StoredSource | null>;
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
  }

  /** The revision this request sees: read once per request, so all its parts agree. */
  revision(): ReturnType<RevisionSource> {
    this.revisionOfRequest ??= this.revisionSource();
    return this.revisionOfRequest;
  }

  async listEvents(filter: EventFilter, page: PageRequest): Promise<Page<StoredEvent>> {
    const revision = await this.revision();
    const query = planEventQuery(filter, revision?.maxSpanDays);
    const found = await this.queryList(query, page);
    const events =
      query.list === timelineList
        ? found.items.map((item) => {
            const event = eventItem.parse(item);
            this.events.prime(event.slug, event);
            return event;
          })
        : await this.events.loadMany(found.items.map((item) => membershipItem.parse(item).slug));
    const edges = events.flatMap((event, i) =>
      event && !(event instanceof Error) && matches(event, filter) ? [{ cursor: found.cursors[i], node: event }] : [],
    );
    return { edges, hasMore: found.hasMore };
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const revision = await this.revision();
    const condition = keyCondition(planEventQuery(filter, revision?.maxSpanDays));
    if (!condition) return 0;
    let count = 0;
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const result = await this.table.query({
        TableName: this.tableName,
        IndexName: listIndex.indexName,
        Select: "COUNT",
        ExclusiveStartKey: startKey,
        ...condition,
      });
      count += result.Count ?? 0;
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  async listSources(page: PageRequest): Promise<Page<StoredSource>> {
    const found = await this.queryList({ list: sourcesList }, page);
    return {
      edges: found.items.map((item, i) => {
        const source = sourceItem.parse(item);
        this.sources.prime(source.slug, source);
        return { cursor: found.cursors[i], node: source };
      }),
      hasMore: found.hasMore,
    };
  }

  /** Facet counts: the whole collection's from the sync, a filter's from the matching list entries (a Query). */
  async facets(filter: EventFilter): Promise<Facets> {
    const unfiltered = Object.values(filter).every((value) => value === undefined);
    if (unfiltered) {
      const result = await this.table.getItem({ TableName: this.tableName, Key: wireKey(facetsItem.key({})) });
      return result.Item ? facetsItem.read(result.Item) : facetsOf([]);
    }
    const condition = keyCondition(planEventQuery(filter, (await this.revision())?.maxSpanDays));
    if (!condition) return facetsOf([]);
    const attributes = ["tags", "people", "places", "firstDay", "citations", "sources"];
    const names = Object.fromEntries(attributes.map((name, i) => [`#f${i}`, name]));
    const facts: FacetFacts[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const result = await this.table.query({
        TableName: this.tableName,
        IndexName: listIndex.indexName,
        ExclusiveStartKey: startKey,
        ...condition,
        ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, ...names },
        ProjectionExpression: Object.keys(names).join(", "),
      });
      for (const raw of result.Items ?? []) {
        const item = unmarshall(raw);
        // Timeline entries carry citations; list memberships carry the cited sources' slugs.
        const citations =
          (item.citations as { source: string }[] | undefined) ??
          ((item.sources as string[] | undefined) ?? []).map((source) => ({ source }));
        const event = { tags: item.tags ?? [], people: item.people ?? [], places: item.places ?? [], citations } as StoredEvent;
        if (matches(event, filter)) facts.push({ ...event, firstDay: item.firstDay });
      }
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return facetsOf(facts);
  }

  /** Events matching a text query and a filter, best first (all of them: a search ranks in memory). */
  async search(text: string, filter: EventFilter): Promise<SearchHit[]> {
    const index = await this.searchIndexSource?.(await this.revision());
    if (!index) return [];
    const has = (values: string[] | undefined, of: string[]) => (values ?? []).every((v) => of.includes(v));
    return searchEvents(
      index,
      text,
      (event) =>
        has(filter.tags, event.tags) &&
        has(filter.people, event.people) &&
        has(filter.places, event.places) &&
        (filter.source === undefined || event.sources.includes(filter.source)) &&
        (filter.fromDay === undefined || event.lastDay >= filter.fromDay) &&
        (filter.toDay === undefined || event.firstDay <= filter.toDay),
    );
  }

  async countSources(): Promise<number> {
    return (await this.revision())?.sourceCount ?? 0;
  }

  private counted<T>(read: Promise<T>): Promise<T> {
    this.calls += 1;
    return read;
  }

  /** Walks a list from a cursor, filtering, until it has `limit` items and knows whether more follow. */
  private async queryList(query: ListQuery, page: PageRequest) {
    const condition = keyCondition(query);
    const items: Record<string, unknown>[] = [];
    const cursors: string[] = [];
    if (!condition) return { items, cursors, hasMore: false };
    let startKey: Record<string, AttributeValue> | undefined = page.after ? startKeyFor(query.list, decodeCursor(page.after)) : undefined;
    let hasMore = false;
    do {
      const result = await this.table
        .query({
          TableName: this.tableName,
          IndexName: listIndex.indexName,
          ScanIndexForward: !page.backwards,
          ExclusiveStartKey: startKey,
          Limit: Math.min(maxQueryPageItems, query.filter ? Math.max(page.limit * 2, 50) : page.limit + 1),
          ...condition,
        })
        .catch((error: Error) => {
          // A cursor taken from another list is not a valid starting key for this one.
          if (page.after && error.name === "ValidationException") throw new InvalidCursorError(page.after);
          throw error;
        });
      for (const raw of result.Items ?? []) {
        if (items.length === page.limit) {
          hasMore = true;
          break;
        }
        const item = unmarshall(raw);
        items.push(item);
        const position: ListPosition = { pk: item[tableKeys.partitionKey], sk: item[tableKeys.sortKey], listSk: item[listIndex.sortKey] };
        cursors.push(encodeCursor(position));
      }
      startKey = result.LastEvaluatedKey;
    } while (!hasMore && startKey);
    return { items, cursors, hasMore };
  }

  private async batchGet<Value extends { slug: string }>(declaration: ItemType<Value, { slug: string }>, slugs: readonly string[]) {
    const found = new Map<string, Value>();
    // A slug too long for a key names nothing: it is not asked for.
    let keys = [...new Set(slugs)]
      .map((slug) => declaration.key({ slug }))
      .filter(keyFits)
      .map(wireKey);
    for (let attempt = 0; keys.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      // Keys left unprocessed are DynamoDB shedding load: past the retries, the store is unavailable for now.
      if (attempt > 8) throw new StoreUnavailableError(`DynamoDB left ${keys.length} keys unprocessed`);
      const result = await this.table.batchGetItem({ RequestItems: { [this.tableName]: { Keys: keys } } });
      for (const raw of result.Responses?.[this.tableName] ?? []) {
        const item = declaration.read(raw);
        found.set(item.slug, item);
      }
      keys = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof keys;
    }
    return slugs.map((slug) => found.get(slug) ?? null);
  }
}
