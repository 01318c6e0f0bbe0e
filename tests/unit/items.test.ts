// The item declarations: what the sync writes is exactly the declared keys and attributes, and what the
// store reads back is exactly the declared attributes.
import { marshall } from "@aws-sdk/util-dynamodb";
import { describe, expect, it } from "vitest";
import { openEndDay, openStartDay } from "../../core/dates/edtf";
import {
  chronologicalKey,
  dayBound,
  describeKey,
  entityStateItem,
  eventItem,
  facetsItem,
  latestKey,
  membershipItem,
  personItem,
  placeItem,
  placeMembershipItem,
  revisionItem,
  searchChunkItem,
  sourceItem,
} from "../../core/store/items";
import { latestIndex, listIndex, tableKeys } from "../../core/store/table-definition";

const date = {
  calendar: "julian" as const,
  edtf: "1917-10-25",
  julian: "1917-10-25",
  gregorian: "1917-11-07",
  precision: "day" as const,
  approximate: false,
  uncertain: false,
  firstDay: 2421540,
  lastDay: 2421540,
  labels: { pl: "25 października (7 listopada) 1917", en: "25 October (7 November) 1917" },
};
const event = {
  slug: "szturm",
  title: "Szturm",
  date,
  places: ["piotrogrod"],
  placesWithin: ["piotrogrod", "rosja"],
  people: [],
  tags: ["rewolucja"],
  citations: [],
  related: [],
  notes: [],
  body: { markdown: "*a*", html: "<p><em>a</em></p>", text: "a" },
  firstDay: 2421540,
  lastDay: 2421541,
  hash: "h",
};

describe("item declarations", () => {
  it("writes an event with its key, its place in the timeline and its attributes, and nothing undeclared", () => {
    const written = eventItem.item({ ...event, extra: "not an attribute" } as typeof event);
    expect(written).toEqual({
      [tableKeys.partitionKey]: "EVENT#szturm",
      [tableKeys.sortKey]: "EVENT",
      [listIndex.partitionKey]: "TIMELINE",
      [listIndex.sortKey]: chronologicalKey(2421540, 2421541, "szturm"),
      [latestIndex.sortKey]: latestKey(2421540, 2421541, "szturm"),
      ...event,
    });
  });

  it("reads back what it wrote, typed as declared", () => {
    const read = eventItem.read(marshall(eventItem.item(event), { removeUndefinedValues: true }));
    expect(read).toMatchObject(event);
    expect(read.body.html).toBe("<p><em>a</em></p>");
  });

  it("keeps every kind of item apart by its key, as the table documents it", () => {
    const keys = [
      sourceItem.key({ slug: "pipes" }),
      membershipItem.key({ slug: "szturm", list: "TAG#rewolucja" }),
      entityStateItem.key({ kind: "source", slug: "pipes" }),
      revisionItem.key({}),
      facetsItem.key({}),
      searchChunkItem.key({ revision: "r1", number: 3 }),
      personItem.key({ slug: "wlodzimierz-lenin" }),
      placeItem.key({ slug: "smolny" }),
      placeMembershipItem.key({ slug: "smolny", list: "WITHIN#rosja" }),
    ];
    expect(keys.map((key) => `${key[tableKeys.partitionKey]} ${key[tableKeys.sortKey]}`)).toEqual([
      "SOURCE#pipes SOURCE",
      "EVENT#szturm IN#TAG#rewolucja",
      "SOURCE#pipes STATE",
      "REVISION CURRENT",
      "FACETS CURRENT",
      "SEARCH r1#0003",
      "PERSON#wlodzimierz-lenin PERSON",
      "PLACE#smolny PLACE",
      "PLACE#smolny IN#WITHIN#rosja",
    ]);
    expect(keys.map((key) => describeKey(key).item)).toEqual([
      "source",
      "membership",
      "state",
      "revision",
      "facets",
      "search chunk",
      "person",
      "place",
      "membership",
    ]);
    expect(describeKey(membershipItem.key({ slug: "szturm", list: "TAG#x" })).entity).toEqual({ kind: "event", slug: "szturm" });
  });

  it("puts a membership in its list, in chronological order, with the event's filterable facts", () => {
    const facts = { slug: "szturm", firstDay: 5, lastDay: 7, tags: ["a"], people: [], places: [], placesWithin: [], sources: ["pipes"] };
    expect(membershipItem.item(facts, { slug: "szturm", list: "CITES#pipes" })).toEqual({
      [tableKeys.partitionKey]: "EVENT#szturm",
      [tableKeys.sortKey]: "IN#CITES#pipes",
      [listIndex.partitionKey]: "CITES#pipes",
      [listIndex.sortKey]: chronologicalKey(5, 7, "szturm"),
      [latestIndex.sortKey]: latestKey(5, 7, "szturm"),
      ...facts,
    });
  });

  it("keeps a place's memberships out of the latest index: only events are ordered by latest day", () => {
    const written = placeMembershipItem.item(
      { slug: "smolny", sortName: "smolny", match: "smolny" },
      { slug: "smolny", list: "WITHIN#rosja" },
    );
    expect(written).not.toHaveProperty(latestIndex.sortKey);
  });

  it("orders the latest index by last day, then first day, then slug, across BCE and CE, open ends last", () => {
    const keys = [
      latestKey(2421527, openEndDay, "ongoing"),
      latestKey(2421000, 2421600, "b"),
      latestKey(openStartDay, 2421600, "open-start"),
      latestKey(2421500, 2421600, "a"),
      latestKey(1000, 2000, "bce"),
      latestKey(2421600, 2421600, "a"),
    ];
    expect([...keys].sort()).toEqual([
      latestKey(1000, 2000, "bce"),
      latestKey(openStartDay, 2421600, "open-start"),
      latestKey(2421000, 2421600, "b"),
      latestKey(2421500, 2421600, "a"),
      latestKey(2421600, 2421600, "a"),
      latestKey(2421527, openEndDay, "ongoing"),
    ]);
  });

  it("makes every key and bound a nine-digit day, however far past the stored days it is asked for", () => {
    expect(dayBound(-20_000_000, "low")).toBe(dayBound(openStartDay, "low"));
    expect(dayBound(40_000_000, "high")).toBe(dayBound(openEndDay, "high"));
    expect(dayBound(-20_000_000, "low")).toMatch(/^\d{9}#$/);
  });

  it("projects only the attributes asked for, and reads them typed", () => {
    const projection = membershipItem.projection(["tags", "firstDay"]);
    expect(projection.expression).toBe("#p0, #p1");
    expect(projection.names).toEqual({ "#p0": "tags", "#p1": "firstDay" });
    expect(projection.read(marshall({ tags: ["a"], firstDay: 3 }))).toEqual({ tags: ["a"], firstDay: 3 });
  });
});
