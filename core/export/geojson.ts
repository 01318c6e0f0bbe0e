// Events on a map: an RFC 7946 GeoJSON FeatureCollection with one Point feature per event and place with
// coordinates, for a front-end to hand to Leaflet, MapLibre or OpenLayers unchanged. Coordinates are
// [longitude, latitude] (RFC 7946 §3.1.1); properties are plain text (a map library shows them as text).
import { knownDay } from "../dates/edtf";
import { isoGregorian, labelIn } from "../dates/historical-date";
import type { Locale } from "../locale/locales";
import type { StoredEvent } from "../store/items";
import type { EventFeature, FeatureCollection } from "./export-shapes";

/** A place of an event, as named on the event's first day. */
export interface EventPlace {
  slug: string;
  name: string;
  coordinates?: { lat: number; lon: number };
}

/** A day as ISO Gregorian text, or null for an open end's stand-in. */
const isoDay = (julianDay: number) => {
  const day = knownDay(julianDay);
  return day === undefined ? null : isoGregorian(day);
};

export function eventFeatures(
  events: readonly { event: Pick<StoredEvent, "slug" | "title" | "date">; places: readonly EventPlace[] }[],
  locale: Locale,
): FeatureCollection {
  const features: EventFeature[] = [];
  for (const { event, places } of events) {
    const properties = {
      slug: event.slug,
      title: event.title,
      date: labelIn(event.date, locale),
      start: isoDay(event.date.firstDay),
      end: isoDay(event.date.lastDay),
    };
    for (const place of places) {
      if (!place.coordinates) continue;
      features.push({
        type: "Feature",
        geometry: { type: "Point", coordinates: [place.coordinates.lon, place.coordinates.lat] },
        properties: { ...properties, place: place.name, placeSlug: place.slug },
      });
    }
  }
  return { type: "FeatureCollection", features };
}
