// Search terms: text folded (case, diacritics, ł→l, which Unicode does not decompose) and stemmed with light
// suffix rules, Polish or English, so inflected forms meet: "Pałacu Zimowego" and "pałac zimowy",
// "bolszewików" and "bolszewicy", "Piotrogrodzie" and "Piotrogród".
import type { Locale } from "../locale/locales";

/** How a language's words become search terms (core/locale/locales.ts lists the languages). */
export interface Stemmer {
  /** Words not indexed or searched (after folding). */
  stopwords: Set<string>;
  /** Endings that change a stem's last consonant, tried first: Piotrogrodzie → piotrogrod, bolszewicy → bolszewik. */
  alternations: [string, string][];
  /** Inflectional endings (after folding), longest first; at most one is removed, keeping three letters. */
  endings: string[];
}

export const stemmers: Record<Locale, Stemmer> = {
  pl: {
    stopwords: new Set("a i o w z u na do od po za ze we to sie jak czy lub oraz nie tak ten ta te jest byl byla".split(" ")),
    alternations: [
      ["dzie", "d"],
      ["dzy", "g"],
      ["cie", "t"],
      ["rze", "r"],
      ["icy", "ik"],
    ],
    endings: [
      "owie",
      "ami",
      "ach",
      "ego",
      "emu",
      "ymi",
      "imi",
      "ych",
      "ich",
      "owi",
      "ow",
      "om",
      "em",
      "ej",
      "ym",
      "im",
      "ie",
      "iu",
      "a",
      "e",
      "i",
      "y",
      "o",
      "u",
    ],
  },
  en: {
    stopwords: new Set("a an the of in on at to and or is was were by for with from as".split(" ")),
    alternations: [],
    endings: ["ies", "ing", "ed", "es", "s"],
  },
};

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function stem(word: string, locale: Locale): string {
  const { alternations, endings } = stemmers[locale];
  for (const [ending, replacement] of alternations) {
    if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length) + replacement;
  }
  for (const ending of endings) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** The stems of a text, in order, without stopwords. */
export function terms(text: string, locale: Locale): string[] {
  const { stopwords } = stemmers[locale];
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !stopwords.has(word))
    .map((word) => stem(word, locale));
}

/** Whether a query stem matches a document stem: equal, or one a prefix of the other (three letters at least). */
export function termMatches(queryTerm: string, documentTerm: string): boolean {
  if (queryTerm === documentTerm) return true;
  if (queryTerm.length >= 3 && documentTerm.startsWith(queryTerm)) return true;
  return documentTerm.length >= 4 && queryTerm.startsWith(documentTerm);
}
