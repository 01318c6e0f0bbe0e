// The timeline: events in order under year and month headings, filter chips from the facets (tags, people,
// places), a search box, and "show more" over the connection.
import { request } from "../api";
import { h } from "../dom";
import { SearchPage, TimelinePage } from "../queries";
import type { Route } from "../route";
import type { ViewContext } from "./context";
import { eventList } from "./event-list";

type TimelineRoute = Extract<Route, { view: "timeline" }>;
const pageSize = 30;

function filterOf(route: TimelineRoute) {
  return {
    ...(route.tags.length ? { tags: route.tags } : {}),
    ...(route.people.length ? { people: route.people } : {}),
    ...(route.places.length ? { places: route.places } : {}),
  };
}

/** A group of chips, each toggling one value of the filter. */
function chips(
  label: string,
  counts: readonly { value: string; name: string; count: number }[],
  selected: string[],
  toggle: (value: string) => TimelineRoute,
  context: ViewContext,
): HTMLElement | null {
  if (counts.length === 0) return null;
  return h(
    "fieldset",
    { class: "chips" },
    h("legend", {}, label),
    counts.slice(0, 12).map(({ value, name, count }) => {
      const on = selected.includes(value);
      return h(
        "a",
        { class: on ? "chip on" : "chip", href: context.link(toggle(value)), "aria-current": on ? "true" : undefined },
        `${name} `,
        h("span", { class: "count" }, count),
      );
    }),
  );
}

export async function timelineView(route: TimelineRoute, context: ViewContext): Promise<HTMLElement> {
  const { words, locale } = context;
  const filter = filterOf(route);
  const toggled = (key: "tags" | "people" | "places", value: string): TimelineRoute => ({
    ...route,
    [key]: route[key].includes(value) ? route[key].filter((v) => v !== value) : [...route[key], value],
  });
  const data = await request(TimelinePage, { first: pageSize, filter, locale });
  const searching = route.query.trim() !== "";
  const found = searching ? (await request(SearchPage, { query: route.query, first: pageSize, filter, locale })).search : undefined;
  const connection = found ?? data.events;

  const input = h("input", { type: "search", name: "q", id: "search", value: route.query, autocomplete: "off" }) as HTMLInputElement;
  const form = h(
    "form",
    { class: "search", role: "search", action: "./" },
    h("label", { for: "search" }, words.searchLabel),
    input,
    h("button", { type: "submit" }, words.search),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = context.link({ ...route, query: input.value });
    history.pushState(null, "", next);
    dispatchEvent(new PopStateEvent("popstate"));
  });
  const filtered = route.tags.length + route.people.length + route.places.length > 0 || searching;
  const list = eventList(connection.edges as Parameters<typeof eventList>[0], context);
  const more = h("button", { type: "button", class: "more" }, words.more);
  let after = connection.pageInfo.endCursor;
  more.hidden = !connection.pageInfo.hasNextPage;
  more.addEventListener("click", async () => {
    more.setAttribute("aria-busy", "true");
    const next = searching
      ? (await request(SearchPage, { query: route.query, first: pageSize, after, filter, locale })).search
      : (await request(TimelinePage, { first: pageSize, after, filter, locale })).events;
    eventList(next.edges as Parameters<typeof eventList>[0], context, list);
    after = next.pageInfo.endCursor;
    more.hidden = !next.pageInfo.hasNextPage;
    more.removeAttribute("aria-busy");
  });
  return h(
    "main",
    { id: "main", class: "timeline" },
    h("h1", {}, words.timeline),
    form,
    h(
      "details",
      // Open where there is room; on a phone the list comes first and the filters open on demand.
      { class: "filters", open: filtered || matchMedia("(min-width: 40rem)").matches },
      h("summary", {}, words.filters),
      chips(words.tags, data.facets.tags, route.tags, (v) => toggled("tags", v), context),
      chips(words.people, data.facets.people, route.people, (v) => toggled("people", v), context),
      chips(words.places, data.facets.places, route.places, (v) => toggled("places", v), context),
      filtered
        ? h(
            "a",
            { class: "clear", href: context.link({ view: "timeline", tags: [], people: [], places: [], query: "" }) },
            words.clearFilters,
          )
        : null,
    ),
    h("p", { class: "total", role: "status" }, words.events(connection.totalCount)),
    list,
    more,
  );
}
