// One deadline per request for the store (core/store/deadline.ts), set as the request arrives, and the answer
// when the store is down or misses it: HTTP 503 with Retry-After and a stable code, never cached, so that
// clients retry later and alarms on 5xx see the outage.
import type { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { withDeadline } from "../../core/store/deadline";

export const storeUnavailableCode = "STORE_UNAVAILABLE";
const retryAfterSeconds = 5;

export function useRequestDeadline(budgetMs: number): Plugin {
  return {
    // Wraps the whole handling of a request, its onRequest hooks (the caches) included.
    instrumentation: { request: (_payload, handle) => withDeadline(budgetMs, handle) },
  };
}

/** What a client sees in place of a field the store could not serve in time. */
export function storeUnavailableError(error: GraphQLError, requestId?: string): GraphQLError {
  return createGraphQLError("The content store is unavailable or too slow right now; try again shortly.", {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: {
      code: storeUnavailableCode,
      ...(requestId ? { requestId } : {}),
      http: { status: 503, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
    },
  });
}
