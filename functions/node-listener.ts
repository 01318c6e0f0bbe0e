// The app on node:http (`npm start`, or a server of one's own): a GET whose response bytes the app keeps is
// answered here, before it becomes a Fetch API request and runs yoga's plugins; anything else is the app's.
// The key and the bytes are the app's own (functions/plugins/get-response-bytes.ts), so both paths answer
// a request alike, byte for byte.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { App } from "./app";
import { keptGetFacts } from "./kept-get-request";

function answerKept(app: App, request: IncomingMessage, response: ServerResponse): boolean {
  const facts = keptGetFacts(request.method, request.url ?? "", (name) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  });
  const kept = facts && app.keptGet.serve(facts);
  if (!kept) return false;
  response.writeHead(200, kept.headers.flat());
  response.end(kept.body);
  return true;
}

export function nodeListener(app: App): RequestListener {
  return (request, response) => {
    if (!answerKept(app, request, response)) void app(request, response);
  };
}
