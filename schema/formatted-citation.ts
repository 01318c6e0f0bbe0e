// Formatted citations: strings formatted at sync time in the pinned styles and languages, served as stored.
import type { FormattedCitation, FormattedText } from "../core/citations/citation-formatter";
import type { CitationStyle } from "../core/citations/csl-data";
import type { Locale } from "../core/locale/locales";
import type { Context } from "./builder";
import { builder } from "./builder";
import { LocaleEnum } from "./locale";
import { servedLocale } from "./localize";

export const CitationStyleEnum = builder.enumType("CitationStyle", {
  description: "A citation style (pinned CSL styles, formatted when the content is synced).",
  values: {
    APA: { value: "apa", description: "APA, 7th edition: a reference-list entry, and a parenthetical citation with the locator." },
    CHICAGO: {
      value: "chicago",
      description:
        "The Chicago Manual of Style, 17th edition, notes and bibliography: a bibliography entry, and a full note with the locator.",
    },
  } as const,
});

const CitationFormatEnum = builder.enumType("CitationFormat", {
  description: "How to return a formatted citation.",
  values: {
    TEXT: { value: "text", description: "Plain text." },
    HTML: { value: "html", description: "HTML: text escaped, with <i>, <b>, <sup>, <sub> or <span style> where the style sets type." },
  } as const,
});

/** The arguments of every formatted-citation field. */
export const citationArgs = builder.args((t) => ({
  style: t.field({ type: CitationStyleEnum, defaultValue: "chicago", description: "The style (default CHICAGO)." }),
  locale: t.field({
    type: LocaleEnum,
    description:
      "Language of the style's terms and dates (default: that of the event it is reached from, else Accept-Language, else the collection's).",
  }),
  format: t.field({ type: CitationFormatEnum, defaultValue: "text", description: "Plain text (default) or HTML." }),
}));

export interface CitationArgs {
  style?: CitationStyle | null;
  locale?: Locale | null;
  format?: keyof FormattedText | null;
}

/** The stored string for the arguments, in the language asked for, else the inherited one, else the collection's. */
export async function formattedCitation(
  formatted: FormattedCitation | undefined,
  args: CitationArgs,
  context: Context,
  inherited?: Locale,
): Promise<string> {
  if (!formatted) throw new Error("this item has no formatted citations; sync the content again");
  const { requested, defaultLocale } = await servedLocale(args.locale ?? inherited, context);
  const byLocale: Partial<Record<Locale, FormattedText>> = formatted[args.style ?? "chicago"];
  const text = byLocale[requested ?? defaultLocale] ?? byLocale[defaultLocale] ?? Object.values(byLocale)[0];
  return text[args.format ?? "text"];
}
