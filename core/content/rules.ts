// Every rule a content diagnostic can name, declared once: its id, its severity and what it means. The
// checks report by id (a typo does not compile), and the documented rule table (docs/content-format.md) is printed from this list.

import { maxImageBytes, maxImagePixels } from "../media/media-limits";
import { maxItemBytes } from "../store/item-size";
import type { Severity } from "./diagnostic";
import { maxYamlAliases } from "./document";
import { maxSummaryLength } from "./editorial";
import { maxFileBytes, maxStoredBodyBytes, reservedItemBytes } from "./size-limits";

export interface RuleDeclaration {
  severity: Severity;
  /** What the rule finds, in one line, for the documented rule table. */
  summary: string;
  /** What an editor usually does about it, where the message alone does not say. */
  hint?: string;
  /** `sync`: found only by content:plan and content:sync, which build the table's items. Default `check`. */
  phase?: "check" | "sync";
}

const bytes = (n: number) => `${n / 1024} KiB (${n.toLocaleString("en")} bytes)`;

/** The catalogue, in the order the rule table lists it: files, then fields, dates, references, translations, editorial warnings. */
export const rules = {
  "content-folder": {
    severity: "error",
    summary: "the content folder given (by default `content/`) does not exist",
    hint: "pass the folder with `-- --content DIR`",
  },
  "yaml-syntax": {
    severity: "error",
    summary: `YAML that does not parse, or front matter that is not a map (a list \`[\`, map \`{\` or quoted text left open is reported where it opens); also aliases (\`*name\`) that expand to more than ${maxYamlAliases} values (a "billion laughs" bomb), reported at the first alias; a value starting with \`%\` (a date such as \`%1917\`), which YAML cannot read unquoted`,
    hint: 'for a value starting with `%`, put it in quotes: `"%1917"`',
  },
  "file-size": {
    severity: "error",
    summary: `a content file over ${bytes(maxFileBytes)}; it is not read at all`,
    hint: "split the event, or move long quotations into a source",
  },
  symlink: {
    severity: "error",
    summary:
      "a symbolic link anywhere under the content folder, to a file or a folder; links are never read, and the deploy copies only regular files",
    hint: "replace the link with the file itself",
  },
  "body-size": {
    severity: "error",
    summary: `an event whose bodies take more than ${bytes(maxStoredBodyBytes)} as stored: Markdown, HTML and plain text, in every language together. An event is one DynamoDB item of at most ${maxItemBytes / 1024} KiB; the other ${reservedItemBytes / 1024} KiB are kept for its fields and formatted citations`,
    hint: "shorten the body or split the event",
  },
  "unexpected-file": {
    severity: "warning",
    summary: "a file in `events/` or `sources/` that Kronika ignores",
    hint: "events are `.md`, sources `.yaml` or `.yml`; files starting with `.` are skipped silently",
  },
  "front-matter": {
    severity: "error",
    summary: "an event file that does not start with `---` front matter",
  },
  slug: {
    severity: "error",
    summary: "a file name that is not a slug",
    hint: "lowercase a–z, digits and single hyphens, e.g. `szturm-palacu-zimowego.md`",
  },
  "missing-field": {
    severity: "error",
    summary: "a required field that is missing",
  },
  "unknown-field": {
    severity: "error",
    summary: 'a field the format does not know, with a "did you mean" for a misspelled top-level key',
  },
  "wrong-type": {
    severity: "error",
    summary: "a field of the wrong type (e.g. a list where text belongs)",
  },
  "invalid-value": {
    severity: "error",
    summary:
      "a field whose value the format does not allow: empty text, a malformed slug, a date that is neither text nor a map, an unknown `locale`",
  },
  "csl-type": {
    severity: "error",
    summary: 'a source `type` that is not a CSL type (with a "did you mean")',
  },
  "coordinates-range": {
    severity: "error",
    summary: "a place's `coordinates` off the globe: `lat` outside -90…90 or `lon` outside -180…180 (WGS 84 decimal degrees)",
    hint: "a latitude over 90 usually means `lat` and `lon` are swapped",
  },
  "date-format": {
    severity: "error",
    summary:
      "a date that is not supported EDTF (docs/dates.md): `YYYY`, `YYYY-MM`, `YYYY-MM-DD` with X for unknown last digits and `?` `~` `%`; an interval `A/B` with `..` or nothing for an open or unknown end; a set `[A, B]` or `{A, B}` of at most 20 dates",
  },
  "date-invalid": {
    severity: "error",
    summary: "a day that does not exist in its calendar (`1917-02-30`, or a month 13)",
  },
  "date-missing": {
    severity: "error",
    summary: "a `date` map with neither `julian` nor `gregorian` (`date: {}`)",
  },
  "date-interval-order": {
    severity: "error",
    summary:
      "an interval that ends before it starts, a run of days in a set that does (`[1917-10-26..1917-10-25]`), or a place's historical name used `until` a day before it is used `from`",
  },
  "date-mismatch": {
    severity: "error",
    summary: "a Julian/Gregorian pair that disagrees on the days",
    hint: "the message gives the Gregorian date that matches the Julian one",
  },
  "date-qualifier-mismatch": {
    severity: "error",
    summary: "a Julian/Gregorian pair that disagrees on the qualifiers (`?` `~` `%`)",
  },
  "died-before-born": {
    severity: "error",
    summary: "a person whose `died` ends before `born` starts (compared as days, whatever calendars they are written in)",
  },
  "historical-name-overlap": {
    severity: "error",
    summary: "two of a place's `historicalNames` whose periods share a day (bounds are inclusive)",
    hint: "end one period the day before the next starts",
  },
  "unknown-source": {
    severity: "error",
    summary: "a citation of a source that is not in `sources/`",
  },
  "unknown-event": {
    severity: "error",
    summary: "a `related` link to an event that is not in `events/`",
  },
  "related-draft": {
    severity: "error",
    summary: "a published event's `related` link to a draft",
  },
  "related-self": {
    severity: "error",
    summary: "an event listed in its own `related`",
  },
  "unknown-person": {
    severity: "error",
    summary:
      'an event\'s `people` entry that is no slug, name or alias of a record in `people/` (with a "did you mean"); checked once `people/` holds a record',
  },
  "unknown-place": {
    severity: "error",
    summary:
      "an event's `places` entry, or a place's `within`, that names no record in `places/` (with a \"did you mean\"); checked once `places/` holds a record",
  },
  "ambiguous-reference": {
    severity: "error",
    summary: "an event's `people` or `places` entry that is a name or alias of two records; the message names both files",
    hint: "write the slug of the one meant",
  },
  "duplicate-name": {
    severity: "error",
    summary: "a name, alias or historical name (or file name) that two people, or two places, share; the message names the other file",
    hint: "rename one, or merge the two files",
  },
  "duplicate-wikidata": {
    severity: "error",
    summary: "two people, or two places, with the same `wikidata` item",
  },
  "within-cycle": {
    severity: "error",
    summary: "places whose `within` goes round in a circle (a place within itself, or A within B within A), reported at each place on it",
  },
  "image-type": {
    severity: "error",
    summary:
      "an image in `media/` whose bytes are not the format its extension says (a PNG named `.jpg`, HTML named `.svg`), or no image at all; JPEG, PNG, WebP, AVIF and SVG are read",
    hint: "save the image in the format its name says, or rename it",
  },
  "image-size": {
    severity: "error",
    summary: `an image over ${maxImageBytes / 1024 / 1024} MB (not read at all), or whose header declares more than ${maxImagePixels / 1_000_000} megapixels (a decompression bomb: small on disk, gigabytes decoded), or declares no size`,
    hint: "scale the image down: renditions are at most 2048 pixels wide",
  },
  "svg-unsafe": {
    severity: "error",
    summary:
      "an SVG that could run script or fetch from elsewhere: `<script>`, `<foreignObject>`, event handler attributes (`onload`), `javascript:` URLs, links and references outside the file (`href` not `#…`, `url(…)` not `url(#…)`, `@import`), DOCTYPE or ENTITY declarations; reported at its line",
    hint: 'export the SVG as a plain drawing (e.g. Inkscape\'s "Plain SVG"), with any text as text and no links',
  },
  "missing-sidecar": {
    severity: "error",
    summary: "an image in `media/` without its sidecar `media/<slug>.yaml` (alt text, credit and licence are required)",
  },
  "missing-image": {
    severity: "error",
    summary: "a sidecar in `media/` without its image, or with two images of the same name (`a.jpg` and `a.png`)",
  },
  "unknown-media": {
    severity: "error",
    summary: 'an event\'s `media` entry naming no image in `media/` (with a "did you mean")',
  },
  "unknown-translation": {
    severity: "error",
    summary: "a translation whose event does not exist",
  },
  "untranslatable-field": {
    severity: "error",
    summary: "a key in a translation that is not translatable, such as `date`",
    hint: "a translation gives only `title`, `summary`, `notes` and the body",
  },
  "default-locale-translation": {
    severity: "error",
    summary: "a translation into the collection's own language",
    hint: "edit the event itself",
  },
  "missing-translation": {
    severity: "warning",
    summary: "an event missing a translation for a language listed in `locales` of `collection.yaml`",
  },
  "no-citation": {
    severity: "warning",
    summary: "an event that cites no source",
  },
  "source-language": {
    severity: "warning",
    summary: "a source without `language`: styles take its title for English, and Chicago title-cases it",
    hint: "add e.g. `language: pl`",
  },
  "locator-label": {
    severity: "warning",
    summary: "a citation's `locator` that starts with no locator word the styles know (it is printed as written)",
    hint: 'start it with a word such as "s.", "rozdz.", "t.", "§", "p." or "chap."',
  },
  "long-summary": {
    severity: "warning",
    summary: `a summary over ${maxSummaryLength} characters`,
    hint: "one or two sentences",
  },
  "similar-name": {
    severity: "warning",
    summary:
      'two spellings 1–2 edits apart (e.g. "Kierenski" and "Kiereński"): of people or places in events, reported at the rarer, where the kind has no records; of the names and aliases of two records, reported at the later file. Names with digits are not compared',
    hint: "spell one name one way, so filters find every event; two records that are one person or place become one file",
  },
  "historical-name-gap": {
    severity: "warning",
    summary: "days between two of a place's `historicalNames`: on them the place goes by its `name`",
    hint: "close the gap if a historical name applies then",
  },
  "calendar-switch": {
    severity: "warning",
    summary:
      "a Julian date after the switch in `collection.yaml` (any bound of an interval: one that ends after the switch, or goes on (`1917-11-07/..`), gives the Gregorian too), or a Gregorian-only date before it; an open end is judged by the days it names (`../1920-05` is after the 1918 switch)",
  },
  "item-size": {
    severity: "error",
    phase: "sync",
    summary: `an item the sync would write that DynamoDB would refuse: over ${bytes(maxItemBytes)}, names and values counted as DynamoDB counts them (e.g. an event citing hundreds of places in one source). Every item is measured before the first write, so nothing is written`,
  },
} as const satisfies Record<string, RuleDeclaration>;

/** A rule's id, e.g. `unknown-field`: the `rule` of every diagnostic. */
export type RuleId = keyof typeof rules;

/** The ids of the rules of one severity, e.g. `RuleIdOf<"warning">`. */
export type RuleIdOf<S extends Severity> = { [Id in RuleId]: (typeof rules)[Id]["severity"] extends S ? Id : never }[RuleId];

/** The catalogue as a list, in its declared order. */
export const ruleCatalogue: (RuleDeclaration & { id: RuleId })[] = Object.entries(rules).map(([id, rule]) => ({
  id: id as RuleId,
  ...rule,
}));
