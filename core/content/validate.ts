// Checks every content document and collects every problem (never stopping at the first); what passes
// becomes typed entries. Pure: documents in, diagnostics and a collection out.
import type { z } from "zod";
import { cslIssued } from "../citations/csl-issued";
import { type DateProblem, type ResolvedDate, resolveDate, type WrittenDate } from "../dates/historical-date";
import { defaultLocale as fallbackLocale } from "../locale/locales";
import type { Collection, EventEntry, SourceEntry } from "./collection";
import { cslTypes } from "./csl";
import { type Diagnostic, diagnostic } from "./diagnostic";
import { type ContentDocument, type ParsedDocument, type PathKey, parseContentDocument } from "./document";
import { editorialChecks } from "./editorial";
import type { RuleId } from "./rules";
import {
  type CollectionSettings,
  eventFrontMatterSchema,
  settingsSchema,
  slugPattern,
  sourceSchema,
  type Translation,
  translationSchema,
} from "./schema";
import { didYouMean } from "./similar";
import { maxStoredBodyBytes, storedBodyBytes } from "./size-limits";

export interface CheckResult {
  diagnostics: Diagnostic[];
  collection: Collection;
}

interface Checked<T> {
  entry: T;
  doc: ContentDocument;
  parsed: ParsedDocument;
}

/** Reports a problem at `path` (at its key, for `key: true`), with the severity its rule declares. */
type Report = (path: readonly PathKey[], rule: RuleId, message: string, options?: { key?: boolean }) => void;

function reporterFor(doc: ContentDocument, parsed: ParsedDocument | undefined, diagnostics: Diagnostic[]): Report {
  return (path, rule, message, options = {}) => {
    const position = parsed ? parsed.locate(path, options) : { line: 1, col: 1 };
    diagnostics.push(diagnostic(rule, { file: doc.file, ...position }, message));
  };
}

const describePath = (path: readonly PathKey[]) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key), "");

function reportSchemaIssues(issues: z.core.$ZodIssue[], parsed: ParsedDocument, report: Report, knownKeys: string[]) {
  for (const issue of issues) {
    const path = issue.path as PathKey[];
    const field = describePath(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const candidates = path.length === 0 ? knownKeys : [];
        report([...path, key], "unknown-field", `unknown field "${describePath([...path, key])}"${didYouMean(key, candidates)}`, {
          key: true,
        });
      }
    } else if (issue.code === "invalid_type" && !parsed.has(path)) {
      report(path.slice(0, -1), "missing-field", `missing required field "${field}"`);
    } else if (issue.code === "invalid_type") {
      report(path, "wrong-type", `${field}: expected ${issue.expected}`);
    } else if (issue.code === "invalid_value" && field === "type") {
      const written = String(parsed.writtenText(path));
      report(path, "csl-type", `unknown CSL type "${written}"${didYouMean(written, cslTypes)}`);
    } else {
      report(path, "invalid-value", field ? `${field}: ${issue.message}` : issue.message);
    }
  }
}

/** Reads `date` as written and resolves it; reports each problem at the key it is in. */
function checkDate(parsed: ParsedDocument, path: PathKey[], report: Report): ResolvedDate | undefined {
  const asWritten = (key: PathKey[]) => parsed.writtenText(key);
  const written: WrittenDate | undefined =
    parsed.has([...path, "julian"]) || parsed.has([...path, "gregorian"])
      ? { julian: asWritten([...path, "julian"]), gregorian: asWritten([...path, "gregorian"]) }
      : asWritten(path);
  if (written === undefined) return undefined;
  const result = resolveDate(written);
  if (result.ok) return result.date;
  for (const problem of result.problems as DateProblem[]) {
    report(problem.key ? [...path, problem.key] : path, problem.rule, problem.message);
  }
  return undefined;
}

/** Puts each date as written (the YAML text, not a number) into the data before the schema sees it. */
function withWrittenDate(data: Record<string, unknown>, parsed: ParsedDocument): Record<string, unknown> {
  const date = data.date;
  if (date === undefined || date === null) return data;
  if (typeof date === "object" && !Array.isArray(date)) {
    const pair = { ...(date as Record<string, unknown>) };
    for (const key of ["julian", "gregorian"]) {
      if (Object.hasOwn(pair, key)) pair[key] = parsed.writtenText(["date", key]) ?? pair[key];
    }
    return { ...data, date: pair };
  }
  return { ...data, date: parsed.writtenText(["date"]) ?? date };
}

