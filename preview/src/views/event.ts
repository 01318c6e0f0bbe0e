// One event as a reader sees it: its date in both calendars, the body, people and places, the sources in
// Chicago or APA, and the events it leads into.
import type { ResultOf } from "gql.tada";
import { request } from "../api";
import { h, sanitizedHtml } from "../dom";
import { EventPage } from "../queries";
import type { Route } from "../route";
import type { ViewContext } from "./context";
import { draftBadge } from "./event-list";

type EventRoute = Extract<Route, { view: "event" }>;

const linkList = (items: { slug: string; name: string }[], view: "person" | "place", context: ViewContext) =>
  h(
    "ul",
    { class: "inline" },
    items.map((item) => h("li", {}, h("a", { href: context.link({ view, slug: item.slug }) }, item.name))),
  );

type EventImage = NonNullable<ResultOf<typeof EventPage>["event"]>["media"][number];

/** The widths an image is shown at: the column's, at most 48rem. */
const imageSizes = "(min-width: 52rem) 48rem, 100vw";

/** An image with every rendition as srcset (AVIF and WebP first, for browsers that take them), its caption and credit. */
function figure({ caption, media }: EventImage): HTMLElement {
  const raster = media.format !== "SVG";
  const img = h("img", {
    src: media.src,
    srcset: media.srcset,
    sizes: imageSizes,
    alt: media.alt,
    width: media.width,
    height: media.height,
    loading: "lazy",
    decoding: "async",
  });
  const credit = h(
    "span",
    { class: "credit" },
    media.source ? h("a", { href: media.source, rel: "noopener" }, media.credit) : media.credit,
    ` (${media.licence})`,
  );
  return h(
    "figure",
    {},
    raster
      ? h(
          "picture",
          {},
          h("source", { type: "image/avif", srcset: media.avif, sizes: imageSizes }),
          h("source", { type: "image/webp", srcset: media.webp, sizes: imageSizes }),
          img,
        )
      : img,
    h("figcaption", {}, caption ? `${caption} ` : null, credit),
  );
}

export async function eventView(route: EventRoute, context: ViewContext): Promise<HTMLElement> {
  const { words } = context;
  const { event } = await request(EventPage, { slug: route.slug, locale: context.locale, style: route.style });
  if (!event) return h("main", { id: "main" }, h("h1", {}, words.notFound));
  const styleLink = (style: "CHICAGO" | "APA", label: string) =>
    h("a", { href: context.link({ ...route, style }), "aria-current": route.style === style ? "true" : undefined }, label);
  return h(
    "main",
    { id: "main", class: "event", lang: event.locale.toLowerCase() },
    h("p", {}, h("a", { href: context.link({ view: "timeline", tags: [], people: [], places: [], query: "" }) }, words.back)),
    h(
      "article",
      {},
      h("p", { class: "date" }, event.date.label),
      h("h1", {}, event.title, event.draft && " ", event.draft && draftBadge(context)),
      event.summary ? h("p", { class: "summary" }, event.summary) : null,
      event.media.map(figure),
      sanitizedHtml("div", event.body, { class: "body" }),
      event.people.length ? h("section", {}, h("h2", {}, words.people), linkList(event.people, "person", context)) : null,
      event.places.length ? h("section", {}, h("h2", {}, words.places), linkList(event.places, "place", context)) : null,
      event.notes.length
        ? h(
            "section",
            { class: "notes" },
            h("h2", {}, words.notes),
            h(
              "ul",
              {},
              event.notes.map((note) => h("li", {}, note)),
            ),
          )
        : null,
      event.citations.length
        ? h(
            "section",
            { class: "citations" },
            h("h2", {}, words.sources),
            h("p", { class: "switch" }, `${words.style}: `, styleLink("CHICAGO", "Chicago"), " · ", styleLink("APA", "APA")),
            h(
              "ol",
              {},
              event.citations.map((citation) => sanitizedHtml("li", citation.formatted)),
            ),
          )
        : null,
      event.related.length
        ? h(
            "section",
            {},
            h("h2", {}, words.related),
            h(
              "ul",
              {},
              event.related.map((r) =>
                h(
                  "li",
                  {},
                  h("a", { href: context.link({ view: "event", slug: r.slug, style: route.style }) }, r.title),
                  ` (${r.date.label})`,
                ),
              ),
            ),
          )
        : null,
    ),
  );
}
