// The map export: the events a filter matches at their places, as a GeoJSON FeatureCollection.
import { eventFeatures } from "../core/export/geojson";
import { eventNamingDay, placeNameOn } from "../core/records/record-name";
import { builder } from "./builder";
import { costOf } from "./cost";
import { EventFilterInput, eventFilter } from "./event-filter";
import { GeoJSONFeatureCollection } from "./export-scalars";
import { LocaleEnum } from "./locale";
import { localizeEvent, servedLocale } from "./localize";
import { maxPageSize } from "./pagination";
import { maxTimelineEvents } from "./timeline-size";

builder.queryField("geojson", (t) =>
  t.field({
    type: GeoJSONFeatureCollection,
    extensions: costOf("geojson"),
    description: `The events a filter matches, chronologically, on a map: an RFC 7946 GeoJSON FeatureCollection with one Point feature per event and place with coordinates ([longitude, latitude]), (with a bounding box, the places in it), with properties slug, title, date (the label in both calendars), start and end (its first and last possible day as Gregorian ISO dates, null for an open end), place (its name on the event's first day) and placeSlug. At most ${maxTimelineEvents} events.`,
    args: {
      filter: t.arg({ type: EventFilterInput, description: "Which events." }),
      locale: t.arg({
        type: LocaleEnum,
        description: "Language of titles, dates and place names (default: Accept-Language, else the collection's).",
      }),
    },
    resolve: async (_root, args, context) => {
      const { store } = context;
      const filter = await eventFilter(args.filter, context);
      const events = await store.firstEvents(filter, maxTimelineEvents, maxPageSize);
      // With a box, the points in it: an event's other places may lie far outside.
      const shown = filter.atPlaces ? new Set(filter.atPlaces) : undefined;
      const { requested, defaultLocale } = await servedLocale(args.locale, context);
      const located = await Promise.all(
        events.map(async (stored) => {
          const event = localizeEvent(stored, requested, defaultLocale);
          const places = await store.places.loadMany(stored.places);
          return {
            event,
            places: places.flatMap((place) =>
              place && !(place instanceof Error) && (!shown || shown.has(place.slug))
                ? [{ ...place, name: placeNameOn(place, eventNamingDay(stored), requested) }]
                : [],
            ),
          };
        }),
      );
      return eventFeatures(located, requested ?? defaultLocale);
    },
  }),
);
