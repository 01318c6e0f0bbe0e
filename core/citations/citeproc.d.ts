// The part of citeproc-js (npm "citeproc") Kronika calls; the package ships no types.
declare module "citeproc" {
  interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }
  interface Sys {
    retrieveLocale(lang: string): unknown;
    retrieveItem(id: string): unknown;
  }
  export class Engine {
    constructor(sys: Sys, style: unknown, lang?: string, forceLang?: boolean);
    setOutputFormat(format: "html" | "text" | "rtf"): void;
    /** `nosort`: leave the registry unsorted (citeproc-js sorts it for the bibliography otherwise). */
    updateItems(ids: string[], nosort?: boolean): void;
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
    makeCitationCluster(items: CitationItem[]): string;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
