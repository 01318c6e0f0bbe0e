// Place: where events happened, named as it was at the time, with coordinates, the places around it and
// within it, and its events.
import type { HistoricalName } from "../core/content/collection";
import { maxPlacesPerEvent } from "../core/content/list-limits";
import type { Calendar } from "../core/dates/julian-day";
import type { Locale } from "../core/locale/locales";
import { eventNamingDay, nameIn, placeNameOn } from "../core/records/record-name";
import type { StoredPlace } from "../core/store/items";
import { BoundingBoxInput, boundingBox } from "./bounding-box";
import { builder } from "./builder";
import { listOf } from "./cost";
import { Event, EventConnection, eventList, eventListArgs } from "./event";
import { dayArgument } from "./event-filter";
import { CalendarEnum, HistoricalDate } from "./historical-date";
import { LocaleEnum } from "./locale";
import { connection, pageRequest, totalCountField } from "./pagination";
import { nameMatch, nameQueryArgs, recordLocale } from "./person";
import { badUserInput } from "./user-error";

/**
 * A place as served: the stored record (or just a name, in a collection without place records), in a
 * language and, when reached through an event, on the event's first day.
 */
export interface ServedPlace extends Omit<StoredPlace, "hash" | "sortName" | "match"> {
  kind: "place";
  /** The day it is named on, a Julian Day Number. */
  at?: number;
  locale?: Locale;
}

export const servedPlace = (place: StoredPlace, locale?: Locale, at?: number): ServedPlace => ({ ...place, kind: "place", locale, at });

/** A place an event names without a record: in a collection that keeps none, its name is all there is. */
const namedOnly = (name: string, locale?: Locale): ServedPlace => ({
  kind: "place",
  slug: name,
  name,
  names: {},
  historicalNames: [],
  aliases: [],
  ancestors: [],
  contains: [],
  locale,
});

const maxSlugLength = 200;
/** The most places `contains` serves. */
const maxContainsServed = 50;

const Coordinates = builder.objectRef<{ lat: number; lon: number }>("Coordinates").implement({
  description: "A point in WGS 84 decimal degrees.",
  fields: (t) => ({
    lat: t.exposeFloat("lat", { description: "Latitude, -90 (south) to 90 (north)." }),
    lon: t.exposeFloat("lon", { description: "Longitude, -180 (west) to 180 (east)." }),
  }),
});

const PlaceName = builder.objectRef<HistoricalName & { locale?: Locale }>("PlaceName").implement({
  description: "A name a place had for a period; a missing bound is open. Bounds are inclusive.",
  fields: (t) => ({
    name: t.string({
      description: "The name in a language: its translation if given, else the collection's.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Language (default: the language served)." }) },
      resolve: (name, args, context) => nameIn(name, recordLocale(args.locale, name, context)),
    }),
    from: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "The first day of the name, in both calendars.",
      resolve: (n) => (n.from ? { ...n.from, locale: n.locale } : null),
    }),
    until: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "The last day of the name, in both calendars.",
      resolve: (n) => (n.until ? { ...n.until, locale: n.locale } : null),
    }),
  }),
});

export const Place = builder.objectRef<ServedPlace>("Place");

