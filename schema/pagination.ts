// Relay connection arguments → a store page request, and a store page → a Relay connection.

import type { Page, PageRequest } from "../core/store/content-store";
import { InvalidCursorError } from "../core/store/cursor";
import { costOf } from "./cost";
import { badUserInput } from "./user-error";

export const defaultPageSize = 20;
export const maxPageSize = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

function checkSize(value: number, name: "first" | "last") {
  if (!Number.isInteger(value) || value < 1 || value > maxPageSize) {
    throw badUserInput(`${name} must be between 1 and ${maxPageSize}, got ${value}`, name);
  }
  return value;
}

/** A page request in list order (`reverse` flips the list), or backwards from `before` for `last`. */
export function pageRequest(args: ConnectionArgs, reverse = false): PageRequest & { fromEnd: boolean } {
  if (args.first != null && args.last != null) throw badUserInput("pass either first or last, not both", "last");
  if (args.last != null || args.before != null) {
    if (args.after != null) throw badUserInput("after goes with first, before with last", "after");
    return { limit: checkSize(args.last ?? defaultPageSize, "last"), after: args.before ?? undefined, backwards: !reverse, fromEnd: true };
  }
  return { limit: checkSize(args.first ?? defaultPageSize, "first"), after: args.after ?? undefined, backwards: reverse, fromEnd: false };
}

/** Runs a page load, turning a bad cursor into a client error, and shapes the result as a connection. */
export async function connection<T>(
  request: ReturnType<typeof pageRequest>,
  load: (request: PageRequest) => Promise<Page<T>>,
  totalCount: () => Promise<number>,
): Promise<ConnectionResult<T>> {
  let page: Page<T>;
  try {
    page = await load(request);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badUserInput(error.message, request.fromEnd ? "before" : "after");
    throw error;
  }
  const edges = request.fromEnd ? [...page.edges].reverse() : page.edges;
  return {
    edges,
    pageInfo: {
      hasNextPage: request.fromEnd ? Boolean(request.after) : page.hasMore,
      hasPreviousPage: request.fromEnd ? page.hasMore : Boolean(request.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * The `totalCount` field every connection has: it runs the count query only when a client asks for it.
 * `t` is typed loosely: Pothos' connection field builder is the same for every connection.
 */
export const totalCountField = (description: string) => (t: any) => ({
  totalCount: t.int({ description, extensions: costOf("totalCount"), resolve: (parent: ConnectionResult<unknown>) => parent.totalCount() }),
});
