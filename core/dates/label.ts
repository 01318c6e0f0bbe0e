// Human labels for a resolved date, in each supported language, showing both calendars for Julian dates:
// "25 października (7 listopada) 1917", "25 October (7 November) 1917".
import { defaultLocale, type Locale } from "../locale/locales";
import { type EdtfPoint, englishMonthNames, parseEdtf } from "./edtf";
import type { ResolvedDate } from "./historical-date";
import type { Calendar } from "./julian-day";

/** The words of a date label, in every supported language (core/locale/locales.ts lists them). */
export interface LabelWords {
  /** Month names: alone ("październik 1917"), and after a day ("25 października 1917"). */
  months: { nominative: string[]; genitive: string[] };
  /** Before an approximate date. */
  approximately: string;
  /** After a year before the common era. */
  beforeChrist: string;
}

export const labelWords: Record<Locale, LabelWords> = {
  pl: {
    months: {
      nominative: [
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
      ],
      genitive: [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
      ],
    },
    approximately: "ok. ",
    beforeChrist: "p.n.e.",
  },
  en: {
    months: {
      nominative: englishMonthNames,
      genitive: englishMonthNames,
    },
    approximately: "c. ",
    beforeChrist: "BC",
  },
};

function yearLabel(year: number, locale: Locale): string {
  if (year > 0) return String(year);
  return `${1 - year} ${labelWords[locale].beforeChrist}`;
}

/** A point without its year: "25 października", "październik", or "" for a year. */
function dayAndMonth(point: EdtfPoint, locale: Locale): string {
  if (point.month === undefined) return "";
  if (point.day === undefined) return labelWords[locale].months.nominative[point.month - 1];
  return `${point.day} ${labelWords[locale].months.genitive[point.month - 1]}`;
}

function qualify(text: string, point: EdtfPoint, locale: Locale): string {
  return `${point.approximate ? labelWords[locale].approximately : ""}${text}${point.uncertain ? "?" : ""}`;
}

interface Label {
  /** The label without its year, when the whole label lies in one year. */
  withinYear?: string;
  year: number;
  full: string;
}

function joinYear(body: string, year: number, locale: Locale): string {
  return body ? `${body} ${yearLabel(year, locale)}` : yearLabel(year, locale);
}

function labelOf(text: string, calendar: Calendar, locale: Locale): Label {
  const parsed = parseEdtf(text, calendar);
  if (!parsed.ok) return { year: Number.NaN, full: text };
  const { start, end } = parsed.edtf;
  if (!end) {
    const body = qualify(dayAndMonth(start, locale), start, locale);
    const withinYear = start.month === undefined ? undefined : body;
    return { withinYear, year: start.year, full: qualify(joinYear(dayAndMonth(start, locale), start.year, locale), start, locale) };
  }
  const sameYear = start.year === end.year && start.month !== undefined && end.month !== undefined;
  if (sameYear) {
    const plain = !start.approximate && !start.uncertain && !end.approximate && !end.uncertain;
    const body =
      plain && start.month === end.month && start.day !== undefined && end.day !== undefined
        ? `${start.day}–${dayAndMonth(end, locale)}`
        : `${qualify(dayAndMonth(start, locale), start, locale)} – ${qualify(dayAndMonth(end, locale), end, locale)}`;
    return { withinYear: body, year: start.year, full: joinYear(body, start.year, locale) };
  }
  const full = `${qualify(joinYear(dayAndMonth(start, locale), start.year, locale), start, locale)} – ${qualify(joinYear(dayAndMonth(end, locale), end.year, locale), end, locale)}`;
  return { year: start.year, full };
}

/** The date for people: in the written calendar, with the Gregorian counterpart in parentheses for Julian dates. */
export function dateLabel(date: ResolvedDate, locale: Locale = defaultLocale): string {
  const gregorian = labelOf(date.gregorian, "gregorian", locale);
  if (date.calendar === "gregorian") return gregorian.full;
  const julian = labelOf(date.julian, "julian", locale);
  if (julian.withinYear !== undefined && gregorian.withinYear !== undefined && julian.year === gregorian.year) {
    return `${julian.withinYear} (${gregorian.withinYear}) ${yearLabel(julian.year, locale)}`;
  }
  return `${julian.full} (${gregorian.full})`;
}
