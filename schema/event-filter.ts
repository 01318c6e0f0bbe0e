// The `filter` and `order` arguments of event lists, and their translation into a store filter.
import { parseEdtf } from "../core/dates/edtf";
import type { Calendar } from "../core/dates/julian-day";
import type { EventFilter } from "../core/store/event-query";
import { builder } from "./builder";
import { CalendarEnum } from "./historical-date";
import { badUserInput } from "./user-error";

const maxValues = 10;
const maxLength = 200;

export const EventOrder = builder.enumType("EventOrder", {
  description: "The order of events in a list.",
  values: {
    CHRONOLOGICAL: { value: "asc", description: "Earliest first (by first day, then last day, then slug), across BCE and CE." },
    REVERSE_CHRONOLOGICAL: { value: "desc", description: "Latest first." },
  } as const,
});

export const EventFilterInput = builder.inputType("EventFilter", {
  description: "Narrows a list of events. All given conditions must hold; within a list, every value must match.",
  fields: (t) => ({
    from: t.string({
      description: "Events overlapping this day or later: YYYY-MM-DD (or YYYY-MM, YYYY, taken from their first day), read in `calendar`.",
    }),
    to: t.string({
      description: "Events overlapping this day or earlier: YYYY-MM-DD (or YYYY-MM, YYYY, taken to their last day), read in `calendar`.",
    }),
    calendar: t.field({
      type: CalendarEnum,
      defaultValue: "gregorian",
      description: "The calendar `from` and `to` are written in (default GREGORIAN).",
    }),
    tags: t.stringList({ description: "Events with every one of these tags." }),
    places: t.stringList({ description: "Events naming every one of these places." }),
    people: t.stringList({ description: "Events naming every one of these people." }),
    source: t.string({ description: "Events citing the source with this slug." }),
  }),
});

type FilterArgs = typeof EventFilterInput.$inferInput;

function day(text: string, calendar: Calendar, edge: "first" | "last", argument: string): number {
  if (text.length > 16) throw badUserInput(`filter.${argument} is not a date`, `filter.${argument}`);
  const parsed = parseEdtf(text, calendar);
  if (!parsed.ok || parsed.edtf.end || parsed.edtf.start.uncertain || parsed.edtf.start.approximate) {
    const reason = parsed.ok ? "use a single date, without qualifiers" : parsed.problem.message;
    throw badUserInput(`filter.${argument}: ${reason}`, `filter.${argument}`);
  }
  return edge === "first" ? parsed.span.first : parsed.span.last;
}

function values(list: readonly string[] | null | undefined, argument: string): string[] | undefined {
  if (!list) return undefined;
  if (list.length > maxValues) throw badUserInput(`filter.${argument} takes at most ${maxValues} values`, `filter.${argument}`);
  if (list.some((v) => v.length > maxLength))
    throw badUserInput(`filter.${argument}: values are at most ${maxLength} characters`, `filter.${argument}`);
  return list.length > 0 ? [...list] : undefined;
}

export function storeFilter(filter: FilterArgs | null | undefined): EventFilter {
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
  if (filter.from != null) result.fromDay = day(filter.from, calendar, "first", "from");
  if (filter.to != null) result.toDay = day(filter.to, calendar, "last", "to");
  return result;
}
