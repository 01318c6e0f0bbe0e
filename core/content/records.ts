// People and places, one file at a time: their fields through the schema, their dates resolved in both
// calendars, and what a single record can get wrong on its own (a death before the birth, coordinates off
// the globe, historical names whose periods overlap or leave gaps).
import { knownDay } from "../dates/edtf";
import { isoGregorian } from "../dates/historical-date";
import type { HistoricalName, Names, PersonEntry, PlaceEntry } from "./collection";
import type { ParsedDocument, PathKey } from "./document";
import { checkFields, describePath, type Report } from "./fields";
import { coordinateBounds, personSchema, placeSchema } from "./schema";

/** A map keyed by language, with no prototype: the keys come from the content. */
const namesOf = (names: Record<string, string> | undefined): Names => Object.assign(Object.create(null), names ?? {});

export function checkPerson(slug: string, parsed: ParsedDocument, report: Report): PersonEntry | undefined {
  const checked = checkFields(personSchema, parsed, report, [["born"], ["died"]]);
  if (!checked) return undefined;
  const { fields, dates } = checked;
  const born = dates.get("born");
  const died = dates.get("died");
  if (born && died && died.lastDay < born.firstDay) {
    report(
      ["died"],
      "died-before-born",
      `died ${isoGregorian(died.lastDay)} is before born ${isoGregorian(born.firstDay)} (both in the Gregorian calendar)`,
    );
    return undefined;
  }
  return {
    slug,
    name: fields.name,
    names: namesOf(fields.names),
    aliases: fields.aliases,
    ...(born ? { born } : {}),
    ...(died ? { died } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    ...(fields.wikidata ? { wikidata: fields.wikidata } : {}),
  };
}

function checkCoordinates(coordinates: { lat: number; lon: number }, report: Report): boolean {
  let ok = true;
  for (const axis of ["lat", "lon"] as const) {
    const bound = coordinateBounds[axis];
    if (Math.abs(coordinates[axis]) > bound || !Number.isFinite(coordinates[axis])) {
      report(
        ["coordinates", axis],
        "coordinates-range",
        `${axis} ${coordinates[axis]} is off the globe: WGS 84 ${axis === "lat" ? "latitude" : "longitude"} lies between -${bound} and ${bound}${axis === "lat" ? " (are lat and lon swapped?)" : ""}`,
      );
      ok = false;
    }
  }
  return ok;
}

/** `{ [key]: day }`, or nothing for an open end's stand-in. */
const optionalDay = <K extends string>(key: K, day: number) => {
  const known = knownDay(day);
  return known === undefined ? {} : ({ [key]: known } as Record<K, number>);
};

const periodText = ({ firstDay, lastDay }: HistoricalName) =>
  `${firstDay === undefined ? "" : isoGregorian(firstDay)}–${lastDay === undefined ? "" : isoGregorian(lastDay)}`;

/**
 * Orders the names by period and reports any two whose periods overlap (an error: on those days the place
 * would have two names) or leave days between them (a warning: on those days it is called by its `name`).
 */
function checkPeriods(names: { entry: HistoricalName; index: number }[], placeName: string, report: Report): boolean {
  const start = (n: HistoricalName) => n.firstDay ?? Number.NEGATIVE_INFINITY;
  const sorted = [...names].sort((a, b) => start(a.entry) - start(b.entry) || a.index - b.index);
  let ok = true;
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1].entry;
    const { entry, index } = sorted[i];
    const previousEnd = previous.lastDay ?? Number.POSITIVE_INFINITY;
    const at: PathKey[] = ["historicalNames", index, entry.from ? "from" : "name"];
    const between = `"${previous.name}" (${periodText(previous)}) and "${entry.name}" (${periodText(entry)})`;
    if (start(entry) <= previousEnd) {
      report(
        at,
        "historical-name-overlap",
        `the periods of ${between} overlap, in Gregorian dates; bounds are inclusive: end one the day before the next starts`,
      );
      ok = false;
    } else if (start(entry) > previousEnd + 1) {
      const gap = `${isoGregorian(previousEnd + 1)}${start(entry) - previousEnd > 2 ? `–${isoGregorian(start(entry) - 1)}` : ""}`;
      report(
        at,
        "historical-name-gap",
        `a gap between ${between}, in Gregorian dates: on ${gap} the place is called "${placeName}"; if a name applies then, close the gap`,
      );
    }
  }
  return ok;
}

export function checkPlace(slug: string, parsed: ParsedDocument, report: Report): PlaceEntry | undefined {
  const data = parsed.data as Record<string, unknown>;
  const written = Array.isArray(data.historicalNames) ? data.historicalNames.length : 0;
  const datePaths = Array.from({ length: written }, (_, i) => ["from", "until"].map((bound) => ["historicalNames", i, bound])).flat();
  const checked = checkFields(placeSchema, parsed, report, [...datePaths, ["julianCalendarUntil"]]);
  if (!checked) return undefined;
  const { fields, dates } = checked;
  let ok = fields.coordinates ? checkCoordinates(fields.coordinates, report) : true;
  const historicalNames = fields.historicalNames.map((written, index) => {
    const { name, from: _from, until: _until, ...translations } = written;
    const from = dates.get(describePath(["historicalNames", index, "from"]));
    const until = dates.get(describePath(["historicalNames", index, "until"]));
    const entry: HistoricalName = {
      name,
      names: namesOf(translations as Record<string, string>),
      // An open end (from: ../1703, until: 1924/..) leaves the period open on that side, as no bound does.
      ...(from ? { from, ...optionalDay("firstDay", from.firstDay) } : {}),
      ...(until ? { until, ...optionalDay("lastDay", until.lastDay) } : {}),
    };
    if (from && until && until.lastDay < from.firstDay) {
      report(
        ["historicalNames", index, "until"],
        "date-interval-order",
        `"${name}" is used until ${isoGregorian(until.lastDay)}, before it is used from ${isoGregorian(from.firstDay)} (Gregorian)`,
      );
      ok = false;
    }
    return { entry, index };
  });
  if (ok) ok = checkPeriods(historicalNames, fields.name, report);
  if (!ok) return undefined;
  const start = (n: HistoricalName) => n.firstDay ?? Number.NEGATIVE_INFINITY;
  return {
    slug,
    name: fields.name,
    names: namesOf(fields.names),
    historicalNames: historicalNames.map((n) => n.entry).sort((a, b) => start(a) - start(b)),
    aliases: fields.aliases,
    ...(fields.coordinates ? { coordinates: { lat: fields.coordinates.lat, lon: fields.coordinates.lon } } : {}),
    ...(fields.within ? { within: fields.within } : {}),
    ...(dates.get("julianCalendarUntil") ? { julianCalendarUntil: dates.get("julianCalendarUntil") } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    ...(fields.wikidata ? { wikidata: fields.wikidata } : {}),
  };
}
