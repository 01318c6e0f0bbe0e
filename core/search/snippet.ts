// A short snippet of a text around the first words matching a query, HTML-escaped, matches in <mark>.
import { escapeHtml } from "../html/escape-html";
import type { Locale } from "../locale/locales";
import { fold, stem, termMatches, terms } from "./terms";

/** How far into a text a match is looked for: the work per snippet is bounded whatever the text's length. */
export const maxSnippetScanCharacters = 20_000;

export function snippet(text: string, query: string, language: Locale, words = 24): string {
  const queryTerms = [...new Set(terms(query, language))];
  const tokens = text.slice(0, maxSnippetScanCharacters).split(/(\s+)/);
  // Each distinct word is folded, stemmed and compared once.
  const matched = new Map<string, boolean>();
  const isMatch = (token: string) => {
    let match = matched.get(token);
    if (match === undefined) {
      const word = fold(token).replace(/[^a-z0-9]/g, "");
      match = word.length > 0 && queryTerms.some((q) => termMatches(q, stem(word, language)));
      matched.set(token, match);
    }
    return match;
  };
  const wordPositions = tokens.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
  const firstMatch = wordPositions.findIndex((i) => isMatch(tokens[i]));
  const startWord = Math.max(0, Math.max(firstMatch, 0) - Math.floor(words / 3));
  const chosen = wordPositions.slice(startWord, startWord + words);
  if (chosen.length === 0) return "";
  const parts = tokens
    .slice(chosen[0], chosen[chosen.length - 1] + 1)
    .map((t) => (t.trim() && isMatch(t) ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t)));
  const more = startWord + words < wordPositions.length || text.length > maxSnippetScanCharacters;
  return `${startWord > 0 ? "… " : ""}${parts.join("")}${more ? " …" : ""}`;
}
