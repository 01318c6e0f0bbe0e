// Event: one happening on the timeline, with its dates in both calendars, citations and related events.

import { maxCitationsPerEvent, maxRelatedPerEvent } from "../core/content/list-limits";
import type { Locale } from "../core/locale/locales";
import type { Page } from "../core/store/content-store";
import type { EventFilter } from "../core/store/event-query";
import type { StoredEvent } from "../core/store/items";
import { builder, type Context } from "./builder";
import { listOf } from "./cost";
import { EventFilterInput, EventOrder, type EventOrderValue, eventFilter, eventOrder, type FilterArgs } from "./event-filter";
import { citationArgs, formattedCitation } from "./formatted-citation";
import { HistoricalDate } from "./historical-date";
import { LocaleEnum } from "./locale";
import { type LocalizedEvent, localizeEvent, servedLocale } from "./localize";
import { type ConnectionArgs, connection, pageRequest, totalCountField } from "./pagination";
import { Source } from "./source";

export const Event = builder.objectRef<LocalizedEvent>("Event");

const BodyFormat = builder.enumType("BodyFormat", {
  description: "How to return an event's body.",
  values: {
    MARKDOWN: { value: "markdown", description: "Markdown, as the editor wrote it." },
    HTML: { value: "html", description: "Sanitized HTML: no scripts, event handlers or javascript: URLs." },
    TEXT: { value: "text", description: "Plain text, paragraphs separated by blank lines." },
  } as const,
});

/** A citation as stored, with the language its event is served in. */
type ServedCitation = StoredEvent["citations"][number] & { locale?: Locale };

const Citation = builder.objectRef<ServedCitation>("Citation").implement({
  description: "A reference from an event to a source, with where in the source.",
  fields: (t) => ({
    source: t.field({
      type: Source,
      description: "The cited source.",
      resolve: async (citation, _args, { store }) => {
        // What the event keeps of the source, until a field asks for more (schema/source.ts).
        if (citation.cited) return { slug: citation.source, ...citation.cited, cited: true as const, locale: citation.locale };
        const source = await store.sources.load(citation.source);
        if (!source) throw new Error(`cited source ${citation.source} is not in the table`);
        return { ...source, locale: citation.locale };
      },
    }),
    locator: t.string({ nullable: true, description: 'Where in the source, e.g. "s. 12".', resolve: (c) => c.locator ?? null }),
    note: t.string({ nullable: true, description: "A remark on what the source says here.", resolve: (c) => c.note ?? null }),
    formatted: t.string({
      description:
        "The citation with its locator, formatted when the content was synced: a parenthetical citation (APA) or a full note (Chicago).",
      args: citationArgs,
      resolve: (c, args, context) => formattedCitation(c.formatted, args, context, c.locale),
    }),
  }),
});

builder.node(Event, {
  description: "Something that happened, dated in the calendar it was dated in and shown in both.",
  id: { resolve: (event) => event.slug },
  isTypeOf: (value) => typeof value === "object" && value !== null && "citations" in value,
  // node(id): served in the language of the request's Accept-Language, like any event.
  loadMany: (slugs, context) =>
    slugs.map(async (slug) => {
      const event = await context.store.events.load(slug);
      if (!event) return null;
      const { requested, defaultLocale } = await servedLocale(undefined, context);
      return localizeEvent(event, requested, defaultLocale);
    }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The event's slug: its file name in content/events/." }),
    title: t.exposeString("title", { description: "The event's title." }),
    summary: t.string({ nullable: true, description: "One or two sentences of plain text.", resolve: (e) => e.summary ?? null }),
    body: t.string({
      description: "The full description.",
      args: {
        format: t.arg({ type: BodyFormat, defaultValue: "markdown", description: "Markdown (default), sanitized HTML or plain text." }),
      },
      resolve: (e, args) => e.body[args.format ?? "markdown"],
    }),
    date: t.field({ type: HistoricalDate, description: "When it happened, in both calendars.", resolve: (e) => e.date }),
    tags: t.exposeStringList("tags", { description: "Tags for filtering." }),
    draft: t.boolean({
      description: "Whether the event is a draft: only ever true in a preview (npm start's, or a preview stage), never in published data.",
      resolve: (e) => e.draft === true,
    }),
    notes: t.exposeStringList("notes", { description: "Editor's notes, e.g. on a date corrected against a source." }),
    citations: t.field({
      type: [Citation],
      extensions: listOf(maxCitationsPerEvent),
      description: `The sources this event rests on (at most ${maxCitationsPerEvent}).`,
      resolve: (e) => e.citations.map((c) => ({ ...c, locale: e.date.locale })),
    }),
    locale: t.field({
      type: LocaleEnum,
      description: "The language this event is served in: the one asked for if it has a translation, else the collection's.",
      resolve: (e) => e.locale,
    }),
    related: t.field({
      type: [Event],
      extensions: listOf(maxRelatedPerEvent),
      description: `Events this one leads into or follows from, in the same language (at most ${maxRelatedPerEvent}).`,
      resolve: async (e, _args, context) => {
        const { requested, defaultLocale } = await servedLocale(e.locale, context);
        return (await context.store.events.loadMany(e.related))
          .filter((r): r is StoredEvent => !!r && !(r instanceof Error))
          .map((r) => localizeEvent(r, requested, defaultLocale));
      },
    }),
  }),
});

