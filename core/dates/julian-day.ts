// Exact conversion between the proleptic Julian and Gregorian calendars through Julian Day Numbers.
// Years are astronomical (year 0 = 1 BCE); every formula uses floor division, so it holds for all years.

export type Calendar = "julian" | "gregorian";

/** A calendar day: astronomical year, month 1–12, day 1–31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** `year` modulo `n`, never negative (years before 1 AD are zero and negative). */
const yearModulo = (year: number, n: number): number => ((year % n) + n) % n;

export function isLeapYear(calendar: Calendar, year: number): boolean {
  if (calendar === "julian") return yearModulo(year, 4) === 0;
  return yearModulo(year, 4) === 0 && (yearModulo(year, 100) !== 0 || yearModulo(year, 400) === 0);
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(calendar: Calendar, year: number, month: number): number {
  if (month === 2 && isLeapYear(calendar, year)) return 29;
  return monthLengths[month - 1];
}

/** The Julian Day Number of a day in the given calendar. */
export function toJulianDay(calendar: Calendar, { year, month, day }: CalendarDay): number {
  const a = floorDiv(14 - month, 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const base = day + floorDiv(153 * m + 2, 5) + 365 * y + floorDiv(y, 4);
  if (calendar === "julian") return base - 32083;
  return base - floorDiv(y, 100) + floorDiv(y, 400) - 32045;
}

/** The day in the given calendar that has this Julian Day Number. */
export function fromJulianDay(calendar: Calendar, julianDay: number): CalendarDay {
  let b = 0;
  let c: number;
  if (calendar === "gregorian") {
    const a = julianDay + 32044;
    b = floorDiv(4 * a + 3, 146097);
    c = a - floorDiv(146097 * b, 4);
  } else {
    c = julianDay + 32082;
  }
  const d = floorDiv(4 * c + 3, 1461);
  const e = c - floorDiv(1461 * d, 4);
  const m = floorDiv(5 * e + 2, 153);
  return {
    day: e - floorDiv(153 * m + 2, 5) + 1,
    month: m + 3 - 12 * floorDiv(m, 10),
    year: 100 * b + d - 4800 + floorDiv(m, 10),
  };
}

export function julianToGregorian(day: CalendarDay): CalendarDay {
  return fromJulianDay("gregorian", toJulianDay("julian", day));
}

export function gregorianToJulian(day: CalendarDay): CalendarDay {
  return fromJulianDay("julian", toJulianDay("gregorian", day));
}

/** A day as ISO 8601 text, with a sign and four or more digits for the year (astronomical numbering). */
export function formatDay({ year, month, day }: CalendarDay): string {
  const y = year < 0 ? `-${String(-year).padStart(4, "0")}` : String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
