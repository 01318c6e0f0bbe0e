// The `filter` and `order` arguments of event lists, and their translation into a store filter.
import { slugify, slugPattern } from "../core/content/slug";
import { parseEdtf } from "../core/dates/edtf";
import type { Calendar } from "../core/dates/julian-day";
import type { EventBound, EventFilter } from "../core/store/event-query";
import { BoundingBoxInput, boundingBox } from "./bounding-box";
import { builder, type Context } from "./builder";
import { CalendarEnum } from "./historical-date";
import { badUserInput } from "./user-error";

const maxValues = 10;
const maxLength = 200;
/** The most places a bounding box may select for an event filter: one list is read per place. */
export const maxBoxPlaces = 25;

export const EventOrder = builder.enumType("EventOrder", {
  description:
    "The order of events in a list, by a bound of the days each could be (see HistoricalDate.earliest and .latest), across BCE and CE.",
  values: {
    CHRONOLOGICAL: {
      value: "asc",
      description: "By the earliest day each could be, then the latest, then slug; an open start (`../1918-03`) first.",
    },
    REVERSE_CHRONOLOGICAL: { value: "desc", description: "CHRONOLOGICAL reversed: the event that could begin latest first." },
    EARLIEST: { value: "earliest", description: "The same order as CHRONOLOGICAL, named for the bound it sorts by." },
    LATEST: {
      value: "latest",
      description: "By the latest day each could be, then the earliest, then slug; an open end (`1917-10-25/..`) last.",
    },
    REVERSE_LATEST: { value: "latest-desc", description: "LATEST reversed: open ends first, then the latest last day." },
  } as const,
});

/** An order argument's value. */
export type EventOrderValue = "asc" | "desc" | "earliest" | "latest" | "latest-desc";

/** What an order reads: which bound orders the list, and whether it is walked backwards. */
export function eventOrder(order: EventOrderValue | null | undefined): { bound: EventBound; reverse: boolean } {
  return {
    bound: order === "latest" || order === "latest-desc" ? "latest" : "earliest",
    reverse: order === "desc" || order === "latest-desc",
  };
}

const DateMatchEnum = builder.enumType("DateMatch", {
  description: "How an event's days must meet the range of `from` and `to`.",
  values: {
    POSSIBLY: {
      value: "possibly",
      description:
        "Some day the event could be falls in the range: its span from `earliest` to `latest` overlaps it (the gaps between the members of a one-of set are not looked at). An open end reaches every day on its side.",
    },
    CERTAINLY: {
      value: "certainly",
      description:
        'Every day the event could be falls in the range: `earliest` on or after `from`, `latest` on or before `to`. An open end is never within a bounded side; with to: "1917-10-31", [1917-10-24, 1917-11-02] is possibly but not certainly in range.',
    },
  } as const,
});

export const EventFilterInput = builder.inputType("EventFilter", {
  description: "Narrows a list of events. All given conditions must hold; within a list, every value must match.",
  fields: (t) => ({
    from: t.string({
      description:
        "Events on this day or later, as `match` says: YYYY-MM-DD (or YYYY-MM, YYYY, taken from their first day), read in `calendar`.",
    }),
    to: t.string({
      description:
        "Events on this day or earlier, as `match` says: YYYY-MM-DD (or YYYY-MM, YYYY, taken to their last day), read in `calendar`.",
    }),
    match: t.field({
      type: DateMatchEnum,
      defaultValue: "possibly",
      description: "How an event's days must meet `from`–`to`: POSSIBLY (default, they overlap) or CERTAINLY (all within).",
    }),
    calendar: t.field({
      type: CalendarEnum,
      defaultValue: "gregorian",
      description: "The calendar `from` and `to` are written in (default GREGORIAN).",
    }),
    tags: t.stringList({ description: "Events with every one of these tags." }),
    places: t.stringList({
      description: "Events at every one of these places (by slug), or at any place within them, at any depth.",
    }),
    people: t.stringList({ description: "Events naming every one of these people (by slug)." }),
    source: t.string({ description: "Events citing the source with this slug." }),
    bbox: t.field({
      type: BoundingBoxInput,
      description: `Events at a place (itself, with coordinates) inside this box; at most ${maxBoxPlaces} places may lie in it.`,
    }),
  }),
});

