// Facets: counts for filter chips and a histogram, for the current filter.
import type { FacetCount, Facets as FacetsShape, YearCount } from "../core/store/facets";
import { builder } from "./builder";
import { costOf } from "./cost";
import { EventFilterInput, storeFilter } from "./event-filter";

const FacetCountType = builder.objectRef<FacetCount>("FacetCount").implement({
  description: "A value and how many matching events name it.",
  fields: (t) => ({
    value: t.exposeString("value", { description: "The tag, person or place." }),
    count: t.exposeInt("count", { description: "How many matching events name it." }),
  }),
});

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
    tags: t.field({ type: [FacetCountType], description: "Tags, most used first.", resolve: (f) => f.tags }),
    people: t.field({ type: [FacetCountType], description: "People, most named first.", resolve: (f) => f.people }),
    places: t.field({ type: [FacetCountType], description: "Places, most named first.", resolve: (f) => f.places }),
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
    resolve: (_root, args, { store }) => store.facets(storeFilter(args.filter)),
  }),
);
