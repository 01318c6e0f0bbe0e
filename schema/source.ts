// Source: a work cited by events, kept as a CSL-JSON item.
import type { Locale } from "../core/locale/locales";
import type { CitedSource, StoredSource } from "../core/store/items";
import { builder, type Context } from "./builder";
import { EventConnection, localizedPage } from "./event";
import { citationArgs, formattedCitation } from "./formatted-citation";
import { HistoricalDate } from "./historical-date";
import { servedLocale } from "./localize";
import { connection, pageRequest, totalCountField } from "./pagination";

/** What an event keeps of a source it cites (core/store/items.ts CitedSource), served as the source. */
type CitedSourceServed = CitedSource & { slug: string; cited: true };

/**
 * A source as stored, or as its citing event keeps it until a field asks for more, with the language of the
 * event it was reached from, if any.
 */
type ServedSource = (StoredSource | CitedSourceServed) & { locale?: Locale };

export const Source = builder.objectRef<ServedSource>("Source");

/** The source as stored: read (in one batch with the page's other sources) when the event kept only a summary. */
async function stored(source: ServedSource, { store }: Context): Promise<StoredSource & { locale?: Locale }> {
  if (!("cited" in source)) return source;
  const read = await store.sources.load(source.slug);
  if (!read) throw new Error(`cited source ${source.slug} is not in the table`);
  return { ...read, locale: source.locale };
}

builder.scalarType("JSON", {
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
});

type CslName = { family?: string; given?: string; literal?: string };
const nameOf = (n: CslName) => n.literal ?? [n.given, n.family].filter(Boolean).join(" ");
const cslText = (s: StoredSource, key: string) => {
  const value = s.csl[key];
  return value === undefined || value === null ? null : String(value);
};

builder.node(Source, {
  description: "A source events cite: a book, an article, a document. Its fields follow CSL-JSON.",
  id: { resolve: (source) => source.slug },
  isTypeOf: (value) => typeof value === "object" && value !== null && ("csl" in value || "cited" in value),
  loadMany: (slugs, { store }) => slugs.map((slug) => store.sources.load(slug)),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The source's slug: its file name in content/sources/." }),
    type: t.exposeString("type", { description: "The CSL item type, e.g. book, article, legislation." }),
    title: t.exposeString("title", { description: "The work's title." }),
    authors: t.stringList({
      description: 'Authors\' names as "Given Family".',
      resolve: async (source, _args, context) => (((await stored(source, context)).csl.author as CslName[] | undefined) ?? []).map(nameOf),
    }),
    issued: t.string({
      nullable: true,
      description: "When the work was issued, as in CSL (e.g. 1990 or 1990-05).",
      resolve: async (source, _args, context) => {
        const parts = (await stored(source, context)).csl.issued as { "date-parts"?: (number | string)[][]; literal?: string } | undefined;
        if (!parts) return null;
        return (
          parts.literal ?? parts["date-parts"]?.[0]?.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, "0"))).join("-") ?? null
        );
      },
    }),
    publisher: t.string({
      nullable: true,
      description: "The publisher.",
      resolve: async (s, _args, context) => cslText(await stored(s, context), "publisher"),
    }),
    url: t.string({
      nullable: true,
      description: "Where the work can be read online.",
      resolve: async (s, _args, context) => cslText(await stored(s, context), "URL"),
    }),
    language: t.string({
      nullable: true,
      description: "The work's language (e.g. pl, en).",
      resolve: async (s, _args, context) => cslText(await stored(s, context), "language"),
    }),
    date: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "For a dated document (e.g. a decree): its date in both calendars.",
      resolve: async (s, _args, context) => (await stored(s, context)).date ?? null,
    }),
    csl: t.field({
      type: "JSON",
      description: "The whole CSL-JSON item, with `id` set to the slug (and, for a dated document, `issued` from its date).",
      resolve: async (s, _args, context) => (await stored(s, context)).csl,
    }),
    citation: t.string({
      description: "The source as a reference-list (APA) or bibliography (Chicago) entry, formatted when the content was synced.",
      args: citationArgs,
      resolve: async (s, args, context) => formattedCitation((await stored(s, context)).formatted, args, context, s.locale),
    }),
    events: t.field({
      type: EventConnection,
      description: "Events citing this source, chronologically; `first` 1–100 (default 20).",
      args: { ...t.arg.connectionArgs() },
      resolve: async (s, args, context) => {
        const filter = { source: s.slug };
        const { requested, defaultLocale } = await servedLocale(undefined, context);
        return connection(
          pageRequest(args),
          (page) => localizedPage(context.store.listEvents(filter, page), requested, defaultLocale),
          () => context.store.countEvents(filter),
        );
      },
    }),
  }),
});

const SourceConnection = builder.connectionObject(
  {
    type: Source,
    name: "SourceConnection",
    description: "A page of sources.",
    fields: totalCountField("How many sources there are, over all pages."),
  },
  { name: "SourceEdge", description: "A source and its position in the list." },
);

builder.queryFields((t) => ({
  source: t.field({
    type: Source,
    nullable: true,
    description: "One source by its slug, or null if there is none.",
    args: { slug: t.arg.string({ required: true, description: "The source's slug." }) },
    resolve: (_root, { slug }, { store }) => (slug.length > 200 ? null : store.sources.load(slug)),
  }),
  sources: t.field({
    type: SourceConnection,
    description: "All sources, by slug; `first` 1–100 (default 20).",
    args: { ...t.arg.connectionArgs() },
    resolve: (_root, args, { store }) =>
      connection(
        pageRequest(args),
        (page) => store.listSources(page),
        () => store.countSources(),
      ),
  }),
}));
