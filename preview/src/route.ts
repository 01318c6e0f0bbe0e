// Where the reader is, as a URL a static host can serve: one page, the view in the query string
// (?event=slug, ?person=slug, ?place=slug; the timeline's filters otherwise), so links can be shared.
import type { Language } from "./i18n";

export type Route =
  | { view: "timeline"; tags: string[]; people: string[]; places: string[]; query: string }
  | { view: "event"; slug: string; style: "CHICAGO" | "APA" }
  | { view: "person"; slug: string }
  | { view: "place"; slug: string };

export interface Location {
  route: Route;
  language: Language;
}

export function readLocation(search: string): Location {
  const params = new URLSearchParams(search);
  const language: Language = params.get("lang") === "en" ? "en" : "pl";
  const slug = (name: string) => params.get(name) ?? "";
  if (params.has("event"))
    return { language, route: { view: "event", slug: slug("event"), style: params.get("style") === "APA" ? "APA" : "CHICAGO" } };
  if (params.has("person")) return { language, route: { view: "person", slug: slug("person") } };
  if (params.has("place")) return { language, route: { view: "place", slug: slug("place") } };
  return {
    language,
    route: {
      view: "timeline",
      tags: params.getAll("tag"),
      people: params.getAll("who"),
      places: params.getAll("where"),
      query: params.get("q") ?? "",
    },
  };
}

export function href({ route, language }: Location): string {
  const params = new URLSearchParams();
  if (route.view === "timeline") {
    for (const tag of route.tags) params.append("tag", tag);
    for (const person of route.people) params.append("who", person);
    for (const place of route.places) params.append("where", place);
    if (route.query) params.set("q", route.query);
  } else {
    params.set(route.view, route.slug);
    if (route.view === "event" && route.style === "APA") params.set("style", "APA");
  }
  if (language !== "pl") params.set("lang", language);
  const query = params.toString();
  return query ? `?${query}` : "./";
}
