// The EDTF Kronika reads (levels 0–2 of ISO 8601-2: days, months, years; unspecified digits such as 191X;
// qualifiers on the whole date or on one component; intervals with open or unknown ends; one-of and all-of
// sets), interpreted in a named calendar and resolved to the Julian Day Numbers it could cover.
import { type Calendar, daysInMonth, formatDay, fromJulianDay, toJulianDay } from "./julian-day";

export type Precision = "year" | "month" | "day";

/** One component of a date (year, month or day) as written: its digits (X for an unspecified one) and range. */
export interface DatePart {
  /** The digits as written, sign included for a year: "1917", "191X", "1X", "XX". */
  text: string;
  /** The smallest and largest value the digits allow (equal unless some are X). */
  low: number;
  high: number;
  uncertain: boolean;
  approximate: boolean;
}

/** One EDTF date: an interval's end, a set's member, or the whole value. */
export interface EdtfPoint {
  year: DatePart;
  month?: DatePart;
  day?: DatePart;
  precision: Precision;
  /** Some component is uncertain (`?` or `%`) / approximate (`~` or `%`). */
  uncertain: boolean;
  approximate: boolean;
  /** Some digit is unspecified (X). */
  unspecified: boolean;
}

/** An end of an interval: a date, an open end (`..`, it goes on) or an unknown one (empty). */
export type IntervalEnd = EdtfPoint | "open" | "unknown";

/** A member of a set: a date, or a run of dates (`a..b`), open at one side for the first or last member. */
export interface SetMember {
  from?: EdtfPoint;
  to?: EdtfPoint;
}

export type Edtf =
  | { kind: "date"; point: EdtfPoint }
  | { kind: "interval"; start: IntervalEnd; end: IntervalEnd }
  /** `[a, b]`: exactly one of the members; `{a, b}`: all of them. */
  | { kind: "set"; of: "one" | "all"; members: SetMember[] };

/** The first and last day covered, as Julian Day Numbers (inclusive). */
export interface DaySpan {
  first: number;
  last: number;
}

/** Stand-ins for an open end in day numbers, beyond any day Kronika can write (years −9999 to 9999). */
export const openStartDay = -5_000_000;
export const openEndDay = 9_000_000;

/** A day number, or undefined for an open end's stand-in. */
export const knownDay = (day: number): number | undefined => (day <= openStartDay || day >= openEndDay ? undefined : day);

/** What a date says about its days: where it could begin and end, which days it surely covers. */
export interface DateExtent {
  /** The first and last day it could be (openStartDay / openEndDay for an open end). */
  first: number;
  last: number;
  /** The days it could be, in order, when they are not one run (a one-of set with gaps). */
  possible?: DaySpan[];
  /** The days every reading covers: first and last, the last open (openEndDay) for an ongoing interval. */
  certain?: DaySpan;
}

export interface EdtfProblem {
  rule: "date-format" | "date-invalid" | "date-interval-order";
  message: string;
}

export type EdtfResult = { ok: true; edtf: Edtf; extent: DateExtent } | { ok: false; problem: EdtfProblem };

/** The most members a set may list. */
export const maxSetMembers = 20;

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

const formatHint =
  "use YYYY, YYYY-MM or YYYY-MM-DD (X for unknown digits, ? ~ % qualifiers), A/B for an interval (.. or empty for an open or unknown end), [A, B] for one of, {A, B} for all of";

const problem = (rule: EdtfProblem["rule"], message: string): EdtfProblem => ({ rule, message });
const isProblem = (value: unknown): value is EdtfProblem => typeof value === "object" && value !== null && "rule" in value;

// A component: an optional qualifier before it (it alone), its digits, an optional qualifier after it (it and
// every component before it).
const componentPattern = /^([?~%]?)(-?[0-9X]+)([?~%]?)$/;

const qualifierFlags = (q: string) => ({ uncertain: q === "?" || q === "%", approximate: q === "~" || q === "%" });

/** The range unspecified digits allow, or a problem: X only as the last digits, and within `limit`. */
function digitRange(text: string, name: string, limits: [number, number], whole: string): { low: number; high: number } | EdtfProblem {
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  if (/X[0-9]/.test(digits)) {
    return problem("date-format", `"${whole}": unspecified digits (X) stand for the last digits of the ${name}, e.g. 191X or 1917-1X`);
  }
  const smallest = Number(digits.replaceAll("X", "0"));
  const largest = Number(digits.replaceAll("X", "9"));
  const [low, high] = negative ? [-largest, -smallest] : [smallest, largest];
  const clamped = { low: Math.max(low, limits[0]), high: Math.min(high, limits[1]) };
  if (clamped.low > clamped.high || (!digits.includes("X") && (low < limits[0] || high > limits[1]))) {
    return problem("date-invalid", `"${whole}" has no ${name} ${text} (${name}s are ${String(limits[0]).padStart(2, "0")}–${limits[1]})`);
  }
  return clamped;
}

