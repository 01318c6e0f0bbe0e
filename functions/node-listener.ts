// The app on node:http (`npm start`, or a server of one's own): a GET whose response bytes the app keeps is
// answered here, before it becomes a Fetch API request and runs yoga's plugins; anything else is the app's.
// The key and the bytes are the app's own (functions/plugins/get-response-bytes.ts), so both paths answer
// a request alike, byte for byte.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { App } from "./app";
import { currentScope } from "./request-scope";

/** A query string URL keeps as it is: printable ASCII but what the URL standard percent-encodes in a query. */
const verbatimQuery = /^[!$-&(-;=?-~]*$/;

/** URL.search of an origin-form target's query (from `?`), as the app's URL of the request gives it. */
export const searchOf = (query: string) =>
  query.length <= 1 ? "" : verbatimQuery.test(query) ? query : new URL(`http://localhost/${query}`).search;

const oneHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : (value ?? null));

async function answerKept(app: App, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const target = request.url ?? "";
  // Only origin-form targets ("/graphql?…"): anything else is the app's to judge.
  if (request.method !== "GET" || !target.startsWith("/") || target.startsWith("//")) return false;
  const startedAt = performance.now();
  const queryAt = target.indexOf("?");
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  // A path the app would normalize (percent-escapes, dot segments) goes to the app, which knows it.
  if (/[%\\]|\/\.\.?(\/|$)/.test(pathname)) return false;
  const kept = await app.keptGet.find({
    method: "GET",
    pathname,
    search: queryAt === -1 ? "" : searchOf(target.slice(queryAt)),
    accept: oneHeader(request.headers.accept),
    acceptLanguage: oneHeader(request.headers["accept-language"]),
    ifNoneMatch: request.headers["if-none-match"] !== undefined,
    origin: request.headers.origin !== undefined,
  });
  if (!kept) return false;
  const requestId = currentScope()?.requestId;
  response.writeHead(200, [...kept.headers, ["x-cache", "hit"], ...(requestId ? [["x-request-id", requestId]] : [])].flat());
  response.end(kept.body);
  app.keptGet.logServed({ path: pathname, status: 200, durationMs: Math.round((performance.now() - startedAt) * 10) / 10 });
  return true;
}

export function nodeListener(app: App): RequestListener {
  return (request, response) => {
    answerKept(app, request, response).then(
      (answered) => {
        if (!answered) void app(request, response);
      },
      () => void app(request, response),
    );
  };
}
