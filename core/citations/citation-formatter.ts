// Formats sources and citations with citeproc-js and the pinned styles and locales, at sync time, so the
// API serves stored strings and carries no citation processor. Every source and citation is formatted on
// its own (no "ibid.", no "1990a", no "———"): each string stands alone wherever a front-end puts it.
import CSL, { type Engine } from "citeproc";
import type { SourceEntry } from "../content/collection";
import type { Citation } from "../content/schema";
import type { ResolvedDate } from "../dates/historical-date";
import { dateLabel } from "../dates/label";
import { type Locale, supportedLocales } from "../locale/locales";
import { type CitationStyle, citationStyles, localeData, pinnedLocales, styleData } from "./csl-data";
import { htmlToText } from "./html-text";
import { type ParsedLocator, parseLocator } from "./locator";

export interface FormattedText {
  /** citeproc-js HTML: text escaped, <i>, <b>, <sup>, <sub> and <span style> for the style's typography. */
  html: string;
  text: string;
}

/** One reference or citation in every pinned style and language. */
export type FormattedCitation = Record<CitationStyle, Record<Locale, FormattedText>>;

export interface CitationFormatter {
  /** A source as an entry of a reference list (APA) or bibliography (Chicago). */
  reference(slug: string): FormattedCitation;
  /** A citation of a source at its locator: APA's parenthetical citation, Chicago's full note. */
  citation(citation: Pick<Citation, "source" | "locator">): FormattedCitation;
  /**
   * Citations formatted earlier from these same sources (by an earlier sync, read back from the table): given
   * by `citation` as they are, with no citeproc-js engine set up for them.
   */
  adopt(formatted: Iterable<KnownCitation>): void;
}

/** A citation with its formatting, as an earlier sync stored it. */
export type KnownCitation = Pick<Citation, "source" | "locator"> & { formatted: FormattedCitation };

/** A locator value styles print as written: a whole number, as most pages are. */
const plainNumber = /^[1-9][0-9]{0,5}$/;
/**
 * Two numbers no citation holds otherwise, to tell where a style puts the locator's number. Their ordinals differ
 * (41st, 12th), so a style that printed the number as an ordinal, a word or a Roman numeral is not templated.
 */
const sentinelNumbers = ["731941", "582012"] as const;

const entryWrapper = /^<div class="csl-entry">([\s\S]*)<\/div>$/;

/**
 * A dated document (a decree) is cited with its date in both calendars, as Kronika labels it, the Gregorian
 * counterpart in brackets: "26 października [8 listopada] 1917".
 */
export function citedDate(date: ResolvedDate, locale: Locale): string {
  return dateLabel(date, locale).replace(/\(([^()]*)\)/, "[$1]");
}

/**
 * citeproc-js keeps its registry in plain objects keyed by item id: a source named "constructor" or
 * "__proto__" would collide with Object.prototype. It sees each slug behind a prefix no such name has.
 */
const engineId = (slug: string) => `source:${slug}`;

