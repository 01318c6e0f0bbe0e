// Anniversaries: the events on a day of the year, in either calendar, in any year.
import { anniversaryKey, maxAnniversarySpan } from "../core/dates/anniversary";
import type { Calendar } from "../core/dates/julian-day";
import { builder } from "./builder";
import { EventConnection, localizedPage } from "./event";
import { CalendarEnum } from "./historical-date";
import { LocaleEnum } from "./locale";
import { servedLocale } from "./localize";
import { connection, pageRequest } from "./pagination";
import { badUserInput } from "./user-error";

/** The most days a month has in either calendar (February 29 included). */
const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

builder.queryField("onThisDay", (t) =>
  t.field({
    type: EventConnection,
    description: `Anniversaries: the events whose date, known to the day, falls on this month and day in \`calendar\` (default GREGORIAN), in any year, oldest first. An interval counts on each of its days, or (longer than ${maxAnniversarySpan} days) on its first and last. onThisDay(month: 11, day: 7) and onThisDay(month: 10, day: 25, calendar: JULIAN) both find the storming of the Winter Palace.`,
    args: {
      ...t.arg.connectionArgs(),
      month: t.arg.int({ required: true, description: "The month, 1–12." }),
      day: t.arg.int({ required: true, description: "The day of the month, 1–31 (as the month has)." }),
      calendar: t.arg({
        type: CalendarEnum,
        defaultValue: "gregorian",
        description: "The calendar of `month` and `day` (default GREGORIAN).",
      }),
      locale: t.arg({ type: LocaleEnum, description: "Language of the texts (default: Accept-Language, else the collection's)." }),
    },
    resolve: async (_root, args, context) => {
      if (!Number.isInteger(args.month) || args.month < 1 || args.month > 12)
        throw badUserInput(`month must be 1–12, got ${args.month}`, "month");
      const most = monthDays[args.month - 1];
      if (!Number.isInteger(args.day) || args.day < 1 || args.day > most) {
        throw badUserInput(`day must be 1–${most} in month ${args.month}, got ${args.day}`, "day");
      }
      const filter = { onDay: anniversaryKey((args.calendar ?? "gregorian") as Calendar, args.month, args.day) };
      const { requested, defaultLocale } = await servedLocale(args.locale, context);
      return connection(
        pageRequest(args),
        (page) => localizedPage(context.store.listEvents(filter, page), requested, defaultLocale),
        () => context.store.countEvents(filter),
      );
    },
  }),
);