/** A page of events, each served in the language asked for. */
export async function localizedPage(
  page: Promise<Page<StoredEvent>>,
  locale: Locale | undefined,
  defaultLocale: Locale,
): Promise<Page<LocalizedEvent>> {
  const { edges, hasMore } = await page;
  return { edges: edges.map(({ cursor, node }) => ({ cursor, node: localizeEvent(node, locale, defaultLocale) })), hasMore };
}

export const EventConnection = builder.connectionObject(
  {
    type: Event,
    name: "EventConnection",
    description: "A page of events.",
    fields: totalCountField("How many events match, over all pages."),
  },
  { name: "EventEdge", description: "An event and its position in the list." },
);

builder.queryFields((t) => ({
  event: t.field({
    type: Event,
    nullable: true,
    description: "One event by its slug, or null if there is none.",
    args: {
      slug: t.arg.string({ required: true, description: "The event's slug." }),
      locale: t.arg({ type: LocaleEnum, description: "Language of the texts (default: Accept-Language, else the collection's)." }),
    },
    resolve: async (_root, { slug, locale }, context) => {
      const event = slug.length > 200 ? null : await context.store.events.load(slug);
      if (!event) return null;
      const { requested, defaultLocale } = await servedLocale(locale, context);
      return localizeEvent(event, requested, defaultLocale);
    },
  }),
  events: t.field({
    type: EventConnection,
    description: "Events on the timeline, filtered and in order; `first` 1–100 (default 20).",
    args: eventListArgs,
    resolve: (_root, args, context) => eventList(args, context),
  }),
}));

/** The arguments of every list of events: paging, filter, order and language. */
export const eventListArgs = builder.args((t) => ({
  ...t.connectionArgs(),
  filter: t.field({ type: EventFilterInput, description: "Which events." }),
  order: t.field({
    type: EventOrder,
    defaultValue: "asc",
    description: "CHRONOLOGICAL (default, the same as EARLIEST), REVERSE_CHRONOLOGICAL, LATEST or REVERSE_LATEST.",
  }),
  locale: t.field({ type: LocaleEnum, description: "Language of the texts (default: Accept-Language, else the collection's)." }),
}));

interface EventListArgs extends ConnectionArgs {
  filter?: FilterArgs | null;
  order?: EventOrderValue | null;
  locale?: Locale | null;
}

/** A page of events, as a connection; `within` narrows the filter (to a person's or a place's events). */
export async function eventList(args: EventListArgs, context: Context, within: Pick<EventFilter, "people" | "places"> = {}) {
  const filter = await eventFilter(args.filter, context);
  if (within.people) filter.people = [...within.people, ...(filter.people ?? [])];
  if (within.places) filter.places = [...within.places, ...(filter.places ?? [])];
  const { requested, defaultLocale } = await servedLocale(args.locale, context);
  const { bound, reverse } = eventOrder(args.order);
  return connection(
    pageRequest(args, reverse),
    (page) => localizedPage(context.store.listEvents(filter, page, bound), requested, defaultLocale),
    () => context.store.countEvents(filter),
  );
}