/** The first or last day a point allows, scanning its possible years and months (X digits), or undefined. */
/** A part's range, or the given one where the date leaves the part out. (Not a closure in `boundDay`: it runs for every date checked.) */
const pick = (part: DatePart | undefined, low: number, high: number): [number, number] => (part ? [part.low, part.high] : [low, high]);

function boundDay(point: EdtfPoint, calendar: Calendar, edge: "first" | "last"): number | undefined {
  const step = edge === "first" ? 1 : -1;
  const [yearLow, yearHigh] = pick(point.year, 0, 0);
  const [monthLow, monthHigh] = pick(point.month, 1, 12);
  // A day that exists in no month of one year exists in none (29 February aside): eight years settle it.
  const years = Math.min(yearHigh - yearLow, 8);
  for (let i = 0; i <= years; i += 1) {
    const year = edge === "first" ? yearLow + i : yearHigh - i;
    for (let m = edge === "first" ? monthLow : monthHigh; m >= monthLow && m <= monthHigh; m += step) {
      const length = daysInMonth(calendar, year, m);
      const [dayLow, dayHigh] = pick(point.day, 1, length);
      const day = edge === "first" ? dayLow : Math.min(dayHigh, length);
      if (day >= dayLow && day <= Math.min(dayHigh, length) && day >= 1) return toJulianDay(calendar, { year, month: m, day });
    }
  }
  return undefined;
}

function parsePoint(text: string, calendar: Calendar): EdtfPoint | EdtfProblem {
  const pieces = text.startsWith("-") || /^[?~%]-/.test(text) ? splitSigned(text) : text.split("-");
  if (pieces.length > 3 || pieces.some((p) => !componentPattern.test(p))) {
    return problem("date-format", `"${text}" is not a supported EDTF date (${formatHint})`);
  }
  const names = ["year", "month", "day"] as const;
  const widths = [4, 2, 2];
  const parts: DatePart[] = [];
  for (const [i, piece] of pieces.entries()) {
    const [, before, digits, after] = componentPattern.exec(piece) as RegExpExecArray;
    const unsigned = digits.replace(/^-/, "");
    if (unsigned.length !== widths[i] || (i > 0 && digits.startsWith("-"))) {
      return problem("date-format", `"${text}" is not a supported EDTF date (${formatHint})`);
    }
    const limits: [number, number] = i === 0 ? [-9999, 9999] : i === 1 ? [1, 12] : [1, 31];
    const range = digitRange(digits, names[i], limits, text);
    if (isProblem(range)) return range;
    const own = qualifierFlags(before);
    const leftward = qualifierFlags(after);
    parts.push({ text: digits, ...range, ...own });
    // A qualifier after a component applies to it and to every component before it.
    for (const part of parts) {
      part.uncertain ||= leftward.uncertain;
      part.approximate ||= leftward.approximate;
    }
  }
  if (parts[0].text === "-0000") return problem("date-format", `"${text}": year 0 is written 0000 (−0000 is not a year)`);
  const [year, month, day] = parts;
  // Unknown day digits in a known month stop at its last day: 1917-02-2X is 20–28 February.
  if (day && month && year.low === year.high && month.low === month.high) {
    day.high = Math.min(day.high, daysInMonth(calendar, year.low, month.low));
  }
  const point: EdtfPoint = {
    year,
    ...(month ? { month } : {}),
    ...(day ? { day } : {}),
    precision: day ? "day" : month ? "month" : "year",
    uncertain: parts.some((p) => p.uncertain),
    approximate: parts.some((p) => p.approximate),
    unspecified: parts.some((p) => p.text.includes("X")),
  };
  if (day && boundDay(point, calendar, "first") === undefined) {
    const monthName = month && month.low === month.high ? englishMonthNames[month.low - 1] : "that month";
    const length = month && month.low === month.high && year.low === year.high ? daysInMonth(calendar, year.low, month.low) : undefined;
    const plain = text.replace(/[?~%]/g, "");
    return problem(
      "date-invalid",
      length === undefined
        ? `${plain} does not exist in the ${calendar} calendar (no day ${day.text} in ${monthName})`
        : `${plain} does not exist in the ${calendar} calendar (${monthName} ${year.low} has ${length} days)`,
    );
  }
  return point;
}

