// A short snippet of a text around the first words matching a query, HTML-escaped, matches in <mark>.
import { escapeHtml } from "../html/escape-html";
import type { Locale } from "../locale/locales";
import { fold, stem, termMatches, terms } from "./terms";

export function snippet(text: string, query: string, language: Locale, words = 24): string {
  const queryTerms = terms(query, language);
  const tokens = text.split(/(\s+)/);
  const isMatch = (token: string) => {
    const word = fold(token).replace(/[^a-z0-9]/g, "");
    return word.length > 0 && queryTerms.some((q) => termMatches(q, stem(word, language)));
  };
  const wordPositions = tokens.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
  const firstMatch = wordPositions.findIndex((i) => isMatch(tokens[i]));
  const startWord = Math.max(0, Math.max(firstMatch, 0) - Math.floor(words / 3));
  const chosen = wordPositions.slice(startWord, startWord + words);
  if (chosen.length === 0) return "";
  const parts = tokens
    .slice(chosen[0], chosen[chosen.length - 1] + 1)
    .map((t) => (t.trim() && isMatch(t) ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t)));
  return `${startWord > 0 ? "… " : ""}${parts.join("")}${startWord + words < wordPositions.length ? " …" : ""}`;
}