builder.node(Place, {
  description: "A place events happened at, with its names through time. Events refer to it by slug.",
  id: { resolve: (place) => place.slug },
  isTypeOf: (value) => typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "place",
  loadMany: (slugs, context) =>
    slugs.map(async (slug) => {
      const place = await context.store.places.load(slug);
      return place ? servedPlace(place, context.acceptLanguage) : null;
    }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The place's slug: the file name in content/places/." }),
    name: t.string({
      description:
        "The place's name on a day: the historical name in use then, else its name. Without `at`, a place reached through an event is named as on the event's first day, any other by its name.",
      args: {
        at: t.arg.string({ description: "The day: YYYY-MM-DD (or YYYY-MM, YYYY: its first day), read in `calendar`." }),
        calendar: t.arg({
          type: CalendarEnum,
          defaultValue: "gregorian",
          description: "The calendar `at` is written in (default GREGORIAN).",
        }),
        locale: t.arg({ type: LocaleEnum, description: "Language (default: the language served, else Accept-Language)." }),
      },
      resolve: (place, args, context) => {
        const day = args.at == null ? place.at : dayArgument(args.at, (args.calendar ?? "gregorian") as Calendar, "first", "at");
        return placeNameOn(place, day, recordLocale(args.locale, place, context));
      },
    }),
    historicalNames: t.field({
      type: [PlaceName],
      description: "The place's names through time, earliest first.",
      resolve: (place, _args, context) => place.historicalNames.map((name) => ({ ...name, locale: recordLocale(null, place, context) })),
    }),
    aliases: t.exposeStringList("aliases", { description: "Other spellings events may use." }),
    coordinates: t.field({
      type: Coordinates,
      nullable: true,
      description: "Where it is (a representative point).",
      resolve: (place) => place.coordinates ?? null,
    }),
    within: t.field({
      type: Place,
      nullable: true,
      description: "The place containing it.",
      resolve: async (place, _args, { store }) => {
        const parent = place.within ? await store.places.load(place.within) : null;
        return parent ? servedPlace(parent, place.locale, place.at) : null;
      },
    }),
    contains: t.field({
      type: [Place],
      extensions: listOf(maxContainsServed),
      description: `The places directly within it, by name: the first ${maxContainsServed} (every place within it, at any depth, is in \`places(within:)\`).`,
      // The content does not bound how many places one contains; the query cost counts this list at its bound.
      resolve: async (place, _args, { store }) =>
        (await store.places.loadMany(place.contains.slice(0, maxContainsServed))).flatMap((child) =>
          child && !(child instanceof Error) ? [servedPlace(child, place.locale, place.at)] : [],
        ),
    }),
    description: t.string({ nullable: true, description: "What the place is, in plain text.", resolve: (p) => p.description ?? null }),
    wikidata: t.string({ nullable: true, description: "The Wikidata item, e.g. Q656.", resolve: (p) => p.wikidata ?? null }),
    events: t.field({
      type: EventConnection,
      description: "The events at this place or at any place within it, filtered and in order; `first` 1–100 (default 20).",
      args: eventListArgs,
      resolve: (place, args, context) => eventList(args, context, { places: [place.slug] }),
    }),
  }),
});

export const PlaceConnection = builder.connectionObject(
  {
    type: Place,
    name: "PlaceConnection",
    description: "A page of places, by name in the collection's alphabet.",
    fields: totalCountField("How many places match, over all pages."),
  },
  { name: "PlaceEdge", description: "A place and its position in the list." },
);

builder.objectField(Event, "places", (t) =>
  t.field({
    type: [Place],
    extensions: listOf(maxPlacesPerEvent),
    description: `The places the event names, in the order written, each named as on the event's first day (at most ${maxPlacesPerEvent}).`,
    resolve: async (event, _args, { store }) => {
      const locale = event.date.locale;
      const found = await store.places.loadMany(event.places);
      return found.map((place, i) =>
        place && !(place instanceof Error) ? servedPlace(place, locale, eventNamingDay(event)) : namedOnly(event.places[i], locale),
      );
    },
  }),
);

builder.queryFields((t) => ({
  place: t.field({
    type: Place,
    nullable: true,
    description: "One place by slug, or null if there is none.",
    args: { slug: t.arg.string({ required: true, description: "The place's slug." }) },
    resolve: async (_root, { slug }, context) => {
      const place = slug.length > maxSlugLength ? null : await context.store.places.load(slug);
      return place ? servedPlace(place, context.acceptLanguage) : null;
    },
  }),
  places: t.field({
    type: PlaceConnection,
    description: "Places by name (Polish alphabet for a Polish collection: Ł after L); `first` 1–100 (default 20).",
    args: {
      ...t.arg.connectionArgs(),
      within: t.arg.string({ description: "Only places within the place with this slug, at any depth." }),
      bbox: t.arg({ type: BoundingBoxInput, description: "Only places with coordinates inside this box." }),
      ...nameQueryArgs,
    },
    resolve: (_root, args, context) => {
      if (args.within != null && args.within.length > maxSlugLength) throw badUserInput("within is not a slug", "within");
      const match = nameMatch(args.query);
      const options = {
        ...(args.within != null ? { within: args.within } : {}),
        ...(args.bbox ? { box: boundingBox(args.bbox, "bbox") } : {}),
        ...(match ? { match } : {}),
      };
      return connection(
        pageRequest(args),
        async (page) => {
          const found = await context.store.listPlaces(options, page);
          return { ...found, edges: found.edges.map((edge) => ({ ...edge, node: servedPlace(edge.node, context.acceptLanguage) })) };
        },
        () => context.store.countPlaces(options),
      );
    },
  }),
}));