export type FilterArgs = typeof EventFilterInput.$inferInput;

/** A day argument (YYYY-MM-DD, YYYY-MM or YYYY, in `calendar`) as a Julian Day Number: its first or last day. */
export function dayArgument(text: string, calendar: Calendar, edge: "first" | "last", argument: string): number {
  if (text.length > 16) throw badUserInput(`${argument} is not a date`, argument);
  const parsed = parseEdtf(text, calendar);
  const point = parsed.ok && parsed.edtf.kind === "date" ? parsed.edtf.point : undefined;
  if (!parsed.ok || !point || point.uncertain || point.approximate || point.unspecified) {
    const reason = parsed.ok ? "use a single date, without qualifiers or X digits" : parsed.problem.message;
    throw badUserInput(`${argument}: ${reason}`, argument);
  }
  return edge === "first" ? parsed.extent.first : parsed.extent.last;
}

function values(list: readonly string[] | null | undefined, argument: string): string[] | undefined {
  if (!list) return undefined;
  if (list.length > maxValues) throw badUserInput(`filter.${argument} takes at most ${maxValues} values`, `filter.${argument}`);
  if (list.some((v) => v.length > maxLength))
    throw badUserInput(`filter.${argument}: values are at most ${maxLength} characters`, `filter.${argument}`);
  return list.length > 0 ? [...list] : undefined;
}

/** The store's filter for a filter argument: its values checked, its dates read, its box turned into places. */
export async function eventFilter(filter: FilterArgs | null | undefined, { store }: Context): Promise<EventFilter> {
  const result = storeFilter(filter);
  if (result.people || result.places) {
    // Where people (or places) are records, a filter names them by slug: a name would silently match nothing.
    const revision = await store.revision();
    for (const [argument, records, values] of [
      ["people", revision?.personCount, result.people],
      ["places", revision?.placeCount, result.places],
    ] as const) {
      const name = values?.find((value) => !slugPattern.test(value));
      if (records && name !== undefined) {
        throw badUserInput(
          `filter.${argument} takes slugs, not names: "${name}" is not a slug (the file name in content/${argument}/, e.g. "${slugify(name)}"; ${argument}(query:) finds one by name)`,
          `filter.${argument}`,
        );
      }
    }
  }
  if (filter?.bbox) {
    const places = await store.placesInBox(boundingBox(filter.bbox, "filter.bbox"), maxBoxPlaces);
    if (places.length > maxBoxPlaces) {
      throw badUserInput(
        `filter.bbox holds more than ${maxBoxPlaces} places: make the box smaller, or filter by a place containing them (filter.places)`,
        "filter.bbox",
      );
    }
    result.atPlaces = places;
  }
  return result;
}

function storeFilter(filter: FilterArgs | null | undefined): EventFilter {
  if (!filter) return {};
  const calendar = (filter.calendar ?? "gregorian") as Calendar;
  const result: EventFilter = {
    tags: values(filter.tags, "tags"),
    places: values(filter.places, "places"),
    people: values(filter.people, "people"),
  };
  if (filter.source != null) {
    if (filter.source.length > maxLength) throw badUserInput("filter.source is not a slug", "filter.source");
    result.source = filter.source;
  }
  if (filter.from != null) result.fromDay = dayArgument(filter.from, calendar, "first", "filter.from");
  if (filter.to != null) result.toDay = dayArgument(filter.to, calendar, "last", "filter.to");
  if (result.fromDay !== undefined && result.toDay !== undefined && result.fromDay > result.toDay) {
    // An empty range is a mistake (the two swapped), not a question whose answer is "nothing".
    throw badUserInput(`filter.from ${filter.from} is after filter.to ${filter.to}: no day lies between them`, "filter.to");
  }
  // POSSIBLY is the store's default: a filter says `certainly` only when it must.
  if (filter.match === "certainly") result.match = "certainly";
  return result;
}
