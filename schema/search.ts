// Full-text search over titles, summaries, bodies, people, places and tags, in Polish and English, ranked,
// with a highlighted snippet per hit. The index is built at sync time; a query ranks it in memory.

import { snippet } from "../core/search/snippet";
import { builder } from "./builder";
import { costOf } from "./cost";
import { Event } from "./event";
import { EventFilterInput, eventFilter } from "./event-filter";
import { LocaleEnum } from "./locale";
import { type LocalizedEvent, localizeEvent, servedLocale } from "./localize";
import { connection, defaultPageSize, maxPageSize, totalCountField } from "./pagination";
import { badUserInput } from "./user-error";

const maxQueryLength = 200;

interface SearchEdgeShape {
  cursor: string;
  node: LocalizedEvent;
  score: number;
  snippet: string;
}

const SearchConnection = builder.connectionObject(
  {
    type: Event,
    name: "SearchConnection",
    description: "Events matching a search, best first.",
    fields: totalCountField("How many events match, over all pages."),
  },
  {
    name: "SearchEdge",
    description: "A matching event, its rank and where it matches.",
    fields: (t) => ({
      score: t.float({
        description: "Relevance: higher is better (title hits weigh most, rare words more than common ones).",
        resolve: (edge) => (edge as unknown as SearchEdgeShape).score,
      }),
      snippet: t.string({
        extensions: costOf("snippet"),
        description: "A short piece of the text around the first match, HTML-escaped, the matching words in <mark>.",
        resolve: (edge) => (edge as unknown as SearchEdgeShape).snippet,
      }),
    }),
  },
);

const offsetCursor = (offset: number) => Buffer.from(`search:${offset}`).toString("base64url");
function offsetOf(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^search:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badUserInput(`invalid cursor "${cursor.slice(0, 80)}": pass a cursor returned by this search`, "after");
  return Number(match[1]) + 1;
}

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnection,
    extensions: costOf("search"),
    description:
      "Events matching words, in Polish or English: case and diacritics do not matter (ł is l), and inflected forms match (Pałacu Zimowego finds Pałac Zimowy). Every word must match; `filter` narrows further. `first` 1–100 (default 20).",
    args: {
      query: t.arg.string({ required: true, description: "The words to find." }),
      first: t.arg.int({ description: "How many results: 1–100, default 20." }),
      after: t.arg.string({ description: "Start after the result with this cursor." }),
      filter: t.arg({ type: EventFilterInput, description: "Which events, as for `events`." }),
      locale: t.arg({
        type: LocaleEnum,
        description: "Language of the texts and snippets (default: Accept-Language, else the collection's).",
      }),
    },
    resolve: async (_root, args, context) => {
      if (args.query.length > maxQueryLength) throw badUserInput(`query is at most ${maxQueryLength} characters`, "query");
      const first = args.first ?? defaultPageSize;
      if (!Number.isInteger(first) || first < 1 || first > maxPageSize)
        throw badUserInput(`first must be between 1 and ${maxPageSize}, got ${first}`, "first");
      const start = offsetOf(args.after);
      const hits = await context.store.search(args.query, await eventFilter(args.filter, context));
      const page = hits.slice(start, start + first);
      const { requested, defaultLocale } = await servedLocale(args.locale, context);
      const events = await context.store.events.loadMany(page.map((hit) => hit.slug));
      const edges = page.flatMap((hit, i) => {
        const event = events[i];
        if (!event || event instanceof Error) return [];
        const served = localizeEvent(event, requested, defaultLocale);
        const text = [served.summary, served.body.text].filter(Boolean).join(" ");
        return [{ cursor: offsetCursor(start + i), node: served, score: hit.score, snippet: snippet(text, args.query, served.locale) }];
      });
      return connection(
        { limit: first, fromEnd: false, after: args.after ?? undefined },
        async () => ({ edges, hasMore: start + first < hits.length }),
        async () => hits.length,
      );
    },
  }),
);
