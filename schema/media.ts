// Media: an image with its alt text, caption, credit and licence, and the renditions the sync made of it.
// The API only reads what the sync stored: it never touches an image, and its URLs name renditions that exist.

import type { Locale } from "../core/locale/locales";
import { contentTypeOf, type ImageFormat, imageFormats } from "../core/media/image-format";
import { maxMediaPerEvent } from "../core/media/media-limits";
import { chooseRendition, renditionsIn } from "../core/media/rendition-choice";
import { mediaUrl } from "../core/media/serving";
import type { StoredMedia } from "../core/store/items";
import { builder, type Context } from "./builder";
import { listOf } from "./cost";
import { Event } from "./event";
import { HistoricalDate } from "./historical-date";
import { LocaleEnum } from "./locale";
import { connection, pageRequest, totalCountField } from "./pagination";
import { recordLocale } from "./person";
import { badUserInput } from "./user-error";

/** An image as served, in a language (that of what it was reached from, if anything). */
export interface ServedMedia extends Omit<StoredMedia, "hash" | "sourceHash"> {
  kind: "media";
  locale?: Locale;
}

const served = (media: StoredMedia, locale?: Locale): ServedMedia => ({ ...media, kind: "media", locale });

/** The widest rendition Kronika makes is 2048 px; a width beyond this asks for nothing real. */
const maxWidthArgument = 10_000;

export const ImageFormatEnum = builder.enumType("ImageFormat", {
  description: "An image format a rendition is encoded in.",
  values: Object.fromEntries(
    imageFormats.map((format) => [format.toUpperCase(), { value: format, description: `${contentTypeOf[format]}.` }]),
  ) as Record<Uppercase<ImageFormat>, { value: ImageFormat; description: string }>,
});

const checkedWidth = (width: number | null | undefined) => {
  if (width == null) return undefined;
  if (width < 1 || width > maxWidthArgument) throw badUserInput(`width is 1–${maxWidthArgument}`, "width");
  return width;
};

const text = (media: ServedMedia, field: "alt" | "caption", locale: Locale | undefined) =>
  (locale ? media.translations?.[locale]?.[field] : undefined) ?? media[field] ?? null;

const localeArgs = builder.args((t) => ({
  locale: t.field({ type: LocaleEnum, description: "Language (default: the language served, else Accept-Language)." }),
}));

export const Media = builder.objectRef<ServedMedia>("Media");

builder.node(Media, {
  description: "An image, with the renditions the sync made of it (content/media/<slug>.<ext> and its sidecar).",
  id: { resolve: (media) => media.slug },
  isTypeOf: (value) => typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "media",
  loadMany: (slugs, context) =>
    slugs.map(async (slug) => {
      const media = await context.store.media.load(slug);
      return media ? served(media, context.acceptLanguage) : null;
    }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The image's slug: its file name in content/media/ without the extension." }),
    alt: t.string({
      description: "What the image shows, for readers who cannot see it: its translation if given, else the collection's.",
      args: localeArgs,
      resolve: (media, args, context) => text(media, "alt", recordLocale(args.locale, media, context)) ?? media.alt,
    }),
    caption: t.string({
      nullable: true,
      description: "The image's own caption, in a language (an event may give it another: EventMedia.caption).",
      args: localeArgs,
      resolve: (media, args, context) => text(media, "caption", recordLocale(args.locale, media, context)),
    }),
    credit: t.exposeString("credit", { description: "Who made the image, as they are to be credited." }),
    licence: t.exposeString("licence", { description: "The image's licence: an SPDX id (e.g. CC-BY-SA-4.0) or public-domain." }),
    source: t.string({ nullable: true, description: "The original's page, e.g. on Wikimedia Commons.", resolve: (m) => m.source ?? null }),
    date: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "When the image was made, in both calendars.",
      resolve: (media, _args, context) => (media.date ? { ...media.date, locale: recordLocale(null, media, context) } : null),
    }),
    width: t.exposeInt("width", { description: "The original's width in pixels, upright." }),
    height: t.exposeInt("height", { description: "The original's height in pixels, upright." }),
    format: t.field({ type: ImageFormatEnum, description: "The original's format.", resolve: (m) => m.format }),
    url: t.string({
      description: `The URL path (/media/…, on the API's origin) of the narrowest rendition at least \`width\` pixels wide (1–${maxWidthArgument}; default or none so wide: the widest), in \`format\` if the image has it (AVIF and WebP for raster images), else in its own format.`,
      args: {
        width: t.arg.int({ description: "The width the image is shown at, in device pixels." }),
        format: t.arg({ type: ImageFormatEnum, description: "The format wanted (default: the original's)." }),
      },
      resolve: (media, args) => {
        const chosen = chooseRendition(media.renditions, {
          width: checkedWidth(args.width),
          format: args.format ?? undefined,
          own: media.format,
        });
        if (!chosen) throw new Error(`media ${media.slug} has no renditions`);
        return mediaUrl(chosen.key);
      },
    }),
    srcset: t.string({
      description: "Every width of one format as an <img srcset> (`/media/… 320w, …`); the format as for `url`.",
      args: { format: t.arg({ type: ImageFormatEnum, description: "The format wanted (default: the original's)." }) },
      resolve: (media, args) =>
        renditionsIn(media.renditions, args.format ?? undefined, media.format)
          .map((r) => `${mediaUrl(r.key)} ${r.width}w`)
          .join(", "),
    }),
    placeholder: t.string({
      nullable: true,
      description:
        "A tiny blurred version of a raster image (16 px wide WebP) as a data: URI of a few hundred bytes, to show while the image loads; null for an SVG.",
      resolve: (m) => m.placeholder ?? null,
    }),
  }),
});

