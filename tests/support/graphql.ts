// Posting a GraphQL query to an app in-process.
import type { createApp } from "../../functions/app";

export type GraphQLResult = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export async function postQuery(
  app: ReturnType<typeof createApp>,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResult> {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return (await response.json()) as GraphQLResult;
}

/** Posting a GraphQL query to a running server (`npm start`) at `url`. */
export async function postTo(url: string, query: string): Promise<GraphQLResult> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as GraphQLResult;
}

/** An event's title as a running server serves it, or null when it serves no such event. */
export const titleAt = async (url: string, slug: string): Promise<string | null> =>
  (await postTo(url, `{ event(slug: "${slug}") { title } }`)).data?.event?.title ?? null;
