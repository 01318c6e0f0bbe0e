// Editorial quality: warnings, not errors (content:check --strict makes them errors). Each says where the
// problem is and what to do about it.
import { parseLocator } from "../citations/locator";
import { knownDay, parseEdtf, pointSpan, pointsOf } from "../dates/edtf";
import { isoGregorian, type ResolvedDate, resolveDate } from "../dates/historical-date";
import type { EventEntry } from "./collection";
import type { ParsedDocument, PathKey } from "./document";
import type { RuleIdOf } from "./rules";
import type { CollectionSettings } from "./schema";
import { editDistance } from "./similar";

export const maxSummaryLength = 300;

export interface EditorialSubject {
  entry: EventEntry;
  parsed: ParsedDocument;
  /** Reports at `path`; only a rule the catalogue declares a warning fits here. */
  warn: (path: readonly PathKey[], rule: RuleIdOf<"warning">, message: string) => void;
}

/** Names used in the collection, most-used first, with where each occurrence stands. */
function occurrences(subjects: EditorialSubject[], field: "people" | "places") {
  const found = new Map<string, { subject: EditorialSubject; index: number }[]>();
  for (const subject of subjects) {
    subject.entry[field].forEach((name, index) => {
      found.set(name, [...(found.get(name) ?? []), { subject, index }]);
    });
  }
  return [...found].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** Which kinds have records (people/, places/): their references are checked against those instead. */
export type RecordKinds = { people: boolean; places: boolean };

function similarNames(subjects: EditorialSubject[], recordKinds: RecordKinds) {
  for (const field of ["people", "places"] as const) {
    if (recordKinds[field]) continue;
    const names = occurrences(subjects, field);
    for (let i = 0; i < names.length; i += 1) {
      const [common, commonUses] = names[i];
      if (/\d/.test(common)) continue;
      for (const [rare, rareUses] of names.slice(i + 1)) {
        if (/\d/.test(rare)) continue;
        const distance = editDistance(common, rare);
        if (distance < 1 || distance > 2) continue;
        for (const { subject, index } of rareUses) {
          subject.warn(
            [field, index],
            "similar-name",
            `"${rare}" looks like "${common}" (in ${commonUses.length} event${commonUses.length === 1 ? "" : "s"}); spell one name one way so filters find every event`,
          );
        }
      }
    }
  }
}

/** Where a calendar switch comes from: the collection's settings, or the places of an event. */
export interface CalendarSwitches {
  /** The collection's last Julian day, if it sets one. */
  collection?: number;
  /** The last Julian days of an event's places (each its own, or its nearest container's), if any say. */
  ofEvent(entry: EventEntry): number[];
}

/**
 * The first and last day a date's written dates name, ignoring open ends (../1918-03 names March 1918 only),
 * and whether it goes on (1917-11-07/..): an ongoing Julian date runs past any switch.
 */
function namedDays(date: ResolvedDate): { first: number; last: number; ongoing: boolean } {
  const parsed = parseEdtf(date.edtf, date.calendar);
  if (!parsed.ok) return { first: date.firstDay, last: date.lastDay, ongoing: false }; // resolved, so parsed: not reached
  const spans = pointsOf(parsed.edtf).map((point) => pointSpan(point, date.calendar));
  const ongoing = parsed.edtf.kind === "interval" && parsed.edtf.end === "open";
  return {
    first: knownDay(date.firstDay) ?? Math.min(...spans.map((s) => s.first)),
    last: knownDay(date.lastDay) ?? Math.max(...spans.map((s) => s.last)),
    ongoing,
  };
}

function calendarSwitch(subjects: EditorialSubject[], switches: CalendarSwitches) {
  for (const { entry, parsed, warn } of subjects) {
    const ofPlaces = switches.ofEvent(entry);
    // A Julian date stands while any of its places still kept the Julian calendar; a Gregorian-only one once
    // any had left it.
    const julianUntil = ofPlaces.length > 0 ? Math.max(...ofPlaces) : switches.collection;
    const gregorianFrom = ofPlaces.length > 0 ? Math.min(...ofPlaces) : switches.collection;
    if (julianUntil === undefined || gregorianFrom === undefined) continue;
    const who = ofPlaces.length > 0 ? "its places" : "the collection";
    const switchDate = (lastJulianDay: number) => isoGregorian(lastJulianDay + 1);
    // A date is in the Julian calendar exactly when a julian value was written.
    const writtenJulian = entry.date.calendar === "julian";
    const writtenGregorian = parsed.writtenText(["date", "gregorian"]) !== undefined;
    const named = namedDays(entry.date);
    if (writtenJulian && named.first > julianUntil) {
      warn(
        ["date", "julian"],
        "calendar-switch",
        `dated in the Julian calendar, but ${who} switched to the Gregorian on ${switchDate(julianUntil)}; write the date as gregorian`,
      );
    } else if (writtenJulian && !writtenGregorian && (named.last > julianUntil || named.ongoing)) {
      // Every bound counts: an interval that starts before the switch may end after it.
      warn(
        ["date", "julian"],
        "calendar-switch",
        `ends in the Julian calendar after ${who} switched to the Gregorian on ${switchDate(julianUntil)}; give the Gregorian too, as sources after the switch date it: gregorian: ${entry.date.gregorian}`,
      );
    } else if (!writtenJulian && named.first <= gregorianFrom) {
      warn(
        ["date"],
        "calendar-switch",
        `dated only in the Gregorian calendar, but before ${switchDate(gregorianFrom)} ${who === "the collection" ? "the collection's sources use" : "its places used"} the Julian; add julian: ${entry.date.julian}`,
      );
    }
  }
}

export function editorialChecks(
  subjects: EditorialSubject[],
  settings: CollectionSettings | undefined,
  recordKinds: RecordKinds = { people: false, places: false },
  placeSwitches: CalendarSwitches["ofEvent"] = () => [],
) {
  for (const { entry, warn } of subjects) {
    if (entry.citations.length === 0) warn(["title"], "no-citation", "the event cites no source; add one under sources:");
    entry.citations.forEach((citation, index) => {
      if (citation.locator && !parseLocator(citation.locator).label) {
        warn(
          ["sources", index, "locator"],
          "locator-label",
          `locator "${citation.locator}" starts with no word the citation styles know (e.g. "s. 12", "rozdz. IV", "t. 2", "§ 3", "p. 12", "chap. 4"); it is printed as written after the reference`,
        );
      }
    });
    if (entry.summary && entry.summary.length > maxSummaryLength) {
      warn(
        ["summary"],
        "long-summary",
        `the summary has ${entry.summary.length} characters; keep it under ${maxSummaryLength} (one or two sentences)`,
      );
    }
  }
  similarNames(subjects, recordKinds);
  const until = settings?.julianCalendarUntil ? resolveDate(settings.julianCalendarUntil) : undefined;
  calendarSwitch(subjects, { collection: until?.ok ? knownDay(until.date.lastDay) : undefined, ofEvent: placeSwitches });
}
