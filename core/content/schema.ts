// The editors' contract, declared once: these schemas drive content:check and the TypeScript types.
import { z } from "zod";
import { defaultLocale, supportedLocales } from "../locale/locales";
import { maxMediaPerEvent } from "../media/media-limits";
import { cslDateVariables, cslNameVariables, cslTextVariables, cslTypes } from "./csl";
import { maxCitationsPerEvent, maxPeoplePerEvent, maxPlacesPerEvent, maxRelatedPerEvent } from "./list-limits";
import { slugPattern } from "./slug";

const slug = z.string().regex(slugPattern, { error: "must be a slug: lowercase letters a–z, digits and single hyphens" });
const text = z.string().trim().min(1, { error: "must not be empty" });
/** Marks the EDTF text in the generated JSON Schema, where YAML's readings of it are allowed too (json-schema.ts). */
export const edtfMarker = "x-kronika-edtf";
const edtfText = z
  .string()
  .meta({ [edtfMarker]: true })
  .describe(
    "An EDTF date (docs/dates.md): YYYY, YYYY-MM or YYYY-MM-DD; X for unknown digits (191X, 1917-10-XX); ? ~ % qualifiers; A/B an interval, .. an open end (1917-10-25/..), empty an unknown one; [A, B] one of, [..A] on or before; {A, B} all of.",
  );

export const writtenDateSchema = z
  .union(
    [
      edtfText,
      z.strictObject({
        julian: edtfText.optional().describe("The date in the Julian calendar (old style), as EDTF."),
        gregorian: edtfText.optional().describe("The date in the Gregorian calendar (new style), as EDTF."),
      }),
    ],
    { error: "date must be EDTF text in the Gregorian calendar (e.g. 1917-11-07) or a map { julian, gregorian }" },
  )
  .describe("When it happened: Gregorian EDTF text, or { julian, gregorian } with at least one; both must denote the same days.");

export const citationSchema = z.strictObject({
  source: slug.describe("Slug of a source in content/sources/."),
  locator: text
    .optional()
    .describe(
      'Where in the source: a locator word and a value, e.g. "s. 12", "s. 12–15", "rozdz. IV", "t. 2", "§ 3" or "p. 12", "chap. 4"; formatted citations print the word in their own language.',
    ),
  note: text.optional().describe("A short remark on what the source says here."),
});

const stringList = (description: string) => z.array(text).default([]).describe(description);

export const eventFrontMatterSchema = z.strictObject({
  title: text.describe("The event's title."),
  summary: text.optional().describe("One or two sentences of plain text."),
  date: writtenDateSchema,
  places: z
    .array(text)
    .max(maxPlacesPerEvent)
    .default([])
    .describe(
      `Places: each a slug, or a name or alias of exactly one record in places/ (without any place records, a name spelled the same way in every event); at most ${maxPlacesPerEvent}.`,
    ),
  people: z
    .array(text)
    .max(maxPeoplePerEvent)
    .default([])
    .describe(
      `People: each a slug, or a name or alias of exactly one record in people/ (without any person records, a name spelled the same way in every event); at most ${maxPeoplePerEvent}.`,
    ),
  tags: stringList("Tags for filtering."),
  sources: z
    .array(citationSchema)
    .max(maxCitationsPerEvent)
    .default([])
    .describe(`Citations: { source, locator?, note? }; at most ${maxCitationsPerEvent}.`),
  related: z
    .array(slug)
    .max(maxRelatedPerEvent)
    .default([])
    .describe(`Slugs of events this one leads into or follows from; at most ${maxRelatedPerEvent}.`),
  notes: stringList("Editor's notes, e.g. a correction of a date given wrongly elsewhere, quoting what was given."),
  media: z
    .array(
      z.strictObject({
        media: slug.describe("Slug of an image in content/media/ (its file name without the extension)."),
        caption: text.optional().describe("What the image shows here, if not its own caption."),
      }),
    )
    .max(maxMediaPerEvent)
    .default([])
    .describe(`Images: { media, caption? }; the first is the event's image; at most ${maxMediaPerEvent}.`),
  draft: z.boolean().default(false).describe("Drafts are checked but not published."),
});

/** A language, by its two-letter ISO 639-1 code. */
const languageCode = z.string().regex(/^[a-z]{2}$/, { error: "a language is a two-letter code, e.g. en" });

const namesSchema = z
  .record(languageCode, text)
  .describe("The name in other languages, by two-letter language code, e.g. { en: Vladimir Lenin }.");

const wikidataSchema = z
  .string()
  .regex(/^Q[1-9][0-9]*$/, { error: "must be a Wikidata item id: Q followed by digits, e.g. Q1394" })
  .describe("The Wikidata item, e.g. Q1394; give it only when certain.");

