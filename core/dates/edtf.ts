// The EDTF subset Kronika reads (YYYY, YYYY-MM, YYYY-MM-DD, qualifiers ? ~ %, intervals A/B),
// interpreted in a named calendar and resolved to the exact span of Julian Day Numbers it covers.
import { type Calendar, daysInMonth, formatDay, fromJulianDay, toJulianDay } from "./julian-day";

export type Precision = "year" | "month" | "day";

/** One EDTF date (an interval's start or end, or the whole value). */
export interface EdtfPoint {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
  uncertain: boolean;
  approximate: boolean;
}

export interface Edtf {
  start: EdtfPoint;
  /** Absent for a single date. */
  end?: EdtfPoint;
}

/** The first and last day covered, as Julian Day Numbers (inclusive). */
export interface DaySpan {
  first: number;
  last: number;
}

export interface EdtfProblem {
  rule: "date-format" | "date-invalid" | "date-interval-order";
  message: string;
}

export type EdtfResult = { ok: true; edtf: Edtf; span: DaySpan } | { ok: false; problem: EdtfProblem };

const pointPattern = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

/** English month names, for messages and the English date labels. */
export const englishMonthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function parsePoint(text: string, calendar: Calendar): EdtfPoint | EdtfProblem {
  const match = pointPattern.exec(text);
  if (!match || match[1] === "-0000") {
    return {
      rule: "date-format",
      message: `"${text}" is not a supported EDTF date (use YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ? ~ or %)`,
    };
  }
  const [, yearText, monthText, dayText, qualifier] = match;
  const year = Number(yearText);
  const point: EdtfPoint = {
    year,
    precision: dayText ? "day" : monthText ? "month" : "year",
    uncertain: qualifier === "?" || qualifier === "%",
    approximate: qualifier === "~" || qualifier === "%",
  };
  if (monthText) {
    point.month = Number(monthText);
    if (point.month < 1 || point.month > 12) {
      return { rule: "date-invalid", message: `"${text}" has no month ${monthText} (months are 01–12)` };
    }
  }
  if (dayText) {
    point.day = Number(dayText);
    const length = daysInMonth(calendar, year, point.month as number);
    if (point.day < 1 || point.day > length) {
      return {
        rule: "date-invalid",
        message: `${text.replace(/[?~%]$/, "")} does not exist in the ${calendar} calendar (${englishMonthNames[(point.month as number) - 1]} ${year} has ${length} days)`,
      };
    }
  }
  return point;
}

/** The days one point covers in its calendar. */
export function pointSpan(point: EdtfPoint, calendar: Calendar): DaySpan {
  const firstMonth = point.month ?? 1;
  const lastMonth = point.month ?? 12;
  const first = toJulianDay(calendar, { year: point.year, month: firstMonth, day: point.day ?? 1 });
  const last = toJulianDay(calendar, {
    year: point.year,
    month: lastMonth,
    day: point.day ?? daysInMonth(calendar, point.year, lastMonth),
  });
  return { first, last };
}

/** Parses EDTF text as a date in `calendar`, checking that every day it names exists there. */
export function parseEdtf(text: string, calendar: Calendar): EdtfResult {
  const parts = text.split("/");
  if (parts.length > 2) {
    return { ok: false, problem: { rule: "date-format", message: `"${text}" has more than one "/"` } };
  }
  const points: EdtfPoint[] = [];
  for (const part of parts) {
    const point = parsePoint(part, calendar);
    if ("rule" in point) return { ok: false, problem: point };
    points.push(point);
  }
  const [start, end] = points;
  const startSpan = pointSpan(start, calendar);
  const endSpan = end ? pointSpan(end, calendar) : startSpan;
  if (endSpan.last < startSpan.first) {
    return {
      ok: false,
      problem: { rule: "date-interval-order", message: `interval ${text} ends before it starts` },
    };
  }
  return { ok: true, edtf: end ? { start, end } : { start }, span: { first: startSpan.first, last: endSpan.last } };
}

function qualifierOf(point: Pick<EdtfPoint, "uncertain" | "approximate">): string {
  if (point.uncertain && point.approximate) return "%";
  if (point.uncertain) return "?";
  if (point.approximate) return "~";
  return "";
}

function formatYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, "0")}` : String(year).padStart(4, "0");
}

/** The simplest EDTF text in `calendar` for a span of days: a year, a month, a day or an interval of days. */
export function formatSpan(span: DaySpan, calendar: Calendar, qualifiers = { uncertain: false, approximate: false }): string {
  const q = qualifierOf(qualifiers);
  const first = fromJulianDay(calendar, span.first);
  const last = fromJulianDay(calendar, span.last);
  if (span.first === span.last) return formatDay(first) + q;
  const wholeMonth =
    first.year === last.year && first.month === last.month && first.day === 1 && last.day === daysInMonth(calendar, last.year, last.month);
  if (wholeMonth) return `${formatYear(first.year)}-${String(first.month).padStart(2, "0")}${q}`;
  const wholeYear = first.year === last.year && first.month === 1 && first.day === 1 && last.month === 12 && last.day === 31;
  if (wholeYear) return formatYear(first.year) + q;
  return `${formatDay(first)}${q}/${formatDay(last)}${q}`;
}

/** The same days as `edtf` (read in `from`), written in the `to` calendar. */
export function convertEdtf(edtf: Edtf, from: Calendar, to: Calendar): string {
  if (!edtf.end) return formatSpan(pointSpan(edtf.start, from), to, edtf.start);
  const first = pointSpan(edtf.start, from).first;
  const last = pointSpan(edtf.end, from).last;
  return `${formatSpan({ first, last: first }, to, edtf.start)}/${formatSpan({ first: last, last }, to, edtf.end)}`;
}
