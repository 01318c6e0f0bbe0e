// A list of events grouped by year and month (of their first day, Gregorian), each a card with its date in
// both calendars: the timeline, a search, a person's or a place's events.
import { h } from "../dom";
import type { ViewContext } from "./context";

export interface EventCard {
  slug: string;
  title: string;
  summary: string | null;
  draft: boolean;
  tags: string[];
  date: { label: string; earliest: string | null };
  places: { slug: string; name: string }[];
}

export function draftBadge(context: ViewContext): HTMLElement {
  return h("span", { class: "badge draft", title: context.words.draft }, context.words.draft);
}

function card(event: EventCard, context: ViewContext, snippet?: string | null): HTMLElement {
  const snippetElement = snippet ? h("p", { class: "snippet" }) : null;
  // A snippet is HTML-escaped text with <mark> around the matching words: rebuild it as text and marks.
  if (snippetElement && snippet) {
    for (const [index, part] of snippet.split(/<\/?mark>/).entries()) {
      const text = new DOMParser().parseFromString(part, "text/html").documentElement.textContent ?? "";
      snippetElement.append(index % 2 === 1 ? h("mark", {}, text) : text);
    }
  }
  return h(
    "article",
    { class: "event-card", "data-slug": event.slug },
    h("p", { class: "date" }, event.date.label),
    h(
      "h4",
      {},
      h("a", { href: context.link({ view: "event", slug: event.slug, style: "CHICAGO" }) }, event.title),
      event.draft && " ",
      event.draft && draftBadge(context),
    ),
    event.summary ? h("p", { class: "summary" }, event.summary) : null,
    snippetElement,
    event.places.length > 0
      ? h(
          "p",
          { class: "places" },
          event.places.flatMap((place, i) => [
            i > 0 ? ", " : "",
            h("a", { href: context.link({ view: "place", slug: place.slug }) }, place.name),
          ]),
        )
      : null,
  );
}

/** Cards under year and month headings; `into` continues a list already shown (for "show more"). */
export function eventList(events: { node: EventCard; snippet?: string | null }[], context: ViewContext, into?: HTMLElement): HTMLElement {
  const list = into ?? h("div", { class: "event-list" });
  for (const { node, snippet } of events) {
    // earliest is an ISO date with an astronomical year: YYYY-MM-DD, or -YYYY-MM-DD before year 1; null for an
    // open start (`../1918`), which sorts first and goes under a heading of its own, without months.
    const earliest = node.date.earliest;
    const year = earliest === null ? "…" : String(Number(earliest.slice(0, -6)));
    let yearSection = list.lastElementChild as HTMLElement | null;
    if (yearSection?.dataset.year !== year) {
      yearSection = h("section", { class: "year", "data-year": year }, h("h2", {}, year));
      list.append(yearSection);
    }
    if (earliest === null) {
      yearSection.append(card(node, context, snippet));
      continue;
    }
    const month = earliest.slice(-5, -3);
    const monthName = context.words.months[Number(month) - 1] ?? month;
    let monthSection = yearSection.lastElementChild as HTMLElement;
    if (monthSection?.dataset.month !== month) {
      monthSection = h("section", { class: "month", "data-month": month }, h("h3", {}, monthName));
      yearSection.append(monthSection);
    }
    monthSection.append(card(node, context, snippet));
  }
  return list;
}
