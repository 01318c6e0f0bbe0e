// The languages Kronika serves, the default one, and reading a language from a request or from content.
// Everything keyed by language (the GraphQL Locale enum, date labels, stemmers, citation locales) follows this list.
//
// Adding a language (e.g. `de: "German",`) is one line in `localeNames`, plus its entry in each table keyed
// by Locale; TypeScript asks for them and tests/locales.test.ts names any that is missing:
//   - core/dates/label.ts `labelWords`: month names (nominative, genitive), "c.", the BC suffix;
//   - core/locale/collation.ts `alphabets`: its letters in alphabetical order, for lists sorted by name;
//   - core/search/terms.ts `stemmers`: stopwords, consonant alternations, inflectional endings;
//   - core/citations/csl-data.ts `pinnedLocales`: its CSL locale id; then `npm run csl:vendor` writes
//     csl/locales-<id>.json, which csl-data.ts imports into `localeData`;
//   - `npm run schema:print`: the GraphQL Locale enum gains the value (the code in capitals), and
//     schema/content/collection.schema.json the code as a collection's `locale`.

/** The supported languages, by ISO 639-1 code, with their English names; the first is the default. */
const localeNames = {
  pl: "Polish",
  en: "English",
} as const;

export type Locale = keyof typeof localeNames;

/** Every supported language, in the order declared above. */
export const supportedLocales = Object.keys(localeNames) as Locale[];

/** The language of a collection that does not set one, and of labels where nothing names a language. */
export const defaultLocale: Locale = supportedLocales[0];

export const localeName = (locale: Locale): string => localeNames[locale];

export function isLocale(code: unknown): code is Locale {
  return typeof code === "string" && Object.hasOwn(localeNames, code);
}

/** A supported language from a code, or undefined (a language Kronika does not serve, or nothing). */
export function parseLocale(code: string | null | undefined): Locale | undefined {
  return isLocale(code) ? code : undefined;
}

/** A supported language from a code, else the default: which stemmer and labels to use for any text. */
export function localeOrDefault(code: string | null | undefined): Locale {
  return parseLocale(code) ?? defaultLocale;
}

/** The first supported language of an Accept-Language header, by the header's order and weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => parseLocale(entry.language)).find((locale) => locale !== undefined);
}
