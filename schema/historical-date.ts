// HistoricalDate: a date in both calendars, as written and as exact Gregorian days, with a human label.
import { isoGregorian, type ResolvedDate } from "../core/dates/historical-date";
import { dateLabel } from "../core/dates/label";
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
    start: t.string({
      description: "The first day covered, as an ISO 8601 Gregorian date (astronomical years).",
      resolve: (d) => isoGregorian(d.firstDay),
    }),
    end: t.string({
      description: "The last day covered, as an ISO 8601 Gregorian date (astronomical years).",
      resolve: (d) => isoGregorian(d.lastDay),
    }),
    label: t.string({
      description: 'The date for people, e.g. "25 października (7 listopada) 1917": Julian dates show the Gregorian in parentheses.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Language of the label (default: the language the event is served in)." }) },
      resolve: (d, args) => dateLabel(d, args.locale ?? d.locale ?? defaultLocale),
    }),
  }),
});
