// HistoricalDate: a date in both calendars, as written and as exact Gregorian days, with a human label.
import { knownDay } from "../core/dates/edtf";
import { isoGregorian, labelIn, type ResolvedDate } from "../core/dates/historical-date";
import { defaultLocale, type Locale } from "../core/locale/locales";
import { builder } from "./builder";
import { LocaleEnum } from "./locale";

export const CalendarEnum = builder.enumType("Calendar", {
  description: "A calendar. Russia used the Julian calendar (old style) until 31 January 1918.",
  values: {
    JULIAN: { value: "julian", description: "The Julian calendar (old style), proleptic before 45 BCE." },
    GREGORIAN: { value: "gregorian", description: "The Gregorian calendar (new style), proleptic before 1582." },
  } as const,
});

const PrecisionEnum = builder.enumType("DatePrecision", {
  description: "How precisely a date is known (of its start, for an interval).",
  values: {
    DAY: { value: "day", description: "To the day." },
    MONTH: { value: "month", description: "To the month." },
    YEAR: { value: "year", description: "To the year." },
  } as const,
});

/** A day number as an ISO 8601 Gregorian date, or null for an open end's stand-in (or no day). */
const isoDay = (day: number | undefined) => {
  const known = day === undefined ? undefined : knownDay(day);
  return known === undefined ? null : isoGregorian(known);
};

/** The days every reading covers, when some are certain; an open end (ongoing, or started before) as null. */
const certainDays = (d: ResolvedDate) =>
  d.certainFirstDay === undefined || d.certainLastDay === undefined
    ? { start: null, end: null }
    : { start: isoDay(d.certainFirstDay), end: isoDay(d.certainLastDay) };

export const HistoricalDate = builder.objectRef<ResolvedDate & { locale?: Locale }>("HistoricalDate").implement({
  description: "When something happened, exactly, in both the Julian and the Gregorian calendar.",
  fields: (t) => ({
    calendar: t.field({ type: CalendarEnum, description: "The calendar the date was written in.", resolve: (d) => d.calendar }),
    edtf: t.exposeString("edtf", { description: "The date as written, in EDTF (in `calendar`)." }),
    gregorian: t.exposeString("gregorian", { description: 'The same days in the Gregorian calendar, as EDTF (e.g. "1917-11-07").' }),
    julian: t.exposeString("julian", { description: 'The same days in the Julian calendar, as EDTF (e.g. "1917-10-25").' }),
    precision: t.field({ type: PrecisionEnum, description: "How precisely the date is known.", resolve: (d) => d.precision }),
    approximate: t.exposeBoolean("approximate", { description: "The date is approximate (EDTF `~` or `%`)." }),
    uncertain: t.exposeBoolean("uncertain", { description: "The date is uncertain (EDTF `?` or `%`)." }),
    unspecified: t.boolean({
      description: "Some digit is unspecified (EDTF `X`, e.g. `191X`, `1917-XX-XX`): the date is one of several years, months or days.",
      resolve: (d) => d.unspecified === true,
    }),
    earliest: t.string({
      nullable: true,
      description:
        'The first day it could be, as an ISO 8601 Gregorian date with an astronomical year (1 BCE is "0000", 2 BCE "-0001"): "1910-01-01" for `191X`, "1917-10-01" for `1917-10`, the first member\'s first day for a set. Null for an open or unknown start (`../1918-03`, `/1918`, `[..1917-10]`).',
      resolve: (d) => isoDay(d.firstDay),
    }),
    latest: t.string({
      nullable: true,
      description:
        'The last day it could be, as an ISO 8601 Gregorian date with an astronomical year: "1919-12-31" for `191X`, "1917-10-31" for `1917-10`, the last member\'s last day for a set. Null for an open or unknown end (`1917-10-25/..`, `1917/`, `[1917-10..]`).',
      resolve: (d) => isoDay(d.lastDay),
    }),
    certainStart: t.string({
      nullable: true,
      description:
        "The first of the days every reading of the date covers, as an ISO 8601 Gregorian date: for an interval, the latest its start could be (`1917-10/1918` is certain from 1917-10-31); for an all-of set, its first member's first day; a single day is certain. Null when no day is certain (a month or year alone, X digits, a one-of set) and for an open start (`../1918-03`), when certainEnd alone is given.",
      resolve: (d) => certainDays(d).start,
    }),
    certainEnd: t.string({
      nullable: true,
      description:
        "The last of the days every reading of the date covers, as an ISO 8601 Gregorian date: for an interval, the earliest its end could be (`1917/1918-03` is certain until 1918-03-01). Null when no day is certain, and for an ongoing interval (`1917-10-25/..`), when certainStart alone is given.",
      resolve: (d) => certainDays(d).end,
    }),
    start: t.string({
      nullable: true,
      deprecationReason: "Use `earliest`: the same value, null for an open start.",
      description: "The first day it could be, as an ISO 8601 Gregorian date (astronomical years); null for an open start.",
      resolve: (d) => isoDay(d.firstDay),
    }),
    end: t.string({
      nullable: true,
      deprecationReason: "Use `latest`: the same value, null for an open end.",
      description: "The last day it could be, as an ISO 8601 Gregorian date (astronomical years); null for an open end.",
      resolve: (d) => isoDay(d.lastDay),
    }),
    label: t.string({
      description: 'The date for people, e.g. "25 października (7 listopada) 1917": Julian dates show the Gregorian in parentheses.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Language of the label (default: the language the event is served in)." }) },
      resolve: (d, args) => labelIn(d, args.locale ?? d.locale ?? defaultLocale),
    }),
  }),
});
