// The preview in `npm start`: the site at /, reading a preview table (drafts included, marked) through its
// own GraphQL endpoint, and a stream of server-sent events that tells open pages when the content changed
// or has errors. The public API at /graphql never sees a draft.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Diagnostic } from "../core/content/diagnostic";
import { previewSiteFiles } from "../preview/site";

export const previewPaths = { graphql: "/preview/graphql", live: "/preview/live" } as const;

const contentTypes: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "styles.css": "text/css; charset=utf-8",
};

type LiveMessage = { type: "synced"; revision: string } | { type: "problems"; problems: Diagnostic[] };

export interface PreviewServer {
  /** Answers the preview's own paths; false for any other request. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Tells every open page what the last sync did. */
  publish(message: LiveMessage): void;
  close(): void;
}

export function createPreviewServer(): PreviewServer {
  const files = previewSiteFiles({ endpoint: previewPaths.graphql, live: previewPaths.live });
  const listeners = new Set<ServerResponse>();
  let last: LiveMessage | undefined;
  const send = (response: ServerResponse, message: LiveMessage) => response.write(`data: ${JSON.stringify(message)}\n\n`);
  return {
    handle(request, response) {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname === previewPaths.live) {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        response.write("retry: 1000\n\n");
        // A page opened while the content has errors sees them at once.
        if (last?.type === "problems") send(response, last);
        listeners.add(response);
        response.on("close", () => listeners.delete(response));
        return true;
      }
      const name = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
      if (request.method !== "GET" && request.method !== "HEAD") return false;
      if (!Object.hasOwn(files, name)) return false;
      response.writeHead(200, { "content-type": contentTypes[name], "cache-control": "no-cache" });
      response.end(request.method === "HEAD" ? undefined : files[name]);
      return true;
    },
    publish(message) {
      last = message;
      for (const response of listeners) send(response, message);
    },
    close() {
      for (const response of listeners) response.end();
      listeners.clear();
    },
  };
}
