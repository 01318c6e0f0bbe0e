// The exports' shapes, declared once: the TypeScript types the exporters build (imported as types only, so the
// GraphQL bundle carries no zod) and the JSON Schemas published under schema/exports/ for front-ends' code
// generators, which see the GraphQL fields as custom scalars.
import { z } from "zod";
import { exportFormats } from "./export-formats";

/** A day in TimelineJS3's JSON format: a Gregorian date with an astronomical year, to the precision known. */
const timelineDate = z.strictObject({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
});

const timelineSlide = z.strictObject({
  start_date: timelineDate.describe("The first day it could be (for an open start, its known end)."),
  end_date: timelineDate.optional().describe("The last day it could be; absent for one day or an open end."),
  display_date: z.string().describe("The date's label in both calendars, HTML-escaped."),
  text: z.strictObject({
    headline: z.string().describe("The title, HTML-escaped."),
    text: z.string().describe("The body as sanitized HTML."),
  }),
  group: z.string().optional().describe("The event's first tag, HTML-escaped."),
  unique_id: z.string().describe("The event's slug."),
  media: z
    .strictObject({
      url: z.string().describe("The image's 1280 px rendition (or its widest) in its own format: a path under /media/."),
      thumbnail: z.string().describe("Its 320 px rendition (or its narrowest)."),
      caption: z.string().describe("The event's caption for it, else the image's own, HTML-escaped."),
      credit: z.string().describe("Who made it and its licence, HTML-escaped."),
      alt: z.string().describe("Its alt text, HTML-escaped."),
    })
    .optional()
    .describe("The event's first image, if it shows one."),
});

export const timelineDataSchema = z
  .strictObject({ events: z.array(timelineSlide) })
  .describe("The events as TimelineJS3 data, to hand to TimelineJS unchanged (its JSON format, events only).");

const eventFeature = z.strictObject({
  type: z.literal("Feature"),
  geometry: z.strictObject({
    type: z.literal("Point"),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).describe("[longitude, latitude] (RFC 7946 §3.1.1)."),
  }),
  properties: z.strictObject({
    slug: z.string().describe("The event's slug."),
    title: z.string(),
    date: z.string().describe("The date's label in both calendars."),
    start: z.string().nullable().describe("The first day it could be, ISO Gregorian; null for an open start."),
    end: z.string().nullable().describe("The last day it could be, ISO Gregorian; null for an open end."),
    place: z.string().describe("The place's name on the event's first day."),
    placeSlug: z.string(),
  }),
});

export const featureCollectionSchema = z
  .strictObject({ type: z.literal("FeatureCollection"), features: z.array(eventFeature) })
  .describe("The events at their places as an RFC 7946 GeoJSON FeatureCollection: one Point feature per event and place.");

export type TimelineDate = z.infer<typeof timelineDate>;
export type TimelineSlide = z.infer<typeof timelineSlide>;
export type TimelineData = z.infer<typeof timelineDataSchema>;
export type EventFeature = z.infer<typeof eventFeature>;
export type FeatureCollection = z.infer<typeof featureCollectionSchema>;

/** Each export's JSON Schema, as published under schema/exports/. */
export const exportJsonSchemas = () =>
  [
    { ...exportFormats.timeline, schema: timelineDataSchema },
    { ...exportFormats.geojson, schema: featureCollectionSchema },
  ].map(({ file, title, schema }) => ({
    file,
    schema: { ...(z.toJSONSchema(schema, { io: "output" }) as Record<string, unknown>), title },
  }));