export function createCitationFormatter(sources: SourceEntry[]): CitationFormatter {
  const entries = new Map(sources.map((s) => [engineId(s.slug), s]));
  const itemIn = (locale: Locale) => (id: string) => {
    const entry = entries.get(id);
    if (!entry) return undefined;
    // citeproc-js normalizes the items it is given in place: hand it copies of the published ones.
    const item: Record<string, unknown> = { ...structuredClone(entry.csl), id };
    if (entry.date) item.issued = { literal: citedDate(entry.date, locale) };
    return item;
  };
  const engines = new Map<string, Engine>();
  const engine = (style: CitationStyle, locale: Locale) => {
    const key = `${style}/${locale}`;
    let found = engines.get(key);
    if (!found) {
      const sys = { retrieveLocale: (id: string) => localeData[id], retrieveItem: itemIn(locale) };
      found = new CSL.Engine(sys, styleData[style], pinnedLocales[locale], true);
      found.setOutputFormat("html");
      engines.set(key, found);
    }
    return found;
  };
  const inEveryStyle = (slug: string, render: (engine: Engine) => string): FormattedCitation => {
    if (!entries.has(engineId(slug))) throw new Error(`no source "${slug}" to format`);
    const formatted = {} as FormattedCitation;
    for (const style of citationStyles) {
      formatted[style] = {} as Record<Locale, FormattedText>;
      for (const locale of supportedLocales) {
        let html: string;
        try {
          html = render(engine(style, locale)).trim();
        } catch (error) {
          throw new Error(`sources/${slug}: cannot format in ${style} (${locale}): ${(error as Error).message}`);
        }
        formatted[style][locale] = { html, text: htmlToText(html) };
      }
    }
    return formatted;
  };
  const references = new Map<string, FormattedCitation>();
  const citations = new Map<string, FormattedCitation>();
  const cluster = (id: string, parsed: ParsedLocator | undefined) =>
    // A locator without a known label is printed as written, after the reference.
    !parsed ? { id } : parsed.label ? { id, locator: parsed.value, label: parsed.label } : { id, suffix: `, ${parsed.value}` };
  const pageTemplates = new Map<string, FormattedCitation | null>();
  /**
   * The citation of a source at a plain number ("s. 299"), in every style, with the number put into the
   * citation formatted once for the source and label: a collection cites most sources at many pages, and
   * citeproc-js takes a millisecond and more for each. Kept only where two numbers format alike but for the
   * number itself (else null, and each citation is formatted on its own).
   */
  const atNumber = (source: string, label: string, value: string): FormattedCitation | undefined => {
    const key = `${source}\u0000${label}`;
    let template = pageTemplates.get(key);
    if (template === undefined) {
      const [first, second] = sentinelNumbers.map((number) =>
        inEveryStyle(source, (e) => e.makeCitationCluster([{ id: engineId(source), locator: number, label }])),
      );
      const alike = citationStyles.every((style) =>
        supportedLocales.every((locale) => {
          const html = first[style][locale].html;
          return (
            html.split(sentinelNumbers[0]).length === 2 &&
            html.replace(sentinelNumbers[0], sentinelNumbers[1]) === second[style][locale].html
          );
        }),
      );
      template = alike ? first : null;
      pageTemplates.set(key, template);
    }
    if (!template) return undefined;
    const formatted = {} as FormattedCitation;
    for (const style of citationStyles) {
      formatted[style] = {} as Record<Locale, FormattedText>;
      for (const locale of supportedLocales) {
        const html = template[style][locale].html.replace(sentinelNumbers[0], value);
        formatted[style][locale] = { html, text: htmlToText(html) };
      }
    }
    return formatted;
  };
  return {
    reference(slug) {
      let formatted = references.get(slug);
      if (!formatted) {
        formatted = inEveryStyle(slug, (e) => {
          e.updateItems([engineId(slug)], true);
          const bibliography = e.makeBibliography();
          const entry = bibliography ? bibliography[1][0].trim() : "";
          return entry.replace(entryWrapper, "$1");
        });
        references.set(slug, formatted);
      }
      return formatted;
    },
    citation({ source, locator }) {
      const key = citationKey(source, locator);
      let formatted = citations.get(key);
      if (!formatted) {
        if (!entries.has(engineId(source))) throw new Error(`no source "${source}" to format`);
        const parsed = locator ? parseLocator(locator) : undefined;
        formatted =
          (parsed?.label && plainNumber.test(parsed.value) ? atNumber(source, parsed.label, parsed.value) : undefined) ??
          inEveryStyle(source, (e) => e.makeCitationCluster([cluster(engineId(source), parsed)]));
        citations.set(key, formatted);
      }
      return formatted;
    },
    adopt(formatted) {
      for (const { source, locator, formatted: text } of formatted) {
        if (entries.has(engineId(source))) citations.set(citationKey(source, locator), text);
      }
    },
  };
}

const citationKey = (source: string, locator: string | undefined) => `${source}\u0000${locator ?? ""}`;

let lastFormatter: { key: string; formatter: CitationFormatter } | undefined;

/**
 * The formatter for these sources, kept from the last call while they are the same: a long-lived process
 * (`npm start`, a warm sync function) syncs edit after edit of the same sources, and setting up citeproc-js's
 * engines costs more than a one-file sync's other work. What it formats depends on the sources alone.
 */
export function citationFormatterFor(sources: SourceEntry[]): CitationFormatter {
  const key = JSON.stringify(sources);
  if (lastFormatter?.key !== key) lastFormatter = { key, formatter: createCitationFormatter(sources) };
  return lastFormatter.formatter;
}