/** An image as an event shows it: with the caption the event gives it, if any. */
interface EventImage {
  media: ServedMedia;
  caption?: string;
}

const EventMedia = builder.objectRef<EventImage>("EventMedia").implement({
  description: "An image an event shows, with the caption the event gives it.",
  fields: (t) => ({
    media: t.field({ type: Media, description: "The image.", resolve: (e) => e.media }),
    caption: t.string({
      nullable: true,
      description: "The event's caption for the image if it gives one (in the collection's language), else the image's own.",
      args: localeArgs,
      resolve: (e, args, context) => e.caption ?? text(e.media, "caption", recordLocale(args.locale, e.media, context)),
    }),
  }),
});

/** An event's images that the table holds, in the order written. */
async function eventImages(event: { media?: { media: string; caption?: string }[]; date: { locale?: Locale } }, context: Context) {
  const written = event.media ?? [];
  const found = await context.store.media.loadMany(written.map((m) => m.media));
  return written.flatMap((m, i) => {
    const media = found[i];
    return media && !(media instanceof Error)
      ? [{ media: served(media, event.date.locale), ...(m.caption ? { caption: m.caption } : {}) }]
      : [];
  });
}

builder.objectFields(Event, (t) => ({
  media: t.field({
    type: [EventMedia],
    extensions: listOf(maxMediaPerEvent),
    description: `The images the event shows, in the order written (at most ${maxMediaPerEvent}).`,
    resolve: (event, _args, context) => eventImages(event, context),
  }),
  image: t.field({
    type: Media,
    nullable: true,
    description: "The event's image: the first of its media, or null.",
    resolve: async (event, _args, context) => (await eventImages({ ...event, media: event.media?.slice(0, 1) }, context))[0]?.media ?? null,
  }),
}));

export const MediaConnection = builder.connectionObject(
  {
    type: Media,
    name: "MediaConnection",
    description: "A page of images, by slug.",
    fields: totalCountField("How many images there are, over all pages."),
  },
  { name: "MediaEdge", description: "An image and its position in the list." },
);

builder.queryFields((t) => ({
  media: t.field({
    type: Media,
    nullable: true,
    description: "One image by slug, or null if there is none.",
    args: { slug: t.arg.string({ required: true, description: "The image's slug." }) },
    resolve: async (_root, { slug }, context) => {
      const media = slug.length > 200 ? null : await context.store.media.load(slug);
      return media ? served(media, context.acceptLanguage) : null;
    },
  }),
  mediaList: t.field({
    type: MediaConnection,
    description: "Every image, by slug; `first` 1–100 (default 20).",
    args: { ...t.arg.connectionArgs() },
    resolve: (_root, args, context) =>
      connection(
        pageRequest(args),
        async (page) => {
          const found = await context.store.listMedia(page);
          return { ...found, edges: found.edges.map((edge) => ({ ...edge, node: served(edge.node, context.acceptLanguage) })) };
        },
        () => context.store.countMedia(),
      ),
  }),
}));
