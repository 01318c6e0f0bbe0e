// Sorting names as a reader of the collection's language expects (Polish: Ł after L, Ś after S, Ż last),
// as a key whose plain byte order is that order: DynamoDB sorts a list by its key bytes, so a list of people
// or places sorted by this key pages in alphabetical order. Compare with Intl.Collator's primary strength:
// letters, not case or accents that are not letters of their own.
import type { Locale } from "./locales";

/** Each language's letters in alphabetical order; a letter not listed sorts as its base letter (é as e). */
const alphabets: Record<Locale, string> = {
  pl: "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż",
  en: "abcdefghijklmnopqrstuvwxyz",
};

// One code unit per sort weight, all above the separator: spaces and punctuation first, then digits, then
// the letters; anything else (another script) after them, by code point.
const separator = "\u0001";
const punctuationWeight = 0x21;
const digitWeight = (digit: number) => 0x30 + digit;
const letterWeight = (index: number) => 0x100 + index;
// Code points from U+D400 would weigh as surrogates (U+D800–U+DFFF), which UTF-8 cannot carry: they weigh
// past them, still in code point order.
const otherWeight = (codePoint: number) => codePoint + (codePoint >= 0xd400 && codePoint < 0xd800 ? 0xc00 : 0x400);

const weightsByLocale = new Map<Locale, Map<string, number>>();

function weightsOf(locale: Locale): Map<string, number> {
  let weights = weightsByLocale.get(locale);
  if (!weights) {
    weights = new Map([...alphabets[locale]].map((letter, index) => [letter, letterWeight(index)]));
    weightsByLocale.set(locale, weights);
  }
  return weights;
}

function weightOf(character: string, weights: Map<string, number>): number | undefined {
  const known = weights.get(character);
  if (known !== undefined) return known;
  if (character >= "0" && character <= "9") return digitWeight(Number(character));
  // A letter with an accent that is not a letter of the alphabet sorts as its base letter.
  const base = character.normalize("NFD")[0];
  const baseWeight = weights.get(base);
  if (baseWeight !== undefined) return baseWeight;
  if (/[\p{P}\p{S}\p{Z}]/u.test(character)) return punctuationWeight;
  // A combining mark left after composing (or a lone surrogate) is no letter of its own.
  if (/[\p{M}\p{Cs}]/u.test(character)) return undefined;
  const codePoint = character.codePointAt(0) ?? 0;
  // Past the Basic Multilingual Plane the weight would leave one code unit; such names sort last, together.
  return otherWeight(Math.min(codePoint, 0xfbff));
}

/**
 * A key that sorts `text` alphabetically in `locale` when compared as bytes (UTF-8) or code units: the
 * letters' weights, then the text itself to order names that differ only in case or accents.
 */
export function collationKey(text: string, locale: Locale): string {
  const weights = weightsOf(locale);
  let key = "";
  let lastWasSpace = true;
  // Composed first: an accent typed as a combining mark sorts as the accented letter.
  for (const character of text.normalize("NFC").trim().toLocaleLowerCase(locale)) {
    const weight = weightOf(character, weights);
    if (weight === undefined) continue;
    // Runs of spaces and punctuation count once, and not at all at the start.
    if (weight === punctuationWeight) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else lastWasSpace = false;
    key += String.fromCharCode(weight);
  }
  return `${key}${separator}${text}`;
}

/**
 * Text folded for matching a name as people type it: lower case, accents and Polish letters to their base
 * letters (ł as l), spaces and punctuation as single spaces. "Lenin" matches "Włodzimierz Lenin"; "uljanow"
 * matches "Uljanow".
 */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, " ")
    .trim();
}