const aliasesSchema = stringList("Other spellings that events may use for it (each must belong to this record alone).");

export const personSchema = z.strictObject({
  name: text.describe("The person's name in the collection's language; events may refer to it by this, an alias or the slug."),
  names: namesSchema.optional(),
  aliases: aliasesSchema,
  born: writtenDateSchema.optional().describe("Date of birth, written like an event's date (either calendar, or both)."),
  died: writtenDateSchema.optional().describe("Date of death, written like an event's date (either calendar, or both)."),
  description: text.optional().describe("One line of plain text."),
  wikidata: wikidataSchema.optional(),
});

/** The fields of a historical name other than its translations: every other key is a language. */
const historicalNameFields = ["name", "from", "until"];

const isLanguageKey = (key: string) => /^[a-z]{2}$/.test(key);

/**
 * A historical name's keys beyond its fields are languages, each with the name in it. Checked even when
 * other fields are wrong (`when`), so a misspelt `until` is reported with the rest.
 */
const historicalNameTranslations = z.superRefine(
  (value: Record<string, unknown>, ctx) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return; // reported as the wrong type
    const unknownKeys: string[] = [];
    for (const [key, name] of Object.entries(value)) {
      if (historicalNameFields.includes(key)) continue;
      if (!isLanguageKey(key)) unknownKeys.push(key);
      else if (typeof name !== "string") ctx.addIssue({ code: "invalid_type", expected: "string", path: [key], input: name });
      else if (!name.trim()) ctx.addIssue({ code: "custom", path: [key], input: name, message: "must not be empty" });
    }
    if (unknownKeys.length > 0) ctx.addIssue({ code: "unrecognized_keys", keys: unknownKeys, input: value });
  },
  { when: () => true },
);

const historicalNameSchema = z
  .object({
    name: text.describe("The name in the collection's language during this period."),
    from: writtenDateSchema.optional().describe("First day the name was in use (inclusive); none: since ever."),
    until: writtenDateSchema.optional().describe("Last day the name was in use (inclusive); none: still in use."),
  })
  .catchall(z.unknown())
  .check(historicalNameTranslations)
  .meta({
    propertyNames: { pattern: `^(${historicalNameFields.join("|")}|[a-z]{2})$` },
    additionalProperties: { type: "string", minLength: 1, description: "The name in the language of this key, e.g. en: Petrograd." },
  })
  .describe("A name the place had for a period: { name, from?, until? } and translations by language, e.g. en: Petrograd.");

/** The bounds of WGS 84 decimal degrees; content:check reports a coordinate outside them (coordinates-range). */
export const coordinateBounds = { lat: 90, lon: 180 } as const;

const degrees = (axis: keyof typeof coordinateBounds, description: string) =>
  z
    .number({ error: "must be a number of decimal degrees" })
    .meta({ minimum: -coordinateBounds[axis], maximum: coordinateBounds[axis] })
    .describe(description);

export const placeSchema = z.strictObject({
  name: text.describe("The place's name in the collection's language, used when no historical name applies."),
  names: namesSchema.optional(),
  historicalNames: z
    .array(historicalNameSchema)
    .default([])
    .describe("The place's names through time; periods are inclusive and must not overlap."),
  aliases: aliasesSchema,
  coordinates: z
    .strictObject({
      lat: degrees("lat", "Latitude, WGS 84 decimal degrees, -90 to 90 (north positive)."),
      lon: degrees("lon", "Longitude, WGS 84 decimal degrees, -180 to 180 (east positive)."),
    })
    .optional()
    .describe("Where it is: { lat, lon } in WGS 84 decimal degrees; for a region or a river, a representative point."),
  within: slug.optional().describe("The slug of the place that contains this one (in places/)."),
  julianCalendarUntil: writtenDateSchema
    .optional()
    .describe(
      "The last day the place used the Julian calendar, written like an event's date (Russia: { julian: 1918-01-31, gregorian: 1918-02-13 }). Events at it, or at a place within it, are checked against it rather than the collection's.",
    ),
  description: text.optional().describe("One line of plain text; for a region or a river, say which point the coordinates stand for."),
  wikidata: wikidataSchema.optional(),
});

const cslName = z
  .strictObject({
    family: z.string().optional(),
    given: z.string().optional(),
    literal: z.string().optional(),
    "dropping-particle": z.string().optional(),
    "non-dropping-particle": z.string().optional(),
    suffix: z.string().optional(),
  })
  .describe("A CSL name: { family, given } or { literal }.");

const cslDate = z
  .strictObject({
    "date-parts": z
      .array(
        z
          .array(z.union([z.number().int(), z.string()]))
          .min(1)
          .max(3),
      )
      .min(1)
      .max(2)
      .optional(),
    literal: z.string().optional(),
    raw: z.string().optional(),
    season: z.union([z.number(), z.string()]).optional(),
    circa: z.union([z.boolean(), z.number(), z.string()]).optional(),
  })
  .describe("A CSL date, e.g. { date-parts: [[1917, 10, 26]] }.");

