// Which events a filter asks for, in two forms: a plan for DynamoDB (the most selective list to query, the
// key range its dates bound, and the conditions left to filter; or, for the places a bounding box selects,
// one list per place, merged in chronological order) and a predicate on an event's facts, the one check that
// list pages, facet counts and search all apply. Pure: no I/O.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { dayBound, type ListName, listFor, type Membership, maxKeyBytes, type StoredEvent, timelineList } from "./items";
import { listIndex } from "./table-definition";

export interface EventFilter {
  /** Julian Day Numbers; events whose days overlap [fromDay, toDay] match. */
  fromDay?: number;
  toDay?: number;
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

/** Whether a filter names anything at all (an empty one matches every event). */
export const filtersAnything = (filter: EventFilter) => Object.values(filter).some((value) => value !== undefined);

/** Whether an event has everything the filter names, and overlaps its days. */
export function matchesFilter(filter: EventFilter, event: EventFacts): boolean {
  return (
    hasAll(filter.tags, event.tags) &&
    hasAll(filter.people, event.people) &&
    hasAll(filter.places, event.placesWithin) &&
    (filter.atPlaces === undefined || filter.atPlaces.some((place) => event.places.includes(place))) &&
    (filter.source === undefined || event.sources.includes(filter.source)) &&
    (filter.fromDay === undefined || event.lastDay >= filter.fromDay) &&
    (filter.toDay === undefined || event.firstDay <= filter.toDay)
  );
}

/** A Query of one list: which list, the bounds of its sort key, and a filter on what the key cannot say. */
export interface ListQuery {
  list: ListName;
  keyRange?: { low?: string; high?: string };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, AttributeValue> };
}

/**
 * The lists to query and the conditions left to filter, choosing the most selective list available. One list,
 * but for the places of a bounding box alone: one list per place, whose pages the store merges.
 */
export function planEventQuery(filter: EventFilter, maxSpanDays: number | undefined): ListQuery[] {
  const conditions: { attribute: keyof EventFacts; value: string }[] = [
    ...(filter.people ?? []).map((value) => ({ attribute: "people" as const, value })),
    ...(filter.places ?? []).map((value) => ({ attribute: "placesWithin" as const, value })),
    ...(filter.tags ?? []).map((value) => ({ attribute: "tags" as const, value })),
  ];
  const atPlaces = filter.atPlaces;
  if (atPlaces?.length === 0) return [];
  if (atPlaces && filter.source === undefined && filter.onDay === undefined && conditions.length === 0) {
    return atPlaces.map((place) => listQuery(listFor.at(place), [], [], filter, maxSpanDays));
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
  return [listQuery(list, conditions, atPlaces ?? [], filter, maxSpanDays)];
}

/** A Query of one list, with what its key cannot say as a filter: each condition, one of `anyPlace`, the dates. */
function listQuery(
  list: ListName,
  conditions: { attribute: string; value: string }[],
  anyPlace: string[],
  filter: EventFilter,
  maxSpanDays: number | undefined,
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

/** The Query's conditions on the list index, or undefined when no item can match (nothing to ask). */
export function listQueryConditions(query: ListQuery) {
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
    IndexName: listIndex.indexName,
    KeyConditionExpression: expression,
    FilterExpression: query.filter?.expression,
    ExpressionAttributeNames: { ...names, ...query.filter?.names },
    ExpressionAttributeValues: { ...values, ...query.filter?.values },
  };
}
