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
