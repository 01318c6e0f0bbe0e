// In `npm start`, the page follows the content: the server pushes an event after each sync (server-sent
// events); a good sync re-renders the page in place, content errors show as an overlay.
import type { ContentProblem } from "./overlay";

export type LiveMessage = { type: "synced"; revision: string } | { type: "problems"; problems: ContentProblem[] };

/** Listens at the page's live endpoint, if it has one (only `npm start` serves it). */
export function followContent(onMessage: (message: LiveMessage) => void) {
  const url = document.documentElement.dataset.live;
  if (!url || typeof EventSource === "undefined") return;
  const source = new EventSource(url);
  source.addEventListener("message", (event) => {
    try {
      onMessage(JSON.parse(event.data) as LiveMessage);
    } catch {
      // A message this page does not understand: ignore it.
    }
  });
}
