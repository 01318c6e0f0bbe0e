// Which events a filter asks for, in two forms: a plan for DynamoDB (the most selective list to query, in
// the index of the order asked for, the key range its dates bound, and the conditions left to filter; or, for
// the places a bounding box selects, one list per place, merged in that order) and a predicate on an event's
// facts, the one check that list pages, facet counts and search all apply. Pure: no I/O.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { dayBound, type ListName, listFor, type Membership, maxKeyBytes, type StoredEvent, timelineList } from "./items";
import { latestIndex, listIndex } from "./table-definition";

/**
 * How an event's days must meet [fromDay, toDay]: `possibly`, some day it could be falls in the range (its
 * first to last possible day overlap it; the gaps of a one-of set are not looked at); `certainly`, every day
 * it could be falls in it (an open end never does, unless the range is open on that side too).
 */
export type DateMatch = "possibly" | "certainly";

/** Which bound of an event's days orders a list: the earliest day it could be (chronological) or the latest. */
export type EventBound = "earliest" | "latest";

export interface EventFilter {
  /** Julian Day Numbers; events whose days meet [fromDay, toDay] as `match` says match. */
  fromDay?: number;
  toDay?: number;
  /** How the days must meet the range (default `possibly`). */
  match?: DateMatch;
  tags?: string[];
  /** Events at every one of these places or at places within them. */
  places?: string[];
  people?: string[];
  source?: string;
  /** Events at one of these places itself (not within it): the places a bounding box selects. */
  atPlaces?: string[];
  /** Events on this day of the year in a calendar (an anniversary key, see core/dates/anniversary.ts). */
  onDay?: string;
}

/** What a filter looks at in an event: the facts each list membership and the search index carry. */
export type EventFacts = Pick<Membership, "tags" | "people" | "places" | "placesWithin" | "sources" | "firstDay" | "lastDay">;

/** A stored event's facts. */
export const factsOf = (event: StoredEvent): EventFacts => ({
  tags: event.tags,
  people: event.people,
  places: event.places,
  placesWithin: event.placesWithin,
  sources: event.citations.map((c) => c.source),
  firstDay: event.firstDay,
  lastDay: event.lastDay,
});

const hasAll = (values: string[] | undefined, of: string[]) => values === undefined || values.every((v) => of.includes(v));

/** Whether a filter names anything at all (an empty one matches every event; `match` alone names nothing). */
export const filtersAnything = ({ match: _, ...filter }: EventFilter) => Object.values(filter).some((value) => value !== undefined);

/** Whether an event's days meet the filter's range, possibly or certainly. */
function meetsDates(filter: EventFilter, { firstDay, lastDay }: EventFacts): boolean {
  const { fromDay, toDay } = filter;
  if (filter.match === "certainly") return (fromDay === undefined || firstDay >= fromDay) && (toDay === undefined || lastDay <= toDay);
  return (fromDay === undefined || lastDay >= fromDay) && (toDay === undefined || firstDay <= toDay);
}

/** Whether an event has everything the filter names, and its days meet the filter's range. */
export function matchesFilter(filter: EventFilter, event: EventFacts): boolean {
  return (
    hasAll(filter.tags, event.tags) &&
    hasAll(filter.people, event.people) &&
    hasAll(filter.places, event.placesWithin) &&
    (filter.atPlaces === undefined || filter.atPlaces.some((place) => event.places.includes(place))) &&
    (filter.source === undefined || event.sources.includes(filter.source)) &&
    meetsDates(filter, event)
  );
}

/** A Query of one list: which list, the bounds of its sort key, and a filter on what the key cannot say. */
export interface ListQuery {
  list: ListName;
  /** Read by latest day (the second index) rather than chronologically (the list index). */
  sortedBy?: "latest";
  keyRange?: { low?: string; high?: string };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, AttributeValue> };
}

/** The index that keeps lists of events in the order of a bound. */
export const indexFor = (bound: EventBound) => (bound === "latest" ? latestIndex : listIndex);

/** The index a Query of a list reads. */
export const indexOf = (query: Pick<ListQuery, "sortedBy">) => indexFor(query.sortedBy ?? "earliest");

/**
 * The lists to query and the conditions left to filter, choosing the most selective list available, read in
 * the order of `bound`. One list, but for the places of a bounding box alone: one list per place, whose pages
 * the store merges.
 */
export function planEventQuery(filter: EventFilter, maxSpanDays: number | undefined, bound: EventBound = "earliest"): ListQuery[] {
  const conditions: { attribute: keyof EventFacts; value: string }[] = [
    ...(filter.people ?? []).map((value) => ({ attribute: "people" as const, value })),
    ...(filter.places ?? []).map((value) => ({ attribute: "placesWithin" as const, value })),
    ...(filter.tags ?? []).map((value) => ({ attribute: "tags" as const, value })),
  ];
  const atPlaces = filter.atPlaces;
  if (atPlaces?.length === 0) return [];
  if (atPlaces && filter.source === undefined && filter.onDay === undefined && conditions.length === 0) {
    return atPlaces.map((place) => listQuery(listFor.at(place), [], [], filter, maxSpanDays, bound));
  }
  let list: ListName = timelineList;
  if (filter.onDay !== undefined) list = listFor.onDay(filter.onDay);
  else if (filter.source !== undefined) list = listFor.source(filter.source);
  else if (conditions.length > 0) {
    const first = conditions.shift() as { attribute: string; value: string };
    list =
      first.attribute === "people"
        ? listFor.person(first.value)
        : first.attribute === "placesWithin"
          ? listFor.place(first.value)
          : listFor.tag(first.value);
  }
  return [listQuery(list, conditions, atPlaces ?? [], filter, maxSpanDays, bound)];
}

