// Resolves a `date` as an editor wrote it (Gregorian EDTF text, or { julian, gregorian }) into both
// calendars, and proves that a written pair denotes exactly the same days.
import { convertEdtf, type DaySpan, type Edtf, type EdtfProblem, type Precision, parseEdtf } from "./edtf";
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
  /** First and last day covered, as Julian Day Numbers. */
  firstDay: number;
  lastDay: number;
}

export interface DateProblem {
  rule: EdtfProblem["rule"] | "date-mismatch" | "date-missing" | "date-qualifier-mismatch";
  message: string;
  /** Which key of the written pair the problem is in, if any. */
  key?: Calendar;
}

export type DateResult = { ok: true; date: ResolvedDate } | { ok: false; problems: DateProblem[] };

const sameSpan = (a: DaySpan, b: DaySpan) => a.first === b.first && a.last === b.last;

function qualifiers(edtf: Edtf) {
  const points = edtf.end ? [edtf.start, edtf.end] : [edtf.start];
  return {
    uncertain: points.some((p) => p.uncertain),
    approximate: points.some((p) => p.approximate),
  };
}

export function resolveDate(written: WrittenDate): DateResult {
  const pair = typeof written === "string" ? { gregorian: written } : written;
  const problems: DateProblem[] = [];
  const parsed: Partial<Record<Calendar, { text: string; edtf: Edtf; span: DaySpan }>> = {};
  for (const calendar of ["julian", "gregorian"] as const) {
    const text = pair[calendar];
    if (text === undefined) continue;
    const result = parseEdtf(text, calendar);
    if (result.ok) parsed[calendar] = { text, edtf: result.edtf, span: result.span };
    else problems.push({ ...result.problem, key: typeof written === "string" ? undefined : calendar });
  }
  if (pair.julian === undefined && pair.gregorian === undefined) {
    problems.push({ rule: "date-missing", message: "date needs a julian or a gregorian value (or both)" });
  }
  if (problems.length > 0) return { ok: false, problems };

  const { julian, gregorian } = parsed;
  if (julian && gregorian) {
    const expected = convertEdtf(julian.edtf, "julian", "gregorian");
    if (!sameSpan(julian.span, gregorian.span)) {
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
    const jq = qualifiers(julian.edtf);
    const gq = qualifiers(gregorian.edtf);
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
  return {
    ok: true,
    date: {
      calendar: primaryCalendar,
      edtf: primary.text,
      julian: julian?.text ?? convertEdtf(primary.edtf, primaryCalendar, "julian"),
      gregorian: gregorian?.text ?? convertEdtf(primary.edtf, primaryCalendar, "gregorian"),
      precision: primary.edtf.start.precision,
      ...qualifiers(primary.edtf),
      firstDay: primary.span.first,
      lastDay: primary.span.last,
    },
  };
}

/** A Julian Day Number as an ISO 8601 Gregorian day. */
export function isoGregorian(julianDay: number): string {
  return formatDay(fromJulianDay("gregorian", julianDay));
}
