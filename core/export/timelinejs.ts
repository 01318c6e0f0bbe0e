// Events as TimelineJS3 data (its JSON format: events of slides with start_date/end_date, text,
// display_date, group, unique_id), so a front-end hands the result to TimelineJS unchanged.
// Dates are Gregorian with astronomical years, as TimelineJS reads them into JavaScript dates;
// display_date shows both calendars. TimelineJS puts headline, display_date and group into the page as HTML,
// so those plain texts are HTML-escaped here; text.text is the body's sanitized HTML.
import { knownDay } from "../dates/edtf";
import { labelIn } from "../dates/historical-date";
import { fromJulianDay } from "../dates/julian-day";
import { escapeHtml } from "../html/escape-html";
import type { Locale } from "../locale/locales";
import { chooseRendition } from "../media/rendition-choice";
import { mediaUrl } from "../media/serving";
import type { StoredEvent, StoredMedia } from "../store/items";
import type { TimelineData, TimelineDate, TimelineSlide } from "./export-shapes";

/** The width TimelineJS shows a slide's image at, at most, and that of its thumbnail in the time navigation. */
const slideWidth = 1280;
const thumbnailWidth = 320;

/** An event's first image as a slide's media: a rendition in the original's format, which every browser shows. */
export function timelineMedia(media: StoredMedia, caption: string | undefined, locale: Locale): TimelineSlide["media"] {
  const url = (width: number) => mediaUrl(chooseRendition(media.renditions, { width, own: media.format })?.key ?? "");
  const translated = media.translations?.[locale];
  return {
    url: url(slideWidth),
    thumbnail: url(thumbnailWidth),
    caption: escapeHtml(caption ?? translated?.caption ?? media.caption ?? ""),
    credit: escapeHtml(`${media.credit} (${media.licence})`),
    alt: escapeHtml(translated?.alt ?? media.alt),
  };
}

/** A day, to the precision the event is known in the Gregorian calendar. */
function timelineDate(julianDay: number, precision: "year" | "month" | "day"): TimelineDate {
  const { year, month, day } = fromJulianDay("gregorian", julianDay);
  if (precision === "year") return { year };
  if (precision === "month") return { year, month };
  return { year, month, day };
}

export function timelineSlide(event: StoredEvent, locale: Locale, images?: ReadonlyMap<string, StoredMedia>): TimelineSlide {
  // A Julian date converts to exact Gregorian days; a Gregorian one keeps the precision it was written with.
  const precision = event.date.calendar === "julian" ? "day" : event.date.precision;
  const first = knownDay(event.date.firstDay);
  const last = knownDay(event.date.lastDay);
  // TimelineJS needs a start_date: a date with an open start (../1918-03, [..1917-10]) stands on its known end,
  // and its display_date says "until" / "or earlier". A date with an open end (1917-10-25/..) has no end_date.
  const slide: TimelineSlide = {
    start_date: timelineDate((first ?? last) as number, precision),
    display_date: escapeHtml(labelIn(event.date, locale)),
    text: { headline: escapeHtml(event.title), text: event.body.html },
    unique_id: event.slug,
  };
  const end = first !== undefined && last !== undefined ? timelineDate(last, precision) : undefined;
  if (end && JSON.stringify(end) !== JSON.stringify(slide.start_date)) slide.end_date = end;
  if (event.tags.length > 0) slide.group = escapeHtml(event.tags[0]);
  const image = event.media?.[0];
  const media = image && images?.get(image.media);
  if (image && media) slide.media = timelineMedia(media, image.caption, locale);
  return slide;
}

export function timelineData(events: StoredEvent[], locale: Locale, images?: ReadonlyMap<string, StoredMedia>): TimelineData {
  return { events: events.map((event) => timelineSlide(event, locale, images)) };
}
