// The pinned Citation Style Language data Kronika formats with: two styles, and a locale for each supported
// language, vendored under csl/ by `npm run csl:vendor` (see csl/provenance.json), imported so a bundle carries them.
import type { Locale } from "../locale/locales";
import apa from "./csl/apa.json" with { type: "json" };
import chicago from "./csl/chicago-fullnote-bibliography.json" with { type: "json" };
import enUS from "./csl/locales-en-US.json" with { type: "json" };
import plPL from "./csl/locales-pl-PL.json" with { type: "json" };

/** The styles the API offers, by Kronika's name, as CSL style ids. */
export const pinnedStyles = { apa: "apa", chicago: "chicago-fullnote-bibliography" } as const;
export type CitationStyle = keyof typeof pinnedStyles;
export const citationStyles = Object.keys(pinnedStyles) as CitationStyle[];

/** The CSL locale each supported language's citations are formatted in. */
export const pinnedLocales: Record<Locale, string> = { pl: "pl-PL", en: "en-US" };

/** A CSL style or locale in citeproc-js's JSON form of the XML. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

export const styleData: Record<CitationStyle, CslNode> = { apa: apa as unknown as CslNode, chicago: chicago as unknown as CslNode };
/** The vendored CSL locales, by CSL locale id: one for each of `pinnedLocales`. */
export const localeData: Record<string, CslNode> = { "pl-PL": plPL as unknown as CslNode, "en-US": enUS as unknown as CslNode };
