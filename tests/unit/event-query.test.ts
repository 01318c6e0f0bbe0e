// The event-query planner and the filter predicate, without DynamoDB.
import { describe, expect, it } from "vitest";
import { openEndDay, openStartDay } from "../../core/dates/edtf";
import { type EventFacts, listQueryConditions, matchesFilter, planEventQuery } from "../../core/store/event-query";
import { dayBound } from "../../core/store/items";
import { latestIndex, listIndex } from "../../core/store/table-definition";

/** The plan of a filter that queries one list. */
const plan1 = (...args: Parameters<typeof planEventQuery>) => {
  const plans = planEventQuery(...args);
  expect(plans).toHaveLength(1);
  return plans[0];
};

describe("planning an event query", () => {
  it("reads the timeline when the filter names no tag, person, place or source", () => {
    expect(plan1({}, 10)).toEqual({ list: "TIMELINE", keyRange: {} });
  });

  it("reads a cited source's list first, and filters on the rest", () => {
    const plan = plan1({ source: "pipes", tags: ["rewolucja"], people: ["Lenin"] }, undefined);
    expect(plan.list).toBe("CITES#pipes");
    expect(plan.filter).toEqual({
      expression: "contains(#a0, :v0) AND contains(#a1, :v1)",
      names: { "#a0": "people", "#a1": "tags" },
      values: { ":v0": { S: "Lenin" }, ":v1": { S: "rewolucja" } },
    });
  });

  it("prefers a person's list to a place's, and a place's to a tag's", () => {
    expect(plan1({ tags: ["t"], places: ["p"], people: ["x"] }, 0).list).toBe("PERSON#x");
    expect(plan1({ tags: ["t"], places: ["p"] }, 0).list).toBe("PLACE#p");
    expect(plan1({ tags: ["t", "u"] }, 0)).toMatchObject({
      list: "TAG#t",
      filter: { names: { "#a0": "tags" }, values: { ":v0": { S: "u" } } },
    });
  });

  it("bounds the key range by the dates, reaching back by the longest event's span for `from`", () => {
    const plan = plan1({ fromDay: 1000, toDay: 2000 }, 30);
    expect(plan.keyRange).toEqual({ low: dayBound(970, "low"), high: dayBound(2000, "high") });
    expect(plan.filter).toEqual({ expression: "#last >= :from", names: { "#last": "lastDay" }, values: { ":from": { N: "1000" } } });
  });

  it("leaves `from` unbounded in the key when the longest span is unknown, filtering on the last day only", () => {
    const plan = plan1({ fromDay: 1000 }, undefined);
    expect(plan.keyRange).toEqual({});
    expect(plan.filter?.expression).toBe("#last >= :from");
  });

  it("with match CERTAINLY, starts the key range at `from` itself and filters on the last day for `to`", () => {
    const plan = plan1({ fromDay: 1000, toDay: 2000, match: "certainly" }, 30);
    expect(plan.keyRange).toEqual({ low: dayBound(1000, "low"), high: dayBound(2000, "high") });
    expect(plan.filter).toEqual({ expression: "#last <= :to", names: { "#last": "lastDay" }, values: { ":to": { N: "2000" } } });
  });

  it("keeps the key range's bounds nine-digit keys when an open-ended event makes the longest span huge", () => {
    const longest = openEndDay - openStartDay;
    const earliest = plan1({ fromDay: 2_421_000, toDay: 2_422_000 }, longest);
    const latest = plan1({ fromDay: 2_421_000, toDay: 2_422_000 }, longest, "latest");
    const bounds = [earliest.keyRange?.low, earliest.keyRange?.high, latest.keyRange?.low, latest.keyRange?.high];
    for (const bound of bounds) expect(bound).toMatch(/^\d{9}#~?$/);
    // Reaching back past every stored day starts at the open start's stand-in, which sorts before every event.
    expect(earliest.keyRange?.low).toBe(dayBound(openStartDay, "low"));
    expect(latest.keyRange?.high).toBe(dayBound(openEndDay, "high"));
  });

  it("orders by latest day on the second index: `from` bounds the key itself, `to` widened by the longest span and filtered", () => {
    expect(plan1({ fromDay: 1000, toDay: 2000 }, 30, "latest")).toEqual({
      list: "TIMELINE",
      sortedBy: "latest",
      keyRange: { low: dayBound(1000, "low"), high: dayBound(2030, "high") },
      filter: { expression: "#first <= :to", names: { "#first": "firstDay" }, values: { ":to": { N: "2000" } } },
    });
    // Without the longest span, `to` is the filter alone.
    expect(plan1({ toDay: 2000 }, undefined, "latest").keyRange).toEqual({});
  });

  it("with match CERTAINLY on the latest index, ends the key range at `to` and filters on the first day for `from`", () => {
    expect(plan1({ tags: ["t"], fromDay: 1000, toDay: 2000, match: "certainly" }, 30, "latest")).toEqual({
      list: "TAG#t",
      sortedBy: "latest",
      keyRange: { low: dayBound(1000, "low"), high: dayBound(2000, "high") },
      filter: { expression: "#first >= :from", names: { "#first": "firstDay" }, values: { ":from": { N: "1000" } } },
    });
  });

  it("reads every list of a bounding box on the index of the order asked for", () => {
    const plans = planEventQuery({ atPlaces: ["smolny", "kreml"] }, 0, "latest");
    expect(plans.map((p) => [p.list, p.sortedBy])).toEqual([
      ["AT#smolny", "latest"],
      ["AT#kreml", "latest"],
    ]);
  });

  it("makes the latest index's key condition from a plan in that order", () => {
    const conditions = listQueryConditions(plan1({ fromDay: 5 }, 0, "latest"));
    expect(conditions).toEqual({
      IndexName: latestIndex.indexName,
      KeyConditionExpression: "#lpk = :list AND #lsk >= :low",
      FilterExpression: undefined,
      ExpressionAttributeNames: { "#lpk": latestIndex.partitionKey, "#lsk": latestIndex.sortKey },
      ExpressionAttributeValues: { ":list": { S: "TIMELINE" }, ":low": { S: dayBound(5, "low") } },
    });
  });

  it("makes the list index's key condition from the plan", () => {
    const conditions = listQueryConditions(plan1({ tags: ["t"], toDay: 5 }, 0));
    expect(conditions).toEqual({
      IndexName: listIndex.indexName,
      KeyConditionExpression: "#lpk = :list AND #lsk <= :high",
      FilterExpression: undefined,
      ExpressionAttributeNames: { "#lpk": listIndex.partitionKey, "#lsk": listIndex.sortKey },
      ExpressionAttributeValues: { ":list": { S: "TAG#t" }, ":high": { S: dayBound(5, "high") } },
    });
  });

  it("matches a place filter against the places and every place containing them", () => {
    expect(plan1({ places: ["rosja", "piotrogrod"] }, 0)).toMatchObject({
      list: "PLACE#rosja",
      filter: { names: { "#a0": "placesWithin" }, values: { ":v0": { S: "piotrogrod" } } },
    });
  });

  it("reads one list per place of a bounding box: the events at the place itself", () => {
    const plans = planEventQuery({ atPlaces: ["smolny", "palac-zimowy"], toDay: 5 }, 0);
    expect(plans.map((p) => p.list)).toEqual(["AT#smolny", "AT#palac-zimowy"]);
    expect(plans[1]).toEqual({ list: "AT#palac-zimowy", keyRange: { high: dayBound(5, "high") } });
  });

  it("with a box and another list to read, reads that list once, for events at any of the box's places", () => {
    expect(plan1({ atPlaces: ["smolny", "kreml"], people: ["wlodzimierz-lenin"] }, 0)).toMatchObject({
      list: "PERSON#wlodzimierz-lenin",
      filter: {
        expression: "(contains(#at, :p0) OR contains(#at, :p1))",
        names: { "#at": "places" },
        values: { ":p0": { S: "smolny" }, ":p1": { S: "kreml" } },
      },
    });
  });

  it("reads nothing for a box without places", () => {
    expect(planEventQuery({ atPlaces: [], tags: ["t"] }, 0)).toEqual([]);
  });

  it("asks nothing when no item can match: a list name too long for a key, or an empty date range", () => {
    expect(listQueryConditions(plan1({ tags: ["x".repeat(3000)] }, 0))).toBeUndefined();
    expect(listQueryConditions(plan1({ fromDay: 2000, toDay: 1000 }, 0))).toBeUndefined();
  });
});

describe("the filter predicate", () => {
  const event: EventFacts = {
    tags: ["rewolucja", "szturm"],
    people: ["Lenin"],
    places: ["palac-zimowy"],
    placesWithin: ["palac-zimowy", "piotrogrod", "rosja"],
    sources: ["pipes"],
    firstDay: 100,
    lastDay: 110,
  };

  it("accepts an event when the filter names nothing", () => {
    expect(matchesFilter({}, event)).toBe(true);
  });

  it("requires every tag, person and place named, and the cited source", () => {
    expect(matchesFilter({ tags: ["rewolucja", "szturm"], people: ["Lenin"], places: ["rosja"], source: "pipes" }, event)).toBe(true);
    expect(matchesFilter({ tags: ["rewolucja", "wojna"] }, event)).toBe(false);
    expect(matchesFilter({ people: ["Trocki"] }, event)).toBe(false);
    expect(matchesFilter({ places: ["moskwa"] }, event)).toBe(false);
    expect(matchesFilter({ atPlaces: ["rosja"] }, event)).toBe(false);
    expect(matchesFilter({ atPlaces: ["kreml", "palac-zimowy"] }, event)).toBe(true);
    expect(matchesFilter({ source: "carr" }, event)).toBe(false);
  });

  it("accepts an event whose days overlap the range, at either end", () => {
    expect(matchesFilter({ fromDay: 110 }, event)).toBe(true);
    expect(matchesFilter({ toDay: 100 }, event)).toBe(true);
    expect(matchesFilter({ fromDay: 105, toDay: 106 }, event)).toBe(true);
    expect(matchesFilter({ fromDay: 111 }, event)).toBe(false);
    expect(matchesFilter({ toDay: 99 }, event)).toBe(false);
  });

  it("with match CERTAINLY, accepts only an event whose every possible day falls in the range", () => {
    const certainly = "certainly" as const;
    expect(matchesFilter({ fromDay: 100, toDay: 110, match: certainly }, event)).toBe(true);
    expect(matchesFilter({ fromDay: 101, match: certainly }, event)).toBe(false);
    expect(matchesFilter({ toDay: 109, match: certainly }, event)).toBe(false);
    expect(matchesFilter({ toDay: 109 }, event)).toBe(true);
    expect(matchesFilter({ fromDay: 90, toDay: 200, match: certainly }, event)).toBe(true);
  });

  it("never counts an open end as certainly within a closed range, though it possibly is", () => {
    const ongoing = { ...event, lastDay: openEndDay };
    const openStart = { ...event, firstDay: openStartDay };
    expect(matchesFilter({ fromDay: 0, toDay: 5_000_000, match: "certainly" }, ongoing)).toBe(false);
    expect(matchesFilter({ fromDay: 0, toDay: 5_000_000, match: "certainly" }, openStart)).toBe(false);
    expect(matchesFilter({ fromDay: 0, toDay: 5_000_000 }, ongoing)).toBe(true);
    expect(matchesFilter({ fromDay: 0, toDay: 5_000_000 }, openStart)).toBe(true);
  });

  it("treats a word that is an Object.prototype member as any other", () => {
    expect(matchesFilter({ tags: ["constructor"] }, event)).toBe(false);
    expect(matchesFilter({ tags: ["constructor"] }, { ...event, tags: ["constructor"] })).toBe(true);
  });
});
