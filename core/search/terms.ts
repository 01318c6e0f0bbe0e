// Search terms: text folded (case, diacritics, ł→l, which Unicode does not decompose) and stemmed with light
// suffix rules, Polish or English, so inflected forms meet: "Pałacu Zimowego" and "pałac zimowy",
// "bolszewików" and "bolszewicy", "Piotrogrodzie" and "Piotrogród".

export type Language = "pl" | "en";

const stopwords: Record<Language, Set<string>> = {
  pl: new Set("a i o w z u na do od po za ze we to sie jak czy lub oraz nie tak ten ta te jest byl byla".split(" ")),
  en: new Set("a an the of in on at to and or is was were by for with from as".split(" ")),
};

/** Endings that change a stem's last consonant, tried first: Piotrogrodzie → piotrogrod, bolszewicy → bolszewik. */
const alternations: [string, string][] = [
  ["dzie", "d"],
  ["dzy", "g"],
  ["cie", "t"],
  ["rze", "r"],
  ["icy", "ik"],
];

/** Inflectional endings (after folding), longest first; at most one is removed, keeping three letters. */
const endings: Record<Language, string[]> = {
  pl: [
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
  en: ["ies", "ing", "ed", "es", "s"],
};

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function stem(word: string, language: Language): string {
  if (language === "pl") {
    for (const [ending, replacement] of alternations) {
      if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length) + replacement;
    }
  }
  for (const ending of endings[language]) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** The stems of a text, in order, without stopwords. */
export function terms(text: string, language: Language): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !stopwords[language].has(word))
    .map((word) => stem(word, language));
}

/** Whether a query stem matches a document stem: equal, or one a prefix of the other (three letters at least). */
export function termMatches(queryTerm: string, documentTerm: string): boolean {
  if (queryTerm === documentTerm) return true;
  if (queryTerm.length >= 3 && documentTerm.startsWith(queryTerm)) return true;
  return documentTerm.length >= 4 && queryTerm.startsWith(documentTerm);
}
