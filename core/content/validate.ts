// Checks every content document and collects every problem (never stopping at the first); what passes
// becomes typed entries. Pure: documents in, diagnostics and a collection out.
import { cslIssued } from "../citations/csl-issued";
import { knownDay } from "../dates/edtf";
import { resolveDate } from "../dates/historical-date";
import { defaultLocale as fallbackLocale } from "../locale/locales";
import type { Collection, EventEntry, EventReferences, PersonEntry, PlaceEntry, SourceEntry } from "./collection";
import { type Diagnostic, diagnostic } from "./diagnostic";
import { type ContentDocument, type ParsedDocument, parseContentDocument } from "./document";
import { editorialChecks } from "./editorial";
import { checkFields, type Report, reporterFor, reportSchemaIssues } from "./fields";
import { checkMediaReferences, checkMediaSidecar, pairMedia, type Sidecar } from "./media";
import { placeAncestors } from "./published-references";
import { checkRecordReferences, type RecordDocument } from "./record-references";
import { checkPerson, checkPlace } from "./records";
import {
  type CollectionSettings,
  eventFrontMatterSchema,
  settingsSchema,
  sourceSchema,
  type Translation,
  translationSchema,
} from "./schema";
import { didYouMean } from "./similar";
import { maxStoredBodyBytes, storedBodyBytes, storedBodyBytesBound } from "./size-limits";
import { slugPattern } from "./slug";

export interface CheckResult {
  diagnostics: Diagnostic[];
  collection: Collection;
}

interface Checked<T> {
  entry: T;
  doc: ContentDocument;
  parsed: ParsedDocument;
}

function checkEvent(doc: ContentDocument, parsed: ParsedDocument, report: Report): EventEntry | undefined {
  const checked = checkFields(eventFrontMatterSchema, parsed, report);
  const date = checked?.dates.get("date");
  if (!checked || !date) return undefined;
  const { sources, date: _written, ...fields } = checked.fields;
  return { ...fields, slug: doc.slug, date, citations: sources, body: parsed.body.trim(), translations: Object.create(null) };
}

const translatable = Object.keys(translationSchema.shape);

function checkTranslation(doc: ContentDocument, parsed: ParsedDocument, report: Report): (Translation & { locale: string }) | undefined {
  const data = parsed.data as Record<string, unknown>;
  const eventKeys = Object.keys(eventFrontMatterSchema.shape);
  // A key of the event that is not translatable gets its own, clearer message.
  const untranslatable = Object.keys(data).filter((key) => eventKeys.includes(key) && !translatable.includes(key));
  for (const key of untranslatable) {
    report(
      [key],
      "untranslatable-field",
      `"${key}" is not translatable: a translation gives only ${translatable.join(", ")} and the body`,
      { key: true },
    );
  }
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !untranslatable.includes(key)));
  const result = translationSchema.safeParse(rest);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, report, translatable);
    return undefined;
  }
  if (untranslatable.length > 0) return undefined;
  const body = parsed.body.trim();
  return { ...result.data, ...(body ? { body } : {}), locale: doc.locale as string };
}

/** Gives each event its translations; reports translations of nothing and, if settings ask, missing ones. */
function attachTranslations(
  events: Checked<EventEntry>[],
  translations: Checked<Translation & { locale: string }>[],
  settings: CollectionSettings | undefined,
  diagnostics: Diagnostic[],
) {
  const bySlug = new Map(events.map((e) => [e.entry.slug, e.entry]));
  const defaultLocale = settings?.locale ?? fallbackLocale;
  for (const { entry, doc, parsed } of translations) {
    const report = reporterFor(doc, parsed, diagnostics);
    const event = bySlug.get(doc.slug);
    const { locale, ...translation } = entry;
    if (!event)
      report([], "unknown-translation", `no event "${doc.slug}" in events/ for this translation${didYouMean(doc.slug, bySlug.keys())}`);
    else if (locale === defaultLocale)
      report([], "default-locale-translation", `the collection is written in "${locale}": edit events/${doc.slug}.md instead`);
    else event.translations[locale] = translation;
  }
  for (const locale of settings?.locales ?? []) {
    if (locale === defaultLocale) continue;
    for (const { entry, doc, parsed } of events) {
      if (!entry.translations[locale]) {
        reporterFor(doc, parsed, diagnostics)(
          ["title"],
          "missing-translation",
          `no "${locale}" translation (events/${entry.slug}.${locale}.md)`,
        );
      }
    }
  }
}

