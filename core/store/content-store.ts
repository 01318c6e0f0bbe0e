// Reads published content for the API: GetItem, BatchGetItem and Query only (never Scan), with DataLoaders
// so that a page of events and everything it references costs a small, constant number of calls. What to
// query for a filter is planned in event-query.ts; paging is paging.ts's.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import DataLoader from "dataloader";
import { type SearchHit, searchEvents } from "../search/search-index";
import { decodeCursor, encodeCursor, InvalidCursorError, type ListPosition, startKeyFor } from "./cursor";
import {
  type EventFacts,
  type EventFilter,
  factsOf,
  filtersAnything,
  type ListQuery,
  listQueryConditions,
  matchesFilter,
  planEventQuery,
} from "./event-query";
import { type Facets, facetsOf } from "./facets";
import { type ItemType, wireKey } from "./item-type";
import {
  eventItem,
  facetsItem,
  keyFits,
  membershipItem,
  type StoredEvent,
  type StoredSource,
  sourceItem,
  sourcesList,
  timelineList,
} from "./items";
import { forEachPage, type QueryCall, sendUntilProcessed } from "./paging";
import type { RevisionSource } from "./revision-source";
import type { SearchIndexSource } from "./search-index-source";
import { listIndex, tableKeys } from "./table-definition";
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

const maxQueryPageItems = 200;
/** Rounds of a BatchGetItem while DynamoDB leaves keys unprocessed (within the request's deadline). */
const unprocessedKeyAttempts = 9;

// What facet counts read of each list entry: timeline entries are events (with citations), the other lists'
// entries are memberships (with the cited sources' slugs).
const timelineFacts = eventItem.projection(["tags", "people", "places", "firstDay", "lastDay", "citations"]);
const membershipFacts = membershipItem.projection(["tags", "people", "places", "firstDay", "lastDay", "sources"]);

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
    // A membership says the event matches already; this guards against one a sync has yet to remove.
    const check = filtersAnything(filter);
    const edges = events.flatMap((event, i) =>
      event && !(event instanceof Error) && (!check || matchesFilter(filter, factsOf(event)))
        ? [{ cursor: found.cursors[i], node: event }]
        : [],
    );
    return { edges, hasMore: found.hasMore };
  }

  async countEvents(filter: EventFilter): Promise<number> {
    const revision = await this.revision();
    const conditions = listQueryConditions(planEventQuery(filter, revision?.maxSpanDays));
    if (!conditions) return 0;
    let count = 0;
    await forEachPage(this.table.query, { TableName: this.tableName, Select: "COUNT", ...conditions }, (page) => {
      count += page.Count ?? 0;
    });
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
    if (!filtersAnything(filter)) {
      const result = await this.table.getItem({ TableName: this.tableName, Key: wireKey(facetsItem.key({})) });
      return result.Item ? facetsItem.read(result.Item) : facetsOf([]);
    }
    const query = planEventQuery(filter, (await this.revision())?.maxSpanDays);
    const conditions = listQueryConditions(query);
    if (!conditions) return facetsOf([]);
    const projection = query.list === timelineList ? timelineFacts : membershipFacts;
    const facts: EventFacts[] = [];
    const input = {
      TableName: this.tableName,
      ...conditions,
      ExpressionAttributeNames: { ...conditions.ExpressionAttributeNames, ...projection.names },
      ProjectionExpression: projection.expression,
    };
    await forEachPage(this.table.query, input, (page) => {
      for (const raw of page.Items ?? []) {
        const entry = projection.read(raw);
        const event: EventFacts = {
          tags: entry.tags ?? [],
          people: entry.people ?? [],
          places: entry.places ?? [],
          sources: "sources" in entry ? (entry.sources ?? []) : (entry.citations ?? []).map((c) => c.source),
          firstDay: entry.firstDay,
          lastDay: entry.lastDay,
        };
        if (matchesFilter(filter, event)) facts.push(event);
      }
    });
    return facetsOf(facts);
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

  /** Walks a list from a cursor, filtering, until it has `limit` items and knows whether more follow. */
  private async queryList(query: ListQuery, page: PageRequest) {
    const conditions = listQueryConditions(query);
    const items: Record<string, unknown>[] = [];
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
      ExclusiveStartKey: page.after ? startKeyFor(query.list, decodeCursor(page.after)) : undefined,
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
        const position: ListPosition = { pk: item[tableKeys.partitionKey], sk: item[tableKeys.sortKey], listSk: item[listIndex.sortKey] };
        cursors.push(encodeCursor(position));
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
