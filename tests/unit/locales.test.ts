import { describe, expect, it } from "vitest";
import { localeData, pinnedLocales } from "../../core/citations/csl-data";
import { labelWords } from "../../core/dates/label";
import { collationKey } from "../../core/locale/collation";
import {
  defaultLocale,
  isLocale,
  localeFromAcceptLanguage,
  localeName,
  localeOrDefault,
  parseLocale,
  supportedLocales,
} from "../../core/locale/locales";
import { stemmers } from "../../core/search/terms";

/** Every table keyed by language, by where it is declared: a new language needs an entry in each. */
const perLanguageTables: Record<string, Partial<Record<string, unknown>>> = {
  "core/dates/label.ts labelWords": labelWords,
  "core/search/terms.ts stemmers": stemmers,
  "core/citations/csl-data.ts pinnedLocales": pinnedLocales,
};

describe("the supported languages", () => {
  it("have an entry in every per-language table, naming the table and the language that lack one", () => {
    const missing = supportedLocales.flatMap((locale) =>
      Object.entries(perLanguageTables)
        .filter(([, table]) => table[locale] === undefined)
        .map(([table]) => `${table} has no "${locale}"`),
    );
    expect(missing).toEqual([]);
  });

  it("each have a vendored CSL locale, twelve month names in both cases, and words for c. and BC", () => {
    for (const locale of supportedLocales) {
      expect(localeData[pinnedLocales[locale]], `core/citations/csl/locales-${pinnedLocales[locale]}.json`).toBeDefined();
      const words = labelWords[locale];
      expect(words.months.nominative, `${locale} nominative months`).toHaveLength(12);
      expect(words.months.genitive, `${locale} genitive months`).toHaveLength(12);
      expect(words.approximately.trim(), `${locale} approximately`).not.toBe("");
      expect(words.beforeChrist.trim(), `${locale} BC`).not.toBe("");
      expect(stemmers[locale].endings.length, `${locale} endings`).toBeGreaterThan(0);
    }
  });

  it("include Polish, the default, and English, each with a name", () => {
    expect(defaultLocale).toBe("pl");
    expect(supportedLocales).toEqual(expect.arrayContaining(["pl", "en"]));
    for (const locale of supportedLocales) expect(localeName(locale), locale).toMatch(/^[A-Z]/);
  });
});

describe("reading a language", () => {
  it("takes a supported code and nothing else, not even an object's own keys", () => {
    expect(parseLocale("en")).toBe("en");
    expect(parseLocale("xx")).toBeUndefined();
    expect(parseLocale("EN")).toBeUndefined();
    expect(parseLocale("constructor")).toBeUndefined();
    expect(parseLocale("__proto__")).toBeUndefined();
    expect(parseLocale(undefined)).toBeUndefined();
    expect(isLocale(42)).toBe(false);
  });

  it("falls back to the default for a language it does not serve", () => {
    expect(localeOrDefault("en")).toBe("en");
    expect(localeOrDefault("xx")).toBe(defaultLocale);
    expect(localeOrDefault(undefined)).toBe(defaultLocale);
  });

  it("takes from Accept-Language the first served language, by weight, then by order", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,pl;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("xx-YY,xx;q=0.9,pl;q=0.8,en;q=0.7")).toBe("pl");
    expect(localeFromAcceptLanguage("pl;q=0.5, EN-us;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.5, pl;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, pl;q=0.1")).toBe("pl");
    expect(localeFromAcceptLanguage("en;q=abc, pl;q=0.1")).toBe("pl");
    expect(localeFromAcceptLanguage("xx, zz;q=0.9, constructor")).toBeUndefined();
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
    expect(localeFromAcceptLanguage("")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});

describe("sorting names by their collation key", () => {
  /** Names in the order of their keys as DynamoDB compares them: UTF-8 bytes. */
  const byKey = (names: string[]) =>
    [...names].sort((a, b) => Buffer.compare(Buffer.from(collationKey(a, "pl")), Buffer.from(collationKey(b, "pl"))));

  it("orders Polish letters after their base letters, as Intl.Collator does", () => {
    const names = [
      "Żaba",
      "Zebra",
      "Źdźbło",
      "Łukasz",
      "Luty",
      "Ćma",
      "Czajka",
      "Ostrów",
      "Óla",
      "Ozon",
      "Dębski",
      "Debski",
      "Ąkola",
      "Akola",
    ];
    expect(byKey(names)).toEqual([...names].sort(new Intl.Collator("pl").compare));
  });

  it("sorts a name written with combining accents as the same name precomposed", () => {
    const names = ["Josef", "José", "Ąbc", "Abd", "Józef", "Jozefina"];
    const decomposed = names.map((name) => name.normalize("NFD"));
    expect(byKey(decomposed).map((name) => name.normalize("NFC"))).toEqual(byKey(names));
    expect(byKey(names)).toEqual([...names].sort(new Intl.Collator("pl").compare));
  });

  it("makes a well-formed key for every character of the Basic Multilingual Plane, in code point order past the alphabet", () => {
    // Hangul syllables from U+D400 would weigh as lone surrogates, which UTF-8 cannot carry to DynamoDB.
    const names = ["가", "퓨", "힣", "\u{e000}", "ﬀ", "𝔄"];
    // A lone surrogate is a code point of category Cs.
    for (const name of names) expect(collationKey(name, "pl"), name).not.toMatch(/\p{Cs}/u);
    expect(byKey(names)).toEqual(names);
  });
});