function checkSource(doc: ContentDocument, parsed: ParsedDocument, report: Report): SourceEntry | undefined {
  const checked = checkFields(sourceSchema, parsed, report);
  if (!checked) return undefined;
  const { date: _written, id: _id, ...csl } = checked.fields;
  if ((csl as Record<string, unknown>).language === undefined) {
    report(
      ["title"],
      "source-language",
      "the source has no `language`: citation styles take its title for English, and Chicago title-cases it; add e.g. language: pl",
    );
  }
  // A dated document without its own `issued` is issued on its date, so citations show it.
  const date = checked.dates.get("date");
  const issued = (csl as { issued?: unknown }).issued ?? (date ? cslIssued(date) : undefined);
  return { slug: doc.slug, csl: { ...csl, ...(issued ? { issued } : {}), id: doc.slug }, ...(date ? { date } : {}) };
}

function checkSettings(parsed: ParsedDocument, report: Report): CollectionSettings | undefined {
  const data = { ...(parsed.data as Record<string, unknown>) };
  let dateOk = true;
  if (Object.hasOwn(data, "julianCalendarUntil")) {
    data.julianCalendarUntil = parsed.writtenText(["julianCalendarUntil"]) ?? data.julianCalendarUntil;
    const until = resolveDate(String(data.julianCalendarUntil));
    if (!until.ok) {
      dateOk = false;
      for (const problem of until.problems) report(["julianCalendarUntil"], problem.rule, problem.message);
    }
  }
  const result = settingsSchema.safeParse(data);
  if (!result.success) reportSchemaIssues(result.error.issues, parsed, report, Object.keys(settingsSchema.shape));
  return result.success && dateOk ? result.data : undefined;
}

/** Where an event file's body starts: its first line of text after the front matter. */
function bodyLine(doc: ContentDocument, parsed: ParsedDocument): number {
  const start = doc.text.length - parsed.body.trimStart().length;
  let line = 1;
  for (let i = doc.text.indexOf("\n"); i !== -1 && i < start; i = doc.text.indexOf("\n", i + 1)) line += 1;
  return line;
}

/** An event's bodies, its translations' with it, must fit its one table item beside its other fields. */
function checkBodySizes(events: Checked<EventEntry>[], defaultLocale: string, diagnostics: Diagnostic[]) {
  for (const { entry, doc, parsed } of events) {
    // Most bodies are far below the limit: their Markdown's size alone says so, without rendering them.
    const bodies = [entry.body, ...Object.values(entry.translations).flatMap((t) => (t.body ? [t.body] : []))];
    const bounds = bodies.map(storedBodyBytesBound);
    if (bounds.every((bound) => bound !== undefined) && bounds.reduce((sum: number, bound) => sum + (bound ?? 0), 0) <= maxStoredBodyBytes)
      continue;
    const sizes: [string, number][] = [[defaultLocale, storedBodyBytes(entry.body)]];
    for (const [locale, translation] of Object.entries(entry.translations)) {
      if (translation.body) sizes.push([locale, storedBodyBytes(translation.body)]);
    }
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    if (total <= maxStoredBodyBytes) continue;
    const count = (n: number) => n.toLocaleString("en");
    const languages = sizes.length > 1 ? ` (${sizes.map(([locale, bytes]) => `${locale} ${count(bytes)}`).join(", ")})` : "";
    diagnostics.push(
      diagnostic(
        "body-size",
        { file: doc.file, line: bodyLine(doc, parsed), col: 1 },
        `the body takes ${count(total)} bytes as stored (Markdown, HTML and text)${languages}; an event's bodies may take at most ${count(maxStoredBodyBytes)}: shorten it or split the event`,
      ),
    );
  }
}

