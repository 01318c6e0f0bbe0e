// DynamoDB's paging and batching, written once: a Query's pages one after another, as long as DynamoDB says
// more follow and the caller wants them; a batch call repeated for what DynamoDB leaves unprocessed. The
// store, the search index and the sync all page and batch through here.
import type { QueryCommandInput } from "@aws-sdk/client-dynamodb";
import { retrying } from "./retry";
import type { QueryOutput } from "./table-reads";

/** One Query call: the store's counted, deadline-bound reads, or the SDK's client. */
export type QueryCall = (input: QueryCommandInput) => Promise<QueryOutput>;

/**
 * Hands a Query's pages, from `input.ExclusiveStartKey` on, to `onPage` in order, until DynamoDB has no more
 * or `onPage` answers "stop". (A plain loop, not an async generator: each page costs one await.)
 */
export async function forEachPage(query: QueryCall, input: QueryCommandInput, onPage: (page: QueryOutput) => unknown): Promise<void> {
  let startKey = input.ExclusiveStartKey;
  do {
    const page = await query({ ...input, ExclusiveStartKey: startKey });
    if (onPage(page) === "stop") return;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item a Query finds, across its pages. */
export async function queryItems(query: QueryCall, input: QueryCommandInput): Promise<NonNullable<QueryOutput["Items"]>> {
  const items: NonNullable<QueryOutput["Items"]> = [];
  await forEachPage(query, input, (page) => {
    items.push(...(page.Items ?? []));
  });
  return items;
}

/**
 * Sends a batch (of BatchGetItem keys, of BatchWriteItem requests), then what DynamoDB left unprocessed
 * (it sheds load so), pausing by the shared retry policy between rounds. `send` returns what is left.
 */
export async function sendUntilProcessed<T>(
  what: string,
  batch: T[],
  send: (pending: T[]) => Promise<T[]>,
  maxAttempts: number,
): Promise<void> {
  if (batch.length === 0) return;
  // The first round needs no retry policy: DynamoDB processes a whole batch unless it is shedding load.
  let pending = await send(batch);
  if (pending.length === 0) return;
  await retrying({ what, maxAttempts, attemptsMade: 1, reason: unprocessed(pending) }, async () => {
    pending = await send(pending);
    return pending.length === 0 ? { value: undefined } : { retry: unprocessed(pending) };
  });
}

const unprocessed = (pending: unknown[]) => `${pending.length} left unprocessed`;