/** A Query of one list, with what its key cannot say as a filter: each condition, one of `anyPlace`, the dates. */
function listQuery(
  list: ListName,
  conditions: { attribute: string; value: string }[],
  anyPlace: string[],
  filter: EventFilter,
  maxSpanDays: number | undefined,
  bound: EventBound,
): ListQuery {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  conditions.forEach(({ attribute, value }, i) => {
    names[`#a${i}`] = attribute;
    values[`:v${i}`] = { S: value };
    parts.push(`contains(#a${i}, :v${i})`);
  });
  if (anyPlace.length > 0) {
    names["#at"] = "places";
    anyPlace.forEach((place, i) => {
      values[`:p${i}`] = { S: place };
    });
    parts.push(`(${anyPlace.map((_, i) => `contains(#at, :p${i})`).join(" OR ")})`);
  }
  const { keyRange, condition } = dateRange(filter, maxSpanDays, bound);
  if (condition) {
    Object.assign(names, condition.names);
    Object.assign(values, condition.values);
    parts.push(condition.expression);
  }
  return {
    list,
    ...(bound === "latest" ? { sortedBy: "latest" as const } : {}),
    keyRange,
    ...(parts.length > 0 ? { filter: { expression: parts.join(" AND "), names, values } } : {}),
  };
}

/**
 * What a filter's dates bound in the key of the index read, and the condition left for the filter. The key
 * leads with the first day (chronological) or the last day (latest); no event lasts longer than maxSpanDays,
 * so a bound on the other day reaches that far past the range (the key's bound is clamped to the stored days).
 */
function dateRange(
  { fromDay, toDay, match }: EventFilter,
  maxSpanDays: number | undefined,
  bound: EventBound,
): {
  keyRange: NonNullable<ListQuery["keyRange"]>;
  condition?: { expression: string; names: Record<string, string>; values: Record<string, AttributeValue> };
} {
  const keyRange: NonNullable<ListQuery["keyRange"]> = {};
  const first = { names: { "#first": "firstDay" } };
  const last = { names: { "#last": "lastDay" } };
  if (match === "certainly") {
    // firstDay >= from and lastDay <= to: both days lie in the range, so the key's day does too.
    if (fromDay !== undefined) keyRange.low = dayBound(fromDay, "low");
    if (toDay !== undefined) keyRange.high = dayBound(toDay, "high");
    if (bound === "earliest" && toDay !== undefined) {
      return { keyRange, condition: { ...last, expression: "#last <= :to", values: { ":to": { N: String(toDay) } } } };
    }
    if (bound === "latest" && fromDay !== undefined) {
      return { keyRange, condition: { ...first, expression: "#first >= :from", values: { ":from": { N: String(fromDay) } } } };
    }
    return { keyRange };
  }
  // Possibly: lastDay >= from and firstDay <= to.
  if (bound === "earliest") {
    if (toDay !== undefined) keyRange.high = dayBound(toDay, "high");
    if (fromDay === undefined) return { keyRange };
    // An event starting before `from` still matches if it lasts into the range.
    if (maxSpanDays !== undefined) keyRange.low = dayBound(fromDay - maxSpanDays, "low");
    return { keyRange, condition: { ...last, expression: "#last >= :from", values: { ":from": { N: String(fromDay) } } } };
  }
  if (fromDay !== undefined) keyRange.low = dayBound(fromDay, "low");
  if (toDay === undefined) return { keyRange };
  // An event ending after `to` still matches if it began by then.
  if (maxSpanDays !== undefined) keyRange.high = dayBound(toDay + maxSpanDays, "high");
  return { keyRange, condition: { ...first, expression: "#first <= :to", values: { ":to": { N: String(toDay) } } } };
}

/** The Query's conditions on the index it reads, or undefined when no item can match (nothing to ask). */
export function listQueryConditions(query: ListQuery) {
  // A list name too long for a key names no list: nothing matches.
  if (Buffer.byteLength(query.list) > maxKeyBytes.partition) return undefined;
  const index = indexOf(query);
  const names: Record<string, string> = { "#lpk": index.partitionKey };
  const values: Record<string, AttributeValue> = { ":list": { S: query.list } };
  let expression = "#lpk = :list";
  const { low, high } = query.keyRange ?? {};
  if (low !== undefined || high !== undefined) names["#lsk"] = index.sortKey;
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
    IndexName: index.indexName,
    KeyConditionExpression: expression,
    FilterExpression: query.filter?.expression,
    ExpressionAttributeNames: { ...names, ...query.filter?.names },
    ExpressionAttributeValues: { ...values, ...query.filter?.values },
  };
}
