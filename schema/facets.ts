// Facets: counts for filter chips and a histogram, for the current filter.
import type { Locale } from "../core/locale/locales";
import { nameIn } from "../core/records/record-name";
import type { FacetCount, Facets as FacetsShape, YearCount } from "../core/store/facets";
import { builder } from "./builder";
import { costOf } from "./cost";
import { EventFilterInput, eventFilter } from "./event-filter";
import { LocaleEnum } from "./locale";

/** A count of a tag, or of a person or place (its value is the slug), as served. */
type ServedCount = FacetCount & { kind: "tag" | "person" | "place" };

const FacetCountType = builder.objectRef<ServedCount>("FacetCount").implement({
  description: "A value and how many matching events name it.",
  fields: (t) => ({
    value: t.exposeString("value", { description: "The tag, or the slug of the person or place." }),
    name: t.string({
      description: "What to show: the tag, or the person's or place's name in a language.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Language of the name (default: Accept-Language, else the collection's)." }) },
      resolve: async ({ kind, value }, args, { store, acceptLanguage }) => {
        if (kind === "tag") return value;
        const record = await (kind === "person" ? store.people : store.places).load(value);
        return record ? nameIn(record, (args.locale ?? acceptLanguage) as Locale | undefined) : value;
      },
    }),
    count: t.exposeInt("count", { description: "How many matching events name it." }),
  }),
});

const withKind = (counts: FacetCount[], kind: ServedCount["kind"]): ServedCount[] => counts.map((count) => ({ ...count, kind }));

const YearCountType = builder.objectRef<YearCount>("YearCount").implement({
  description: "A year (or the first year of a decade) and how many matching events start in it.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "Gregorian, astronomical numbering (0 is 1 BCE)." }),
    count: t.exposeInt("count", { description: "How many matching events start in it." }),
  }),
});

const FacetsType = builder.objectRef<FacetsShape>("Facets").implement({
  description: "Counts over the events a filter matches: tags, people and places most named first; years and decades in order.",
  fields: (t) => ({
    eventCount: t.exposeInt("eventCount", { description: "How many events match." }),
    tags: t.field({ type: [FacetCountType], description: "Tags, most used first.", resolve: (f) => withKind(f.tags, "tag") }),
    people: t.field({
      type: [FacetCountType],
      description: "People, most named first.",
      resolve: (f) => withKind(f.people, "person"),
    }),
    places: t.field({
      type: [FacetCountType],
      description: "Places the events name (not the places containing them), most named first.",
      resolve: (f) => withKind(f.places, "place"),
    }),
    years: t.field({ type: [YearCountType], description: "Events per year of their first day (Gregorian).", resolve: (f) => f.years }),
    decades: t.field({ type: [YearCountType], description: "Events per decade (the decade's first year).", resolve: (f) => f.decades }),
  }),
});

builder.queryField("facets", (t) =>
  t.field({
    type: FacetsType,
    extensions: costOf("facets"),
    description:
      "Counts of tags, people, places, years and decades over the events a filter matches: for filter chips and a histogram. Without a filter they come precomputed from the sync.",
    args: { filter: t.arg({ type: EventFilterInput, description: "Which events; the same filter as `events`." }) },
    resolve: async (_root, args, context) => context.store.facets(await eventFilter(args.filter, context)),
  }),
);
