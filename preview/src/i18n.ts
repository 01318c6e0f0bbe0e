// The preview's own words, in every language the API serves; month names are the date labels' own.
import { labelWords } from "../../core/dates/label";
export type Language = "pl" | "en";

const words = {
  pl: {
    timeline: "Oś czasu",
    search: "Szukaj",
    searchLabel: "Szukaj wydarzeń",
    tags: "Tagi",
    people: "Osoby",
    places: "Miejsca",
    clearFilters: "Wyczyść filtry",
    filters: "Filtry",
    events: (n: number) =>
      `${n} ${n === 1 ? "wydarzenie" : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? "wydarzenia" : "wydarzeń"}`,
    more: "Pokaż więcej",
    sources: "Źródła",
    related: "Powiązane wydarzenia",
    notes: "Uwagi redakcji",
    draft: "SZKIC",
    born: "urodzony",
    died: "zmarł",
    names: "Nazwy w czasie",
    within: "Położone w",
    contains: "Obejmuje",
    back: "← Oś czasu",
    notFound: "Nie znaleziono.",
    language: "Język",
    style: "Styl cytowania",
    errorsTitle: (n: number) => `Treść zawiera błędy (${n}); widoczna jest ostatnia poprawna wersja`,
    loading: "Wczytywanie…",
    failed: "Nie udało się wczytać danych",
    months: labelWords.pl.months.nominative,
  },
  en: {
    timeline: "Timeline",
    search: "Search",
    searchLabel: "Search events",
    tags: "Tags",
    people: "People",
    places: "Places",
    clearFilters: "Clear filters",
    filters: "Filters",
    events: (n: number) => `${n} ${n === 1 ? "event" : "events"}`,
    more: "Show more",
    sources: "Sources",
    related: "Related events",
    notes: "Editor's notes",
    draft: "DRAFT",
    born: "born",
    died: "died",
    names: "Names through time",
    within: "Within",
    contains: "Contains",
    back: "← Timeline",
    notFound: "Not found.",
    language: "Language",
    style: "Citation style",
    errorsTitle: (n: number) => `The content has ${n} error${n === 1 ? "" : "s"}; the last good version is shown`,
    loading: "Loading…",
    failed: "Could not load the data",
    months: labelWords.en.months.nominative,
  },
};

export type Words = (typeof words)["pl"];

export const wordsFor = (language: Language): Words => words[language];