/** Reads a document's fields through its schema, with its `date` resolved; undefined if anything is wrong. */
function checkFields<S extends z.ZodObject>(
  schema: S,
  parsed: ParsedDocument,
  report: Report,
): { fields: z.infer<S>; date?: ResolvedDate } | undefined {
  const data = withWrittenDate(parsed.data as Record<string, unknown>, parsed);
  const result = schema.safeParse(data);
  const dateWritten = Object.hasOwn(data, "date");
  const date = dateWritten ? checkDate(parsed, ["date"], report) : undefined;
  if (!result.success) {
    reportSchemaIssues(result.error.issues, parsed, report, Object.keys(schema.shape));
    return undefined;
  }
  if (dateWritten && !date) return undefined;
  return { fields: result.data, date };
}

function checkEvent(doc: ContentDocument, parsed: ParsedDocument, report: Report): EventEntry | undefined {
  const checked = checkFields(eventFrontMatterSchema, parsed, report);
  if (!checked?.date) return undefined;
  const { sources, date: _written, ...fields } = checked.fields;
  return { ...fields, slug: doc.slug, date: checked.date, citations: sources, body: parsed.body.trim(), translations: Object.create(null) };
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
  const issued = (csl as { issued?: unknown }).issued ?? (checked.date ? cslIssued(checked.date) : undefined);
  return { slug: doc.slug, csl: { ...csl, ...(issued ? { issued } : {}), id: doc.slug }, ...(checked.date ? { date: checked.date } : {}) };
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

/** Cross-file checks: every citation and `related` link points at something that is published. */
function checkReferences(events: Checked<EventEntry>[], sources: Checked<SourceEntry>[], diagnostics: Diagnostic[]) {
  const sourceSlugs = new Set(sources.map((s) => s.entry.slug));
  const eventsBySlug = new Map(events.map((e) => [e.entry.slug, e.entry]));
  for (const { entry, doc, parsed } of events) {
    const report = reporterFor(doc, parsed, diagnostics);
    entry.citations.forEach((citation, index) => {
      if (!sourceSlugs.has(citation.source)) {
        report(
          ["sources", index, "source"],
          "unknown-source",
          `no source "${citation.source}" in sources/${didYouMean(citation.source, sourceSlugs)}`,
        );
      }
    });
    entry.related.forEach((slug, index) => {
      const target = eventsBySlug.get(slug);
      if (!target) report(["related", index], "unknown-event", `no event "${slug}" in events/${didYouMean(slug, eventsBySlug.keys())}`);
      else if (target.draft && !entry.draft) report(["related", index], "related-draft", `event "${slug}" is a draft and is not published`);
      else if (slug === entry.slug) report(["related", index], "related-self", "an event cannot be related to itself");
    });
  }
}

export function validateContent(documents: ContentDocument[]): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const events: Checked<EventEntry>[] = [];
  const sources: Checked<SourceEntry>[] = [];
  let settings: CollectionSettings | undefined;
  const translations: Checked<Translation & { locale: string }>[] = [];
  for (const doc of documents) {
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
    if (!parsed) continue;
    if (doc.kind === "settings") {
      settings = checkSettings(parsed, report);
    } else if (doc.kind === "translation") {
      const entry = checkTranslation(doc, parsed, report);
      if (entry) translations.push({ entry, doc, parsed });
    } else if (doc.kind === "event") {
      const entry = checkEvent(doc, parsed, report);
      if (entry) events.push({ entry, doc, parsed });
    } else {
      const entry = checkSource(doc, parsed, report);
      if (entry) sources.push({ entry, doc, parsed });
    }
    parsed.release();
  }
  checkReferences(events, sources, diagnostics);
  attachTranslations(events, translations, settings, diagnostics);
  checkBodySizes(events, settings?.locale ?? fallbackLocale, diagnostics);
  editorialChecks(
    events.map(({ entry, doc, parsed }) => {
      const report = reporterFor(doc, parsed, diagnostics);
      return { entry, parsed, warn: report };
    }),
    settings,
  );
  return {
    diagnostics,
    collection: {
      events: events.map((e) => e.entry).filter((e) => !e.draft),
      sources: sources.map((s) => s.entry),
      locale: settings?.locale ?? fallbackLocale,
    },
  };
}