/** What an event cites and links to, read from its fields even when the event has errors of its own. */
interface EventLinks {
  doc: ContentDocument;
  parsed: ParsedDocument;
  /** [index in the list, slug]: a list item that is not a slug (a typo the schema reports) is skipped. */
  sources: [number, string][];
  related: [number, string][];
  /** The checked event, when it has no errors. */
  entry?: EventEntry;
}

const linksOf = (entry: EventEntry): Pick<EventLinks, "sources" | "related"> => ({
  sources: entry.citations.map((citation, index) => [index, citation.source]),
  related: entry.related.map((slug, index) => [index, slug]),
});

/** The links of an event that did not pass its own checks, as far as they can be read, so they are checked too. */
function writtenLinks(data: unknown): Pick<EventLinks, "sources" | "related"> {
  const fields = (data ?? {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const sources = list(fields.sources).flatMap((item, index): [number, string][] => {
    const source = (item as { source?: unknown } | null)?.source;
    return typeof source === "string" ? [[index, source]] : [];
  });
  const related = list(fields.related).flatMap((slug, index): [number, string][] => (typeof slug === "string" ? [[index, slug]] : []));
  return { sources, related };
}

/**
 * Cross-file checks: every citation and `related` link points at a file that exists, for every event, those
 * with errors of their own too (so one run reports everything). A file with errors still exists: a link to it
 * is reported by that file's own errors, not as pointing nowhere.
 */
function checkReferences(
  events: EventLinks[],
  files: { events: ReadonlySet<string>; sources: ReadonlySet<string> },
  valid: Map<string, EventEntry>,
  diagnostics: Diagnostic[],
) {
  for (const { entry, doc, parsed, sources, related } of events) {
    const report = reporterFor(doc, parsed, diagnostics);
    for (const [index, source] of sources) {
      if (!files.sources.has(source)) {
        report(["sources", index, "source"], "unknown-source", `no source "${source}" in sources/${didYouMean(source, files.sources)}`);
      }
    }
    for (const [index, slug] of related) {
      const target = valid.get(slug);
      if (!files.events.has(slug))
        report(["related", index], "unknown-event", `no event "${slug}" in events/${didYouMean(slug, files.events)}`);
      else if (target?.draft && entry && !entry.draft)
        report(["related", index], "related-draft", `event "${slug}" is a draft and is not published`);
      else if (slug === doc.slug) report(["related", index], "related-self", "an event cannot be related to itself");
    }
  }
}

/** Each event's places' last Julian days: a place's own switch, else that of the nearest place containing it. */
function placeCalendarSwitches(places: PlaceEntry[], eventReferences: Map<string, EventReferences>) {
  const ancestors = placeAncestors(places);
  const own = new Map(
    places.flatMap((p) => {
      const day = p.julianCalendarUntil ? knownDay(p.julianCalendarUntil.lastDay) : undefined;
      return day === undefined ? [] : [[p.slug, day] as const];
    }),
  );
  const switchOf = (slug: string) => [slug, ...(ancestors.get(slug) ?? [])].map((s) => own.get(s)).find((day) => day !== undefined);
  return (entry: EventEntry) =>
    (eventReferences.get(entry.slug)?.places ?? []).map(switchOf).filter((day): day is number => day !== undefined);
}

export interface ValidateOptions {
  /** Keep drafts among the collection's events (marked `draft`), for a preview; never for what is published. */
  drafts?: boolean;
}

export function validateContent(documents: ContentDocument[], options: ValidateOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const events: Checked<EventEntry>[] = [];
  const sources: Checked<SourceEntry>[] = [];
  let settings: CollectionSettings | undefined;
  const translations: Checked<Translation & { locale: string }>[] = [];
  const people: PersonEntry[] = [];
  const places: PlaceEntry[] = [];
  const records: { people: RecordDocument[]; places: RecordDocument[] } = { people: [], places: [] };
  const links: EventLinks[] = [];
  const images: ContentDocument[] = [];
  const sidecars: { doc: ContentDocument; parsed?: ParsedDocument; entry?: Sidecar }[] = [];
  for (const doc of documents) {
    if (doc.kind === "image") {
      images.push(doc);
      continue;
    }
    const { parsed, problems } = parseContentDocument(doc);
    const report = reporterFor(doc, parsed, diagnostics);
    for (const problem of problems) {
      diagnostics.push(diagnostic(problem.rule, { file: doc.file, ...problem.position }, problem.message));
    }
    if (!slugPattern.test(doc.slug)) {
      report(
        [],
        "slug",
        `file name "${doc.slug}" is not a slug: use lowercase a–z, digits and single hyphens, e.g. szturm-palacu-zimowego`,
      );
    }
    if (doc.kind === "person" || doc.kind === "place") records[doc.kind === "person" ? "people" : "places"].push({ doc, parsed });
    if (doc.kind === "media") {
      sidecars.push({ doc, parsed, entry: parsed && checkMediaSidecar(doc.slug, parsed, report) });
      parsed?.release();
      continue;
    }
    if (!parsed) continue;
    if (doc.kind === "settings") {
      settings = checkSettings(parsed, report);
    } else if (doc.kind === "translation") {
      const entry = checkTranslation(doc, parsed, report);
      if (entry) translations.push({ entry, doc, parsed });
    } else if (doc.kind === "event") {
      const entry = checkEvent(doc, parsed, report);
      if (entry) events.push({ entry, doc, parsed });
      links.push({ doc, parsed, ...(entry ? { entry, ...linksOf(entry) } : writtenLinks(parsed.data)) });
    } else if (doc.kind === "person") {
      const entry = checkPerson(doc.slug, parsed, report);
      if (entry) people.push(entry);
    } else if (doc.kind === "place") {
      const entry = checkPlace(doc.slug, parsed, report);
      if (entry) places.push(entry);
    } else {
      const entry = checkSource(doc, parsed, report);
      if (entry) sources.push({ entry, doc, parsed });
    }
    parsed.release();
  }
  const filesOf = (kind: ContentDocument["kind"]) => new Set(documents.filter((d) => d.kind === kind).map((d) => d.slug));
  const files = { events: filesOf("event"), sources: filesOf("source") };
  checkReferences(links, files, new Map(events.map((e) => [e.entry.slug, e.entry])), diagnostics);
  const valid = { people: new Set(people.map((p) => p.slug)), places: new Set(places.map((p) => p.slug)) };
  const { references, eventReferences } = checkRecordReferences(records, valid, events, diagnostics);
  const media = pairMedia(images, sidecars, diagnostics);
  const mediaNames = new Set([...images, ...sidecars.map((s) => s.doc)].map((d) => d.slug));
  checkMediaReferences(
    links.map(({ doc, parsed }) => ({ doc, parsed, data: parsed.data })),
    mediaNames,
    diagnostics,
  );
  attachTranslations(events, translations, settings, diagnostics);
  checkBodySizes(events, settings?.locale ?? fallbackLocale, diagnostics);
  editorialChecks(
    events.map(({ entry, doc, parsed }) => {
      const report = reporterFor(doc, parsed, diagnostics);
      return { entry, parsed, warn: report };
    }),
    settings,
    // Where records exist, a reference that is spelled differently is an error of its own.
    { people: records.people.length > 0, places: records.places.length > 0 },
    placeCalendarSwitches(places, eventReferences),
  );
  return {
    diagnostics,
    collection: {
      events: events.map((e) => e.entry).filter((e) => options.drafts || !e.draft),
      sources: sources.map((s) => s.entry),
      people,
      places,
      media: [...media.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
      references,
      eventReferences,
      locale: settings?.locale ?? fallbackLocale,
    },
  };
}
