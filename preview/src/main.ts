// The preview: a reference front-end on the public GraphQL API. One page; the view is in the query string,
// links are followed without reloading, and in `npm start` the page follows the content as it is saved.
import { h } from "./dom";
import { type Language, wordsFor } from "./i18n";
import { followContent } from "./live";
import { showProblems } from "./overlay";
import { href, type Location, readLocation } from "./route";
import type { ViewContext } from "./views/context";
import { eventView } from "./views/event";
import { personView, placeView } from "./views/record";
import { timelineView } from "./views/timeline";

const root = document.getElementById("app") as HTMLElement;

function contextFor(location: Location): ViewContext {
  const { language } = location;
  return {
    language,
    words: wordsFor(language),
    locale: language === "en" ? "EN" : "PL",
    location,
    link: (route) => href({ route, language }),
  };
}

function header(context: ViewContext): HTMLElement {
  const other = (language: Language, label: string) =>
    h(
      "a",
      { href: href({ ...context.location, language }), lang: language, "aria-current": context.language === language ? "true" : undefined },
      label,
    );
  return h(
    "header",
    { class: "site" },
    h("a", { class: "brand", href: context.link({ view: "timeline", tags: [], people: [], places: [], query: "" }) }, "Kronika"),
    h("nav", { "aria-label": context.words.language }, other("pl", "PL"), " ", other("en", "EN")),
  );
}

let rendering = 0;

/** Renders the current URL; a re-render (after a save) keeps the reader's scroll position. */
async function render(keepScroll = false) {
  const ticket = ++rendering;
  const location = readLocation(window.location.search);
  const context = contextFor(location);
  document.documentElement.lang = location.language;
  const scroll = window.scrollY;
  if (!keepScroll) root.setAttribute("aria-busy", "true");
  let view: HTMLElement;
  try {
    const { route } = location;
    view =
      route.view === "event"
        ? await eventView(route, context)
        : route.view === "person"
          ? await personView(route, context)
          : route.view === "place"
            ? await placeView(route, context)
            : await timelineView(route, context);
  } catch (error) {
    view = h("main", { id: "main" }, h("h1", {}, context.words.failed), h("p", { role: "alert" }, String((error as Error).message)));
  }
  if (ticket !== rendering) return;
  root.replaceChildren(header(context), view);
  root.removeAttribute("aria-busy");
  const title = view.querySelector("h1")?.textContent;
  document.title = title ? `${title} · Kronika` : "Kronika";
  if (keepScroll) window.scrollTo(0, scroll);
  else window.scrollTo(0, 0);
}

// Same-page links change the view without a reload.
document.addEventListener("click", (event) => {
  const link = (event.target as Element).closest?.("a");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  event.preventDefault();
  history.pushState(null, "", url);
  void render();
});
addEventListener("popstate", () => void render());

followContent((message) => {
  const { words } = contextFor(readLocation(window.location.search));
  if (message.type === "problems") showProblems(message.problems, words);
  else {
    showProblems([], words);
    void render(true);
  }
});

void render();
