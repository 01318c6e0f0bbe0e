// The timeline export: the events a filter matches, in TimelineJS3's JSON format.

import { timelineData } from "../core/export/timelinejs";
import { builder } from "./builder";
import { costOf } from "./cost";
import { EventFilterInput, eventFilter } from "./event-filter";
import { TimelineJSData } from "./export-scalars";
import { LocaleEnum } from "./locale";
import { localizeEvent, servedLocale } from "./localize";
import { maxPageSize } from "./pagination";
import { maxTimelineEvents } from "./timeline-size";

builder.queryField("timeline", (t) =>
  t.field({
    type: TimelineJSData,
    extensions: costOf("timeline"),
    description: `The events a filter matches, chronologically, as TimelineJS3 data ({ events: [slide] }) to hand to TimelineJS unchanged: Gregorian start_date/end_date, display_date in both calendars, the title as headline, the body's sanitized HTML as text, the first tag as group, the slug as unique_id, the first image as media (url, thumbnail, caption, credit with licence, alt; URL paths under /media/ on this origin). TimelineJS renders headline, display_date and group as HTML, so they come HTML-escaped. At most ${maxTimelineEvents} events.`,
    args: {
      filter: t.arg({ type: EventFilterInput, description: "Which events." }),
      locale: t.arg({
        type: LocaleEnum,
        description: "Language of the texts and display_date (default: Accept-Language, else the collection's).",
      }),
    },
    resolve: async (_root, args, context) => {
      const events = await context.store.firstEvents(await eventFilter(args.filter, context), maxTimelineEvents, maxPageSize);
      const { requested, defaultLocale } = await servedLocale(args.locale, context);
      const localized = events.map((event) => localizeEvent(event, requested, defaultLocale));
      // Each event's first image, read in one batch.
      const slugs = [...new Set(events.flatMap((event) => event.media?.slice(0, 1).map((m) => m.media) ?? []))];
      const found = await context.store.media.loadMany(slugs);
      const images = new Map(slugs.flatMap((slug, i) => (found[i] && !(found[i] instanceof Error) ? [[slug, found[i]] as const] : [])));
      return timelineData(localized, requested ?? defaultLocale, images);
    },
  }),
);
