// Human labels for a resolved date, in each supported language, showing both calendars for Julian dates:
// "25 października (7 listopada) 1917", "24 lub 25 października (6 lub 7 listopada) 1917", "lata 10. XX wieku",
// "od 25 października 1917", "październik 1917 lub wcześniej".
import { defaultLocale, type Locale, supportedLocales } from "../locale/locales";
import { type DatePart, type Edtf, type EdtfPoint, englishMonthNames, type IntervalEnd, parseEdtf, type SetMember } from "./edtf";
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
  /** Joining the last of several dates that are each possible ("24 lub 25"), and that all hold ("24 i 26"). */
  or: string;
  and: string;
  /** Years with one unspecified digit (the first year given, e.g. 1910 for 191X): "lata 10. XX wieku". */
  decade: (firstYear: number) => string;
  /** A run of years, any one of them: "lata 1900–1999". */
  someYear: (from: string, to: string) => string;
  /** A month not known ("a month in 1917"), a day not known in a month or a year, a day among a few. */
  someMonth: (year: string) => string;
  someDayOfMonth: (genitiveMonth: string) => string;
  someDayOfYear: (year: string) => string;
  someDayBetween: (first: number, last: number, genitiveMonth: string) => string;
  /** A month among several: "a month from January to September". */
  someMonthBetween: (first: string, last: string) => string;
  /** Interval ends: "od …", "do …", an end or start not known. */
  from: (label: string) => string;
  until: (label: string) => string;
  endUnknown: string;
  startUnknown: string;
  /** One of a set open at one side: "październik 1917 lub wcześniej". */
  orEarlier: (label: string) => string;
  orLater: (label: string) => string;
}

const romanNumerals: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let rest = n;
  let text = "";
  for (const [value, numeral] of romanNumerals) {
    while (rest >= value) {
      text += numeral;
      rest -= value;
    }
  }
  return text;
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
    or: "lub",
    and: "i",
    // Polish names a decade by its tens within the century: 1910–1919 are "lata 10. XX wieku".
    decade: (first) =>
      first % 100 === 0 || first <= 0 ? `lata ${first}–${first + 9}` : `lata ${first % 100}. ${roman(Math.floor(first / 100) + 1)} wieku`,
    someYear: (from, to) => `lata ${from}–${to}`,
    someMonth: (year) => `nieznany miesiąc roku ${year}`,
    someDayOfMonth: (month) => `nieznany dzień ${month}`,
    someDayOfYear: (year) => `nieznany dzień roku ${year}`,
    someDayBetween: (first, last, month) => `jeden z dni ${first}–${last} ${month}`,
    someMonthBetween: (first, last) => `jeden z miesięcy ${first}–${last}`,
    from: (label) => `od ${label}`,
    until: (label) => `do ${label}`,
    endUnknown: "koniec nieznany",
    startUnknown: "początek nieznany",
    orEarlier: (label) => `${label} lub wcześniej`,
    orLater: (label) => `${label} lub później`,
  },
  en: {
    months: {
      nominative: englishMonthNames,
      genitive: englishMonthNames,
    },
    approximately: "c. ",
    beforeChrist: "BC",
    or: "or",
    and: "and",
    decade: (first) => (first <= 0 ? `${first}–${first + 9}` : `the ${first}s`),
    someYear: (from, to) => `a year from ${from} to ${to}`,
    someMonth: (year) => `a month in ${year}`,
    someDayOfMonth: (month) => `a day in ${month}`,
    someDayOfYear: (year) => `a day in ${year}`,
    someDayBetween: (first, last, month) => `a day from ${first} to ${last} ${month}`,
    someMonthBetween: (first, last) => `a month from ${first} to ${last}`,
    from: (label) => `from ${label}`,
    until: (label) => `until ${label}`,
    endUnknown: "end unknown",
    startUnknown: "start unknown",
    orEarlier: (label) => `${label} or earlier`,
    orLater: (label) => `${label} or later`,
  },
};

function yearLabel(year: number, locale: Locale): string {
  if (year > 0) return String(year);
  return `${1 - year} ${labelWords[locale].beforeChrist}`;
}

const known = (part: DatePart | undefined): boolean => part !== undefined && part.low === part.high;

