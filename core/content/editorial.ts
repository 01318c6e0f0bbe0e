// Editorial quality: warnings, not errors (content:check --strict makes them errors). Each says where the
// problem is and what to do about it.
import { parseLocator } from "../citations/locator";
import { isoGregorian, resolveDate } from "../dates/historical-date";
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

function calendarSwitch(subjects: EditorialSubject[], lastJulianDay: number) {
  const switchDate = isoGregorian(lastJulianDay + 1);
  for (const { entry, parsed, warn } of subjects) {
    // A date is in the Julian calendar exactly when a julian value was written.
    const writtenJulian = entry.date.calendar === "julian";
    const writtenGregorian = parsed.writtenText(["date", "gregorian"]) !== undefined;
    if (writtenJulian && entry.date.firstDay > lastJulianDay) {
      warn(
        ["date", "julian"],
        "calendar-switch",
        `dated in the Julian calendar, but the collection switched to the Gregorian on ${switchDate}; write the date as gregorian`,
      );
    } else if (writtenJulian && !writtenGregorian && entry.date.lastDay > lastJulianDay) {
      // Every bound counts: an interval that starts before the switch may end after it.
      warn(
        ["date", "julian"],
        "calendar-switch",
        `ends in the Julian calendar after the collection switched to the Gregorian on ${switchDate}; give the Gregorian too, as sources after the switch date it: gregorian: ${entry.date.gregorian}`,
      );
    } else if (!writtenJulian && entry.date.firstDay <= lastJulianDay) {
      warn(
        ["date"],
        "calendar-switch",
        `dated only in the Gregorian calendar, but before ${switchDate} the collection's sources use the Julian; add julian: ${entry.date.julian}`,
      );
    }
  }
}

export function editorialChecks(
  subjects: EditorialSubject[],
  settings: CollectionSettings | undefined,
  recordKinds: RecordKinds = { people: false, places: false },
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
  if (settings?.julianCalendarUntil) {
    const until = resolveDate(settings.julianCalendarUntil);
    if (until.ok) calendarSwitch(subjects, until.date.lastDay);
  }
}
