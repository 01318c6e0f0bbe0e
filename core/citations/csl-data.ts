// The pinned Citation Style Language data Kronika formats with: two styles and two locales, vendored
// under csl/ by `npm run csl:vendor` (see csl/provenance.json), imported so a bundle carries them.
import apa from "./csl/apa.json" with { type: "json" };
import chicago from "./csl/chicago-fullnote-bibliography.json" with { type: "json" };
import enUS from "./csl/locales-en-US.json" with { type: "json" };
import plPL from "./csl/locales-pl-PL.json" with { type: "json" };

/** The styles the API offers, by Kronika's name, as CSL style ids. */
export const pinnedStyles = { apa: "apa", chicago: "chicago-fullnote-bibliography" } as const;
export type CitationStyle = keyof typeof pinnedStyles;
export const citationStyles = Object.keys(pinnedStyles) as CitationStyle[];

/** The languages citations are formatted in, by Kronika's locale code, as CSL locale ids. */
export const pinnedLocales = { pl: "pl-PL", en: "en-US" } as const;
export type CitationLocale = keyof typeof pinnedLocales;
export const citationLocales = Object.keys(pinnedLocales) as CitationLocale[];

/** A CSL style or locale in citeproc-js's JSON form of the XML. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

export const styleData: Record<CitationStyle, CslNode> = { apa: apa as unknown as CslNode, chicago: chicago as unknown as CslNode };
export const localeData: Record<string, CslNode> = { "pl-PL": plPL as unknown as CslNode, "en-US": enUS as unknown as CslNode };
