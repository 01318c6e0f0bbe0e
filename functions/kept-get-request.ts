// What a server that answers kept GET responses before the app (node:http, the Lambda handler) reads of a
// request: the facts the app's key is made of (functions/plugins/get-response-bytes.ts), taken from the raw
// request line and headers exactly as the app would take them from its Fetch API request.
import type { GetRequestFacts } from "./plugins/get-response-bytes";

/** A query string URL keeps as it is: printable ASCII but what the URL standard percent-encodes in a query. */
const verbatimQuery = /^[!$-&(-;=?-~]*$/;

/** URL.search of a query (from its `?`), as the app's URL of the request gives it. */
export const searchOf = (query: string) =>
  query.length <= 1 ? "" : verbatimQuery.test(query) ? query : new URL(`http://localhost/${query}`).search;

/**
 * The facts of a GET to an origin-form target ("/graphql?…"), or undefined for anything the app must judge
 * itself: another method, another form of target, a path it would normalize (percent-escapes, dot segments).
 */
export function keptGetFacts(
  method: string | undefined,
  target: string,
  header: (name: "accept" | "accept-language" | "if-none-match" | "origin") => string | undefined,
): GetRequestFacts | undefined {
  // As the Fetch API's Headers give a value: without leading and trailing whitespace.
  const value = (name: Parameters<typeof header>[0]) => header(name)?.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  if (method !== "GET" || !target.startsWith("/") || target.startsWith("//")) return undefined;
  const queryAt = target.indexOf("?");
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  if (/[%\\]|\/\.\.?(\/|$)/.test(pathname)) return undefined;
  return {
    method,
    pathname,
    search: queryAt === -1 ? "" : searchOf(target.slice(queryAt)),
    accept: value("accept") ?? null,
    acceptLanguage: value("accept-language") ?? null,
    ifNoneMatch: header("if-none-match") !== undefined,
    origin: header("origin") !== undefined,
  };
}
