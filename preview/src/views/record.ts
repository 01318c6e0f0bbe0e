// A person's or a place's page: who or what it is, and its events on the timeline.
import { request } from "../api";
import { h } from "../dom";
import { PersonPage, PlacePage } from "../queries";
import type { Route } from "../route";
import type { ViewContext } from "./context";
import { eventList } from "./event-list";

const backLink = (context: ViewContext) =>
  h("p", {}, h("a", { href: context.link({ view: "timeline", tags: [], people: [], places: [], query: "" }) }, context.words.back));

const wikidataLink = (id: string | null) =>
  id ? h("p", { class: "wikidata" }, h("a", { href: `https://www.wikidata.org/wiki/${id}` }, `Wikidata ${id}`)) : null;

export async function personView(route: Extract<Route, { view: "person" }>, context: ViewContext): Promise<HTMLElement> {
  const { words } = context;
  const { person } = await request(PersonPage, { slug: route.slug, locale: context.locale });
  if (!person) return h("main", { id: "main" }, backLink(context), h("h1", {}, words.notFound));
  const life = [person.born && `${words.born} ${person.born.label}`, person.died && `${words.died} ${person.died.label}`]
    .filter(Boolean)
    .join(", ");
  return h(
    "main",
    { id: "main", class: "record" },
    backLink(context),
    h("h1", {}, person.name),
    life ? h("p", { class: "life" }, life) : null,
    person.description ? h("p", {}, person.description) : null,
    person.aliases.length ? h("p", { class: "aliases" }, person.aliases.join(" · ")) : null,
    wikidataLink(person.wikidata),
    h("h2", {}, words.events(person.events.totalCount)),
    eventList(person.events.edges as Parameters<typeof eventList>[0], context),
  );
}

export async function placeView(route: Extract<Route, { view: "place" }>, context: ViewContext): Promise<HTMLElement> {
  const { words } = context;
  const { place } = await request(PlacePage, { slug: route.slug, locale: context.locale });
  if (!place) return h("main", { id: "main" }, backLink(context), h("h1", {}, words.notFound));
  const placeLink = (p: { slug: string; name: string }) => h("a", { href: context.link({ view: "place", slug: p.slug }) }, p.name);
  return h(
    "main",
    { id: "main", class: "record" },
    backLink(context),
    h("h1", {}, place.name),
    place.within ? h("p", {}, `${words.within}: `, placeLink(place.within)) : null,
    place.description ? h("p", {}, place.description) : null,
    place.coordinates ? h("p", { class: "coordinates" }, `${place.coordinates.lat}, ${place.coordinates.lon}`) : null,
    place.historicalNames.length
      ? h(
          "section",
          {},
          h("h2", {}, words.names),
          h(
            "ul",
            {},
            place.historicalNames.map((n) => h("li", {}, h("strong", {}, n.name), ` ${n.from?.label ?? "…"} – ${n.until?.label ?? "…"}`)),
          ),
        )
      : null,
    place.contains.length
      ? h(
          "section",
          {},
          h("h2", {}, words.contains),
          h(
            "ul",
            { class: "inline" },
            place.contains.map((p) => h("li", {}, placeLink(p))),
          ),
        )
      : null,
    wikidataLink(place.wikidata),
    h("h2", {}, words.events(place.events.totalCount)),
    eventList(place.events.edges as Parameters<typeof eventList>[0], context),
  );
}
