// Person: someone events name, with their names in other languages, life dates and their events.

import { maxPeoplePerEvent } from "../core/content/list-limits";
import { foldForMatch } from "../core/locale/collation";
import type { Locale } from "../core/locale/locales";
import { nameIn } from "../core/records/record-name";
import type { StoredPerson } from "../core/store/items";
import { builder, type Context } from "./builder";
import { listOf } from "./cost";
import { Event, EventConnection, eventList, eventListArgs } from "./event";
import { HistoricalDate } from "./historical-date";
import { LocaleEnum } from "./locale";
import { connection, pageRequest, totalCountField } from "./pagination";
import { badUserInput } from "./user-error";

/** A person as served: the stored record (or just a name, in a collection without person records), in a language. */
export interface ServedPerson extends Omit<StoredPerson, "hash" | "sortName" | "match"> {
  kind: "person";
  locale?: Locale;
}

const served = (person: StoredPerson, locale?: Locale): ServedPerson => ({ ...person, kind: "person", locale });

/** A person an event names without a record: in a collection that keeps none, its name is all there is. */
const namedOnly = (name: string, locale?: Locale): ServedPerson => ({ kind: "person", slug: name, name, names: {}, aliases: [], locale });

const maxQueryLength = 100;

export const Person = builder.objectRef<ServedPerson>("Person");

/** The `query` argument of lists of people and places: a part of a name. */
export const nameQueryArgs = builder.args((t) => ({
  query: t.string({
    description: `Only those with a name, translation or alias (a place's historical names too) containing this text, ignoring case and diacritics (at most ${maxQueryLength} characters).`,
  }),
}));

/** The `query` argument folded for matching, or undefined for none (or nothing but punctuation). */
export function nameMatch(query: string | null | undefined): string | undefined {
  if (query == null) return undefined;
  if (query.length > maxQueryLength) throw badUserInput(`query is at most ${maxQueryLength} characters`, "query");
  return foldForMatch(query) || undefined;
}

/** The language a record's names and dates are served in: the argument, else where it was reached from, else Accept-Language. */
export const recordLocale = (argument: Locale | null | undefined, record: { locale?: Locale }, context: Context) =>
  argument ?? record.locale ?? context.acceptLanguage;

builder.node(Person, {
  description: "A person events name. Renaming a person changes this record only: events refer to it by slug.",
  id: { resolve: (person) => person.slug },
  isTypeOf: (value) => typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "person",
  loadMany: (slugs, context) =>
    slugs.map(async (slug) => {
      const person = await context.store.people.load(slug);
      return person ? served(person, context.acceptLanguage) : null;
    }),
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The person's slug: the file name in content/people/." }),
    name: t.string({
      description: "The person's name in a language: its translation if given, else the collection's.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Language (default: the language served, else Accept-Language)." }) },
      resolve: (person, args, context) => nameIn(person, recordLocale(args.locale, person, context)),
    }),
    aliases: t.exposeStringList("aliases", { description: "Other spellings events may use." }),
    born: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "Date of birth, in both calendars.",
      resolve: (person, _args, context) => (person.born ? { ...person.born, locale: recordLocale(null, person, context) } : null),
    }),
    died: t.field({
      type: HistoricalDate,
      nullable: true,
      description: "Date of death, in both calendars.",
      resolve: (person, _args, context) => (person.died ? { ...person.died, locale: recordLocale(null, person, context) } : null),
    }),
    description: t.string({ nullable: true, description: "Who the person was, in plain text.", resolve: (p) => p.description ?? null }),
    wikidata: t.string({ nullable: true, description: "The Wikidata item, e.g. Q1394.", resolve: (p) => p.wikidata ?? null }),
    events: t.field({
      type: EventConnection,
      description: "The events naming this person, filtered and in order; `first` 1–100 (default 20).",
      args: eventListArgs,
      resolve: (person, args, context) => eventList(args, context, { people: [person.slug] }),
    }),
  }),
});

export const PersonConnection = builder.connectionObject(
  {
    type: Person,
    name: "PersonConnection",
    description: "A page of people, by name in the collection's alphabet.",
    fields: totalCountField("How many people match, over all pages."),
  },
  { name: "PersonEdge", description: "A person and their position in the list." },
);

builder.objectField(Event, "people", (t) =>
  t.field({
    type: [Person],
    extensions: listOf(maxPeoplePerEvent),
    description: `The people the event names, in the order written (at most ${maxPeoplePerEvent}).`,
    resolve: async (event, _args, { store }) => {
      const locale = event.date.locale;
      const found = await store.people.loadMany(event.people);
      return found.map((person, i) => (person && !(person instanceof Error) ? served(person, locale) : namedOnly(event.people[i], locale)));
    },
  }),
);

builder.queryFields((t) => ({
  person: t.field({
    type: Person,
    nullable: true,
    description: "One person by slug, or null if there is none.",
    args: { slug: t.arg.string({ required: true, description: "The person's slug." }) },
    resolve: async (_root, { slug }, context) => {
      const person = slug.length > 200 ? null : await context.store.people.load(slug);
      return person ? served(person, context.acceptLanguage) : null;
    },
  }),
  people: t.field({
    type: PersonConnection,
    description: "People by name (Polish alphabet for a Polish collection: Ł after L); `first` 1–100 (default 20).",
    args: {
      ...t.arg.connectionArgs(),
      ...nameQueryArgs,
    },
    resolve: (_root, args, context) => {
      const match = nameMatch(args.query);
      return connection(
        pageRequest(args),
        async (page) => {
          const found = await context.store.listPeople(match, page);
          return { ...found, edges: found.edges.map((edge) => ({ ...edge, node: served(edge.node, context.acceptLanguage) })) };
        },
        () => context.store.countPeople(match),
      );
    },
  }),
}));
