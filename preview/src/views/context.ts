// What every view is given: the language, its words, and how to link to another view.
import type { Language, Words } from "../i18n";
import type { Location, Route } from "../route";

export interface ViewContext {
  language: Language;
  words: Words;
  /** A link to a route, in the same language. */
  link(route: Route): string;
  /** The API's Locale for the language. */
  locale: "PL" | "EN";
  /** Where the reader is. */
  location: Location;
}