/** "-0043-03-15" and "?-0043-03" into components, keeping the year's sign (and a qualifier before it). */
function splitSigned(text: string): string[] {
  const qualifier = /^[?~%]/.test(text) ? text[0] : "";
  const [, ...rest] = text.slice(qualifier.length).split("-");
  const [year, ...others] = rest;
  return [`${qualifier}-${year}`, ...others];
}

/** The days one point could be in its calendar (its first and last possible day). */
export function pointSpan(point: EdtfPoint, calendar: Calendar): DaySpan {
  return { first: boundDay(point, calendar, "first") as number, last: boundDay(point, calendar, "last") as number };
}

const endSpan = (end: IntervalEnd, calendar: Calendar) => (typeof end === "string" ? undefined : pointSpan(end, calendar));

function parseInterval(text: string, calendar: Calendar): EdtfResult {
  const [startText, endText] = text.split("/");
  const end = (written: string): IntervalEnd | EdtfProblem =>
    written === ".." ? "open" : written === "" ? "unknown" : parsePoint(written, calendar);
  const start = end(startText);
  const finish = end(endText);
  if (isProblem(start)) return { ok: false, problem: start };
  if (isProblem(finish)) return { ok: false, problem: finish };
  if (typeof start === "string" && typeof finish === "string") {
    return { ok: false, problem: problem("date-format", `"${text}" has no date at either end: give at least one`) };
  }
  const a = endSpan(start, calendar);
  const b = endSpan(finish, calendar);
  if (a && b && b.last < a.first) return { ok: false, problem: problem("date-interval-order", `interval ${text} ends before it starts`) };
  // Every reading covers the days from the start's last possible day to the end's first; an open end goes on.
  const certain =
    a && b
      ? a.last <= b.first
        ? { first: a.last, last: b.first }
        : undefined
      : a && finish === "open"
        ? { first: a.last, last: openEndDay }
        : b && start === "open"
          ? { first: openStartDay, last: b.first }
          : undefined;
  return {
    ok: true,
    edtf: { kind: "interval", start, end: finish },
    extent: { first: a?.first ?? openStartDay, last: b?.last ?? openEndDay, ...(certain ? { certain } : {}) },
  };
}

