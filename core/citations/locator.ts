// Reads an editor's locator ("s. 12", "rozdz. IV", "pp. 3–5", "§ 2") into a CSL label and value, so each
// style prints the label in its own language ("s. 12" in Polish is "p. 12" in English). The words it knows
// are the pinned locales' own terms for each locator label, plus a few common abbreviations they lack.
import { type CslNode, localeData } from "./csl-data";

/** CSL locator labels (CSL 1.0.2) that citeproc-js prints with a term. */
export const locatorLabels = [
  "book",
  "chapter",
  "column",
  "figure",
  "folio",
  "issue",
  "line",
  "note",
  "opus",
  "page",
  "paragraph",
  "part",
  "section",
  "sub-verbo",
  "verse",
  "volume",
] as const;
export type LocatorLabel = (typeof locatorLabels)[number];

export type ParsedLocator = { label: LocatorLabel; value: string } | { label?: undefined; value: string };

/** Common abbreviations the locales lack: Polish "str."/"ss." (pages), "k." (karta, a folio); English "ch.". */
const extraWords: Record<string, LocatorLabel> = { "str.": "page", "ss.": "page", "k.": "folio", "ch.": "chapter" };

const textOf = (node: CslNode | string): string => (typeof node === "string" ? node : node.children.map(textOf).join(""));

/** Every form of every locator term in the pinned locales, lowercased, mapped to its label. */
function locatorWords(): Map<string, LocatorLabel> {
  const words = new Map<string, LocatorLabel>(Object.entries(extraWords));
  for (const locale of Object.values(localeData)) {
    const terms = locale.children.find((c): c is CslNode => typeof c !== "string" && c.name === "terms");
    for (const term of terms?.children ?? []) {
      if (typeof term === "string" || !(locatorLabels as readonly string[]).includes(term.attrs.name)) continue;
      const forms = term.children.some((c) => typeof c !== "string") ? term.children.map(textOf) : [textOf(term)];
      for (const form of forms.map((f) => f.trim().toLowerCase())) {
        if (form && !words.has(form)) words.set(form, term.attrs.name as LocatorLabel);
      }
    }
  }
  return words;
}

let known: { words: Map<string, LocatorLabel>; longestFirst: string[] } | undefined;

function knownWords() {
  if (!known) {
    const words = locatorWords();
    known = { words, longestFirst: [...words.keys()].sort((a, b) => b.length - a.length) };
  }
  return known;
}

/** The labels and the words that name them, for messages and documentation. */
export function locatorVocabulary(): Record<LocatorLabel, string[]> {
  const vocabulary = Object.fromEntries(locatorLabels.map((l) => [l, [] as string[]])) as Record<LocatorLabel, string[]>;
  for (const [word, label] of knownWords().words) vocabulary[label].push(word);
  return vocabulary;
}

/**
 * "rozdz. IV" is { chapter, "IV" }; a bare number or range ("12", "12–15") is a page, as in CSL; anything
 * else has no label, and styles print it as written after the reference.
 */
export function parseLocator(text: string): ParsedLocator {
  const written = text.trim();
  const lower = written.toLowerCase();
  for (const word of knownWords().longestFirst) {
    if (!lower.startsWith(word)) continue;
    const rest = written.slice(word.length);
    // A word ending in a letter must end there: "t. 2" is a volume, "tom 2" too, but "tomy" is not "tom".
    if (/\p{L}$/u.test(word) && rest !== "" && !/^\s/.test(rest)) continue;
    const value = rest.trim();
    if (value) return { label: knownWords().words.get(word)!, value };
  }
  if (/^\d/.test(written)) return { label: "page", value: written };
  return { value: written };
}
