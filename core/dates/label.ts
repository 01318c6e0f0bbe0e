// Human labels for a resolved date, in Polish or English, showing both calendars for Julian dates:
// "25 października (7 listopada) 1917", "25 October (7 November) 1917".
import { type EdtfPoint, parseEdtf } from "./edtf";
import type { ResolvedDate } from "./historical-date";
import type { Calendar } from "./julian-day";

export type Locale = "pl" | "en";

const months: Record<Locale, { nominative: string[]; genitive: string[] }> = {
  pl: {
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
  en: {
    nominative: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    genitive: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
};

const approximately: Record<Locale, string> = { pl: "ok. ", en: "c. " };

function yearLabel(year: number, locale: Locale): string {
  if (year > 0) return String(year);
  return locale === "pl" ? `${1 - year} p.n.e.` : `${1 - year} BC`;
}

/** A point without its year: "25 października", "październik", or "" for a year. */
function dayAndMonth(point: EdtfPoint, locale: Locale): string {
  if (point.month === undefined) return "";
  if (point.day === undefined) return months[locale].nominative[point.month - 1];
  return `${point.day} ${months[locale].genitive[point.month - 1]}`;
}

function qualify(text: string, point: EdtfPoint, locale: Locale): string {
  return `${point.approximate ? approximately[locale] : ""}${text}${point.uncertain ? "?" : ""}`;
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
export function dateLabel(date: ResolvedDate, locale: Locale = "pl"): string {
  const gregorian = labelOf(date.gregorian, "gregorian", locale);
  if (date.calendar === "gregorian") return gregorian.full;
  const julian = labelOf(date.julian, "julian", locale);
  if (julian.withinYear !== undefined && gregorian.withinYear !== undefined && julian.year === gregorian.year) {
    return `${julian.withinYear} (${gregorian.withinYear}) ${yearLabel(julian.year, locale)}`;
  }
  return `${julian.full} (${gregorian.full})`;
}