function parseSet(text: string, calendar: Calendar): EdtfResult {
  const of = text.startsWith("[") ? "one" : "all";
  const close = of === "one" ? "]" : "}";
  if (!text.endsWith(close))
    return { ok: false, problem: problem("date-format", `"${text}" opens a set but does not close it with ${close}`) };
  const written = text
    .slice(1, -1)
    .split(",")
    .map((m) => m.trim());
  if (written.length > maxSetMembers) {
    return { ok: false, problem: problem("date-format", `"${text.slice(0, 40)}…" lists more than ${maxSetMembers} dates`) };
  }
  const members: SetMember[] = [];
  const spans: DaySpan[] = [];
  for (const [i, memberText] of written.entries()) {
    const [fromText, toText, ...more] = memberText.split("..");
    const openBefore = fromText === "" && toText !== undefined;
    const openAfter = toText === "" && fromText !== "";
    if (
      memberText === "" ||
      more.length > 0 ||
      (openBefore && i > 0) ||
      (openAfter && i < written.length - 1) ||
      (openBefore && toText === "")
    ) {
      const reason =
        memberText === ""
          ? "has an empty member"
          : openBefore || openAfter
            ? `may be open ("..") only before its first date or after its last`
            : `has a member "${memberText}" that is neither a date nor a run of dates (A..B)`;
      return { ok: false, problem: problem("date-format", `"${text}" ${reason}`) };
    }
    const from = fromText === "" ? undefined : parsePoint(fromText, calendar);
    const to = toText === undefined ? from : toText === "" ? undefined : parsePoint(toText, calendar);
    if (isProblem(from)) return { ok: false, problem: from };
    if (isProblem(to)) return { ok: false, problem: to };
    const first = from ? pointSpan(from, calendar).first : openStartDay;
    const last = to ? pointSpan(to, calendar).last : openEndDay;
    if (last < first) return { ok: false, problem: problem("date-interval-order", `"${memberText}" in ${text} ends before it starts`) };
    members.push({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
    spans.push({ first, last });
  }
  const possible = mergeSpans(spans);
  const first = possible[0].first;
  const last = possible[possible.length - 1].last;
  const exactDay = possible.length === 1 && first === last;
  const certain = of === "all" || exactDay ? { first, last } : undefined;
  return {
    ok: true,
    edtf: { kind: "set", of, members },
    extent: { first, last, ...(possible.length > 1 ? { possible } : {}), ...(certain ? { certain } : {}) },
  };
}

/** Spans in order, with those that touch or overlap joined. */
export function mergeSpans(spans: DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const merged: DaySpan[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.first <= previous.last + 1) previous.last = Math.max(previous.last, span.last);
    else merged.push({ ...span });
  }
  return merged;
}

/** Parses EDTF text as a date in `calendar`, checking that every day it names exists there. */
export function parseEdtf(text: string, calendar: Calendar): EdtfResult {
  if (text.startsWith("[") || text.startsWith("{")) return parseSet(text, calendar);
  const slashes = text.split("/").length - 1;
  if (slashes > 1) return { ok: false, problem: problem("date-format", `"${text}" has more than one "/"`) };
  if (slashes === 1) return parseInterval(text, calendar);
  const point = parsePoint(text, calendar);
  if (isProblem(point)) return { ok: false, problem: point };
  const span = pointSpan(point, calendar);
  const exactDay = span.first === span.last;
  return { ok: true, edtf: { kind: "date", point }, extent: { ...span, ...(exactDay ? { certain: span } : {}) } };
}

/** The precision a value is written at: of its (first) date. */
export function precisionOf(edtf: Edtf): Precision {
  const point = pointsOf(edtf)[0];
  return point?.precision ?? "year";
}

/** Every date a value writes, in order. */
export function pointsOf(edtf: Edtf): EdtfPoint[] {
  if (edtf.kind === "date") return [edtf.point];
  if (edtf.kind === "interval") return [edtf.start, edtf.end].filter((end): end is EdtfPoint => typeof end !== "string");
  return edtf.members.flatMap(({ from, to }) => (from === to ? [from] : [from, to]).filter((p): p is EdtfPoint => p !== undefined));
}

/** Some date is uncertain / approximate / has unspecified digits. */
export function qualifiersOf(edtf: Edtf) {
  const points = pointsOf(edtf);
  return {
    uncertain: points.some((p) => p.uncertain),
    approximate: points.some((p) => p.approximate),
    unspecified: points.some((p) => p.unspecified),
  };
}

const trailingQualifier = (point: Pick<EdtfPoint, "uncertain" | "approximate">) =>
  point.uncertain && point.approximate ? "%" : point.uncertain ? "?" : point.approximate ? "~" : "";

function formatYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, "0")}` : String(year).padStart(4, "0");
}

/** The simplest EDTF text in `calendar` for a span of days: a year, a month, a day or an interval of days. */
export function formatSpan(span: DaySpan, calendar: Calendar, qualifiers = { uncertain: false, approximate: false }): string {
  const q = trailingQualifier(qualifiers);
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

/** A run of days as a set member: one day, or first..last, each end with its date's qualifiers. */
function formatRun(span: DaySpan, calendar: Calendar, start: EdtfPoint | undefined, end = start): string {
  const first = formatDay(fromJulianDay(calendar, span.first)) + (start ? trailingQualifier(start) : "");
  if (span.first === span.last && start === end) return first;
  return `${first}..${formatDay(fromJulianDay(calendar, span.last))}${end ? trailingQualifier(end) : ""}`;
}

/**
 * The same days as `edtf` (read in `from`), written in the `to` calendar. Days, months and years become the
 * exact days they cover; a day with unknown digits becomes the run of days it could be; ends and sets keep
 * their shape. Exact in the first and last possible day (and in every possible day of a set).
 */
export function convertEdtf(edtf: Edtf, from: Calendar, to: Calendar): string {
  if (edtf.kind === "date") {
    const { point } = edtf;
    const span = pointSpan(point, from);
    if (point.unspecified && point.precision === "day" && span.first !== span.last) return `[${formatRun(span, to, point)}]`;
    return formatSpan(span, to, point);
  }
  if (edtf.kind === "interval") {
    const end = (value: IntervalEnd, edge: "first" | "last") => {
      if (value === "open") return "..";
      if (value === "unknown") return "";
      const day = pointSpan(value, from)[edge];
      return formatSpan({ first: day, last: day }, to, value);
    };
    return `${end(edtf.start, "first")}/${end(edtf.end, "last")}`;
  }
  const members = edtf.members.map(({ from: a, to: b }) => {
    const first = a ? pointSpan(a, from).first : undefined;
    const last = b ? pointSpan(b, from).last : undefined;
    if (first === undefined) return `..${formatRun({ first: last as number, last: last as number }, to, b)}`;
    if (last === undefined) return `${formatRun({ first, last: first }, to, a)}..`;
    return formatRun({ first, last }, to, a, b);
  });
  return edtf.of === "one" ? `[${members.join(", ")}]` : `{${members.join(", ")}}`;
}
