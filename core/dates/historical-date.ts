// Resolves a `date` as an editor wrote it (Gregorian EDTF text, or { julian, gregorian }) into both
// calendars, and proves that a written pair denotes exactly the same days.
import type { Locale } from "../locale/locales";
import {
  convertEdtf,
  type DateExtent,
  type DaySpan,
  type Edtf,
  type EdtfProblem,
  type Precision,
  parseEdtf,
  precisionOf,
  qualifiersOf,
} from "./edtf";
import { type Calendar, formatDay, fromJulianDay } from "./julian-day";

/** The `date` field as written: Gregorian EDTF text, or a pair with at least one calendar. */
export type WrittenDate = string | { julian?: string; gregorian?: string };

/** A date known in both calendars; what the store keeps and the API serves. */
export interface ResolvedDate {
  /** The calendar the date was written in (Julian when both were written). */
  calendar: Calendar;
  /** The EDTF text as written in `calendar`. */
  edtf: string;
  julian: string;
  gregorian: string;
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
  /** Some digit is unspecified (X): the date is one of several days, months or years. */
  unspecified?: boolean;
  /** The first and last day it could be, as Julian Day Numbers (openStartDay / openEndDay for an open end). */
  firstDay: number;
  lastDay: number;
  /** The days it could be, when they are not one run from firstDay to lastDay (a one-of set with gaps). */
  possibleDays?: DaySpan[];
  /** The days every reading of it covers, when some are certain (certainLastDay is openEndDay while ongoing). */
  certainFirstDay?: number;
  certainLastDay?: number;
  /**
   * The date for people in every supported language, e.g. "25 października (7 listopada) 1917" (label.ts
   * `labelled`): made by the sync for the items it writes, so the store keeps it and the API serves it as it
   * is. A date as the check resolves it has none.
   */
  labels?: Record<Locale, string>;
}

export interface DateProblem {
  rule: EdtfProblem["rule"] | "date-mismatch" | "date-missing" | "date-qualifier-mismatch";
  message: string;
  /** Which key of the written pair the problem is in, if any. */
  key?: Calendar;
}

export type DateResult = { ok: true; date: ResolvedDate } | { ok: false; problems: DateProblem[] };

/** Whether two extents could be the same days: the same first and last day, and the same days between. */
const sameDays = (a: DateExtent, b: DateExtent) =>
  a.first === b.first && a.last === b.last && JSON.stringify(a.possible ?? []) === JSON.stringify(b.possible ?? []);

/** How an interval's ends are known: an ongoing end ("..") says more than an unknown one (""). */
const endsOf = (edtf: Edtf) =>
  edtf.kind === "interval" ? [edtf.start, edtf.end].map((end) => (typeof end === "string" ? end : "date")).join("/") : "date/date";

export function resolveDate(written: WrittenDate): DateResult {
  const pair = typeof written === "string" ? { gregorian: written } : written;
  const problems: DateProblem[] = [];
  const parsed: Partial<Record<Calendar, { text: string; edtf: Edtf; extent: DateExtent }>> = {};
  for (const calendar of ["julian", "gregorian"] as const) {
    const text = pair[calendar];
    if (text === undefined) continue;
    const result = parseEdtf(text, calendar);
    if (result.ok) parsed[calendar] = { text, edtf: result.edtf, extent: result.extent };
    else problems.push({ ...result.problem, key: typeof written === "string" ? undefined : calendar });
  }
  if (pair.julian === undefined && pair.gregorian === undefined) {
    problems.push({ rule: "date-missing", message: "date needs a julian or a gregorian value (or both)" });
  }
  if (problems.length > 0) return { ok: false, problems };

  const { julian, gregorian } = parsed;
  if (julian && gregorian) {
    const expected = convertEdtf(julian.edtf, "julian", "gregorian");
    if (!sameDays(julian.extent, gregorian.extent) || endsOf(julian.edtf) !== endsOf(gregorian.edtf)) {
      return {
        ok: false,
        problems: [
          {
            rule: "date-mismatch",
            key: "gregorian",
            message: `julian ${julian.text} is gregorian ${expected}, not ${gregorian.text}`,
          },
        ],
      };
    }
    const jq = qualifiersOf(julian.edtf);
    const gq = qualifiersOf(gregorian.edtf);
    if (jq.uncertain !== gq.uncertain || jq.approximate !== gq.approximate) {
      return {
        ok: false,
        problems: [
          {
            rule: "date-qualifier-mismatch",
            key: "gregorian",
            message: `julian ${julian.text} and gregorian ${gregorian.text} carry different qualifiers (? ~ %); write them alike, e.g. gregorian ${expected}`,
          },
        ],
      };
    }
  }
  const primaryCalendar: Calendar = julian ? "julian" : "gregorian";
  const primary = (julian ?? gregorian) as NonNullable<typeof julian>;
  const { uncertain, approximate, unspecified } = qualifiersOf(primary.edtf);
  const { first, last, possible, certain } = primary.extent;
  return {
    ok: true,
    date: {
      calendar: primaryCalendar,
      edtf: primary.text,
      julian: julian?.text ?? convertEdtf(primary.edtf, primaryCalendar, "julian"),
      gregorian: gregorian?.text ?? convertEdtf(primary.edtf, primaryCalendar, "gregorian"),
      precision: precisionOf(primary.edtf),
      uncertain,
      approximate,
      ...(unspecified ? { unspecified } : {}),
      firstDay: first,
      lastDay: last,
      ...(possible ? { possibleDays: possible } : {}),
      ...(certain ? { certainFirstDay: certain.first, certainLastDay: certain.last } : {}),
    },
  };
}

/**
 * The date's label in a language, as the sync made it; the EDTF as written for a date stored before dates
 * carried labels (between a deploy of this code and the sync that rewrites every item) or never labelled.
 */
export const labelIn = (date: ResolvedDate, locale: Locale): string => date.labels?.[locale] ?? date.edtf;

/** A Julian Day Number as an ISO 8601 Gregorian day. */
export function isoGregorian(julianDay: number): string {
  return formatDay(fromJulianDay("gregorian", julianDay));
}