const cslFields = Object.fromEntries([
  ...cslTextVariables.map((name) => [name, z.union([z.string(), z.number()]).optional()]),
  ...cslNameVariables.map((name) => [name, z.array(cslName).optional()]),
  ...cslDateVariables.map((name) => [name, cslDate.optional()]),
]) as Record<string, z.ZodOptional<z.ZodType>>;

export const sourceSchema = z.strictObject({
  id: z.union([z.string(), z.number()]).optional().describe("Ignored: the file name is the source's slug."),
  type: z.enum(cslTypes, { error: `type must be one of the CSL types: ${cslTypes.join(", ")}` }).describe("The CSL item type."),
  title: text.describe(
    "The work's title in sentence case, as CSL keeps titles: Chicago title-cases English titles; titles in other languages (set `language`) keep their case.",
  ),
  date: writtenDateSchema
    .optional()
    .describe("Kronika's own field: the date of a document in both calendars, when it matters (e.g. a decree)."),
  ...cslFields,
});

/** The longest alt text: a sentence or two; a long description belongs in the caption or the event. */
export const maxAltLength = 500;

/** A licence: an SPDX licence id or expression (CC-BY-SA-4.0, CC0-1.0, "CC-BY-SA-3.0 OR GFDL-1.2-or-later"), or public-domain. */
const licence = z
  .string()
  .regex(/^(public-domain|[A-Za-z0-9][A-Za-z0-9.+-]*(?: (?:OR|AND|WITH) [A-Za-z0-9][A-Za-z0-9.+-]*)*)$/, {
    error: "must be an SPDX licence id, e.g. CC-BY-SA-4.0 or CC0-1.0 (an expression such as A OR B), or public-domain",
  })
  .describe("The image's licence: an SPDX id (https://spdx.org/licenses/), e.g. CC-BY-SA-4.0, or public-domain.");

const altText = text.max(maxAltLength, { error: `must be at most ${maxAltLength} characters` });

/** An image's sidecar, content/media/<slug>.yaml, beside content/media/<slug>.<ext>. */
export const mediaSchema = z.strictObject({
  alt: altText.describe("What the image shows, for readers who cannot see it, in the collection's language."),
  caption: text.optional().describe("A caption shown with the image, in the collection's language."),
  credit: text.describe('Who made the image, as it should be credited, e.g. "Karl Bulla" or "Wikimedia Commons / Jan Kowalski".'),
  licence,
  source: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .optional()
    .describe("The original's page, e.g. its Wikimedia Commons file page."),
  date: writtenDateSchema.optional().describe("When the image was made, written like an event's date."),
  focus: z
    .strictObject({
      x: z.number().min(0).max(1).describe("From the left edge (0) to the right (1)."),
      y: z.number().min(0).max(1).describe("From the top edge (0) to the bottom (1)."),
    })
    .optional()
    .describe("The point to keep when the image is cropped: { x, y }, each 0–1."),
  translations: z
    .record(
      languageCode,
      z.strictObject({
        alt: altText.optional().describe("The alt text in this language."),
        caption: text.optional().describe("The caption in this language."),
      }),
    )
    .optional()
    .describe("The alt text and caption in other languages, by two-letter code, e.g. { en: { alt: …, caption: … } }."),
});

/** The fields a translation (content/events/<slug>.<locale>.md) may give; the body is its Markdown. */
export const translationSchema = z.strictObject({
  title: text.optional().describe("The title in this language."),
  summary: text.optional().describe("The summary in this language."),
  notes: z.array(text).optional().describe("The editor's notes in this language."),
});

export const settingsSchema = z.strictObject({
  locales: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .default([])
    .describe("Languages every event should be translated into (a missing translation is a warning)."),
  locale: z
    .enum(supportedLocales, { error: `must be a language the API serves: ${supportedLocales.join(", ")}` })
    .default(defaultLocale)
    .describe("The language the content is written in."),
  julianCalendarUntil: edtfText
    .optional()
    .describe(
      "The last Gregorian day on which the collection's region still used the Julian calendar (Russia: 1918-02-13). Events before it are expected in the Julian calendar, events after it in the Gregorian.",
    ),
});

export type CollectionSettings = z.infer<typeof settingsSchema>;
export type Translation = z.infer<typeof translationSchema> & { body?: string };
export type EventFrontMatter = z.infer<typeof eventFrontMatterSchema>;
export type SourceFields = z.infer<typeof sourceSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type PersonFields = z.infer<typeof personSchema>;
export type PlaceFields = z.infer<typeof placeSchema>;
export type MediaFields = z.infer<typeof mediaSchema>;
