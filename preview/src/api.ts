// Reads the public GraphQL API the way a front-end should: GET requests (cacheable at a CDN), typed by their
// documents, with the language in the query and errors surfaced, not swallowed.
import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";

/** Where the API is: set on the page by whoever serves it (the same origin). */
const endpoint = () => document.documentElement.dataset.endpoint ?? "/graphql";

export class ApiError extends Error {}

export async function request<Result, Variables>(query: TadaDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const url = new URL(endpoint(), location.href);
  url.searchParams.set("query", print(query));
  url.searchParams.set("variables", JSON.stringify(variables));
  const response = await fetch(url, {
    headers: { accept: "application/graphql-response+json, application/json" },
    // Following the content live (npm start), a page asks again rather than reuse what its cache holds.
    cache: document.documentElement.dataset.live ? "no-cache" : "default",
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join("; "));
  if (!response.ok || !body.data) throw new ApiError(`the API answered ${response.status}`);
  return body.data;
}
