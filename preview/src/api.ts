// Reads the public GraphQL API the way a front-end should: GET requests (cacheable at a CDN) that name each
// document by its SHA-256 (a persisted operation: short URLs), typed by their documents, with the language
// in the query and errors surfaced, not swallowed.
import type { TadaDocumentNode } from "gql.tada";
import { documentText } from "./document-text";

/** Where the API is: set on the page by whoever serves it (the same origin). */
const endpoint = () => document.documentElement.dataset.endpoint ?? "/graphql";

export class ApiError extends Error {}

type Body<Result> = { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] };

const hashes = new WeakMap<object, Promise<string | undefined>>();

/** The SHA-256 of the document's text in hex, the key the API's manifest has; none where Web Crypto is not offered (plain HTTP to another host). */
function hashOf(query: object, text: string): Promise<string | undefined> {
  let hash = hashes.get(query);
  if (!hash) {
    hash = crypto.subtle
      ? crypto.subtle
          .digest("SHA-256", new TextEncoder().encode(text))
          .then((digest) => [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join(""))
      : Promise.resolve(undefined);
    hashes.set(query, hash);
  }
  return hash;
}

async function get<Result>(parameters: Record<string, string>): Promise<{ response: Response; body: Body<Result> }> {
  const url = new URL(endpoint(), location.href);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  const response = await fetch(url, {
    headers: { accept: "application/graphql-response+json, application/json" },
    // Following the content live (npm start), a page asks again rather than reuse what its cache holds.
    cache: document.documentElement.dataset.live ? "no-cache" : "default",
  });
  return { response, body: (await response.json().catch(() => ({}))) as Body<Result> };
}

export async function request<Result, Variables>(query: TadaDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const text = documentText(query);
  const hash = await hashOf(query, text);
  const variablesJson = JSON.stringify(variables);
  let answer = hash
    ? await get<Result>({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }), variables: variablesJson })
    : undefined;
  // An API older than this page does not know the hash yet: the text still works.
  if (!answer || answer.body.errors?.some((error) => error.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
    answer = await get<Result>({ query: text, variables: variablesJson });
  }
  const { response, body } = answer;
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join("; "));
  if (!response.ok || !body.data) throw new ApiError(`the API answered ${response.status}`);
  return body.data;
}