/** "A, B lub C": the last joined by `word`. */
function listed(items: string[], word: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

/** Words around a whole date: "od …", "… lub wcześniej". */
type Frame = "from" | "fromEndUnknown" | "until" | "untilStartUnknown" | "orEarlier" | "orLater";

function framed(frame: Frame | undefined, text: string, locale: Locale): string {
  const words = labelWords[locale];
  switch (frame) {
    case undefined:
      return text;
    case "from":
      return words.from(text);
    case "fromEndUnknown":
      return `${words.from(text)} (${words.endUnknown})`;
    case "until":
      return words.until(text);
    case "untilStartUnknown":
      return `${words.until(text)} (${words.startUnknown})`;
    case "orEarlier":
      return words.orEarlier(text);
    case "orLater":
      return words.orLater(text);
  }
}

/** A label of one date or several, with the part before its year when everything lies in one known year. */
interface Label {
  /** The label without its year and frame ("25 października"), when it names one year. */
  withinYear?: string;
  year?: number;
  /** Words around the whole label, kept apart so that a Julian label and its Gregorian share them. */
  frame?: Frame;
  full: string;
}

/** The label in a frame: "od 25 października 1917". */
function inFrame(label: Label, frame: Frame, locale: Locale): Label {
  return { ...label, frame, full: framed(frame, label.full, locale) };
}

function joinYear(body: string, year: number, locale: Locale): string {
  return body ? `${body} ${yearLabel(year, locale)}` : yearLabel(year, locale);
}

/** The year of a point as words: "1917", "lata 10. XX wieku", "lata 1900–1999". */
function yearWords(year: DatePart, locale: Locale): string {
  const words = labelWords[locale];
  if (known(year)) return yearLabel(year.low, locale);
  if (year.high - year.low === 9 && year.low % 10 === 0) return words.decade(year.low);
  if (year.high <= 0) return `${words.someYear(String(1 - year.low), String(1 - year.high))} ${words.beforeChrist}`;
  return words.someYear(yearLabel(year.low, locale), yearLabel(year.high, locale));
}

/** A point's day and month ("25 października", "październik"), or undefined when they are not both known. */
function dayAndMonth(point: EdtfPoint, locale: Locale, monthCase: MonthCase): string | undefined {
  const { months } = labelWords[locale];
  const { month, day } = point;
  if (!month) return "";
  if (!known(month)) return undefined;
  if (!day) return months[monthCase][month.low - 1];
  if (known(day)) return `${day.low} ${months.genitive[month.low - 1]}`;
  return undefined;
}

/** How a month alone is named: "październik 1917", or after "od"/"do", "października 1917". */
type MonthCase = "nominative" | "genitive";

/** The label of one date, its qualifiers shown: "ok." before an approximate date, "?" after an uncertain part. */
function pointLabel(point: EdtfPoint, locale: Locale, monthCase: MonthCase = "nominative"): Label {
  const words = labelWords[locale];
  const approximately = point.approximate ? words.approximately : "";
  const parts = [point.year, point.month, point.day].filter((p): p is DatePart => p !== undefined);
  const wholly = parts.every((p) => p.uncertain);
  const mark = (text: string, uncertain: boolean) => (uncertain && !wholly ? `${text}?` : text);
  const finish = (text: string) => `${approximately}${text}${wholly ? "?" : ""}`;
  const { year, month, day } = point;
  const monthDayUncertain = (month?.uncertain ?? false) || (day?.uncertain ?? false);
  if (!known(year)) {
    // A year not known to the digit: the days within it do not read well after it, so it stands alone.
    const body = dayAndMonth(point, locale, monthCase);
    const years = mark(yearWords(year, locale), year.uncertain);
    return { full: finish(body ? `${mark(body, monthDayUncertain)}, ${years}` : years) };
  }
  const yearText = mark(yearLabel(year.low, locale), year.uncertain);
  const withYear = (body: string) => ({ withinYear: finish(body), year: year.low, full: finish(`${body} ${yearText}`) });
  const body = dayAndMonth(point, locale, monthCase);
  if (body !== undefined) {
    if (body === "") return { year: year.low, full: finish(yearText) };
    return withYear(mark(body, monthDayUncertain));
  }
  if (month && known(month) && day) {
    const genitive = words.months.genitive[month.low - 1];
    const days = day.high - day.low >= 27 ? words.someDayOfMonth(genitive) : words.someDayBetween(day.low, day.high, genitive);
    return withYear(mark(days, monthDayUncertain));
  }
  if (day) return { full: finish(words.someDayOfYear(yearText)) };
  const months = month as DatePart;
  if (months.low === 1 && months.high === 12) return { full: finish(words.someMonth(yearText)) };
  const names = words.months.nominative.slice(months.low - 1, months.high);
  const some = names.length <= 3 ? listed(names, words.or) : words.someMonthBetween(names[0], names[names.length - 1]);
  return withYear(mark(some, monthDayUncertain));
}

/** Two labels joined as a run ("25–26 października 1917", "30 października – 2 listopada 1917"). */
function runLabel(first: EdtfPoint, last: EdtfPoint, locale: Locale): Label {
  const a = pointLabel(first, locale);
  const b = pointLabel(last, locale);
  if (a.year !== undefined && a.year === b.year && a.withinYear !== undefined && b.withinYear !== undefined) {
    const plain = !first.approximate && !first.uncertain && !last.approximate && !last.uncertain;
    const sameMonth = first.month?.low === last.month?.low && known(first.day) && known(last.day);
    const body = plain && sameMonth ? `${first.day?.low}–${b.withinYear}` : `${a.withinYear} – ${b.withinYear}`;
    return { withinYear: body, year: a.year, full: joinYear(body, a.year, locale) };
  }
  return { full: `${a.full} – ${b.full}` };
}

function intervalLabel(start: IntervalEnd, end: IntervalEnd, locale: Locale): Label {
  if (typeof start !== "string" && typeof end !== "string") return runLabel(start, end, locale);
  if (typeof start !== "string") return inFrame(pointLabel(start, locale, "genitive"), end === "open" ? "from" : "fromEndUnknown", locale);
  return inFrame(pointLabel(end as EdtfPoint, locale, "genitive"), start === "open" ? "until" : "untilStartUnknown", locale);
}

function memberLabel({ from, to }: SetMember, locale: Locale): Label {
  if (from && to) return from === to ? pointLabel(from, locale) : runLabel(from, to, locale);
  if (to) return inFrame(pointLabel(to, locale), "orEarlier", locale);
  return inFrame(pointLabel(from as EdtfPoint, locale), "orLater", locale);
}

/** Several dates: one of them ("24 lub 25 października 1917") or all ("24 i 26 października 1917"). */
function setLabel(of: "one" | "all", members: SetMember[], locale: Locale): Label {
  const word = of === "one" ? labelWords[locale].or : labelWords[locale].and;
  const labels = members.map((m) => memberLabel(m, locale));
  if (labels.length === 1) return labels[0];
  const year = labels[0].year;
  const oneYear = year !== undefined && labels.every((l) => l.year === year && l.withinYear !== undefined && l.frame === undefined);
  if (!oneYear)
    return {
      full: listed(
        labels.map((l) => l.full),
        word,
      ),
    };
  const bodies = labels.map((l) => l.withinYear as string);
  // Days of one month name the month once: "24 lub 25 października".
  const months = members.map((m) => (m.from === m.to && known(m.from?.day) ? m.from?.month?.low : undefined));
  const oneMonth =
    months.every((m) => m !== undefined && m === months[0]) && members.every((m) => !m.from?.approximate && !m.from?.uncertain);
  const body = oneMonth
    ? `${listed(
        members.map((m) => String(m.from?.day?.low)),
        word,
      )} ${labelWords[locale].months.genitive[(months[0] as number) - 1]}`
    : listed(bodies, word);
  return { withinYear: body, year, full: joinYear(body, year, locale) };
}

/** A calendar's EDTF text, parsed once for every language's label (a text that does not parse stays as written). */
type ParsedText = { text: string; edtf?: Edtf };

function parsedText(text: string, calendar: Calendar): ParsedText {
  const parsed = parseEdtf(text, calendar);
  return parsed.ok ? { text, edtf: parsed.edtf } : { text };
}

function labelOf({ text, edtf }: ParsedText, locale: Locale): Label {
  if (!edtf) return { full: text };
  if (edtf.kind === "date") return pointLabel(edtf.point, locale);
  if (edtf.kind === "interval") return intervalLabel(edtf.start, edtf.end, locale);
  return setLabel(edtf.of, edtf.members, locale);
}

/** What a label is made of: the date in both calendars, and the one it was written in. */
type LabelledDate = Pick<ResolvedDate, "calendar" | "julian" | "gregorian">;

/** The date's label in every supported language. */
export function dateLabels(date: LabelledDate): Record<Locale, string> {
  const gregorian = parsedText(date.gregorian, "gregorian");
  const julian = date.calendar === "julian" ? parsedText(date.julian, "julian") : undefined;
  return Object.fromEntries(supportedLocales.map((locale) => [locale, composedLabel(gregorian, julian, locale)])) as Record<Locale, string>;
}

/** The date with its labels, as the store keeps it (ResolvedDate.labels). */
export const labelled = (date: ResolvedDate): ResolvedDate => ({ ...date, labels: dateLabels(date) });

/** The date for people: in the written calendar, with the Gregorian counterpart in parentheses for Julian dates. */
export function dateLabel(date: LabelledDate, locale: Locale = defaultLocale): string {
  const julian = date.calendar === "julian" ? parsedText(date.julian, "julian") : undefined;
  return composedLabel(parsedText(date.gregorian, "gregorian"), julian, locale);
}

function composedLabel(gregorianText: ParsedText, julianText: ParsedText | undefined, locale: Locale): string {
  const gregorian = labelOf(gregorianText, locale);
  if (!julianText) return gregorian.full;
  const julian = labelOf(julianText, locale);
  if (
    julian.withinYear !== undefined &&
    gregorian.withinYear !== undefined &&
    julian.year === gregorian.year &&
    julian.frame === gregorian.frame
  ) {
    return framed(julian.frame, `${julian.withinYear} (${gregorian.withinYear}) ${yearLabel(julian.year as number, locale)}`, locale);
  }
  return `${julian.full} (${gregorian.full})`;
}
