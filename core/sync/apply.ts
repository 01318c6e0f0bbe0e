// Applies a sync plan: phase by phase, in BatchWriteItem calls of 25, retrying unprocessed items with
// backoff. The revision item is written last, once everything it describes is in place.
import { BatchWriteItemCommand, type DynamoDBClient, PutItemCommand, QueryCommand, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { readKey, type TableItem } from "../store/item-type";
import { facetsItem, isChunkOf, revisionItem, searchChunkKeys } from "../store/items";
import { queryItems, sendUntilProcessed } from "../store/paging";
import type { SyncPlan, Write } from "./plan";

const batchSize = 25;
/** Rounds of a BatchWriteItem while DynamoDB leaves writes unprocessed. */
const maxAttempts = 10;
/**
 * Batches of one phase in flight at once: order within a phase does not matter. Eight keep DynamoDB Local
 * (and DynamoDB) busy while the sync marshals the next ones: 40% faster than four, no faster at sixteen.
 */
const concurrency = 8;

export interface ApplyOptions {
  /** The search index's items, written with the revision (older revisions' are removed after it). */
  searchChunks?: TableItem[];
  /** Called after each batch, e.g. to report progress; the sync waits for it before the next batch. */
  onBatch?: (phase: string, written: number, total: number) => void | Promise<void>;
  now?: () => Date;
}

/** An item as it is sent to DynamoDB (and measured before anything is sent). */
export const marshallItem = (item: Record<string, unknown>) =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true });

const toRequest = (write: Write): WriteRequest =>
  "put" in write ? { PutRequest: { Item: marshallItem(write.put) } } : { DeleteRequest: { Key: marshall(write.delete) } };

/** The items written last, once everything they describe is in place: the facet counts, then the revision. */
export function revisionItems(plan: SyncPlan, searchChunks: number, syncedAt: string): TableItem[] {
  return [facetsItem.item({ ...plan.facets, revision: plan.revision.id }), revisionItem.item({ ...plan.revision, searchChunks, syncedAt })];
}

const writeBatch = (client: DynamoDBClient, tableName: string, requests: WriteRequest[]) =>
  sendUntilProcessed(
    "DynamoDB BatchWriteItem",
    requests,
    async (pending) => {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      return result.UnprocessedItems?.[tableName] ?? [];
    },
    maxAttempts,
  );

/** Applies the plan; returns when the revision item says it was written, if the plan wrote it. */
export async function applySync(
  client: DynamoDBClient,
  tableName: string,
  plan: SyncPlan,
  options: ApplyOptions = {},
): Promise<{ syncedAt?: string }> {
  const chunks = plan.writesRevision ? (options.searchChunks ?? []) : [];
  // No one reads the new revision's search index before the revision item names it, so it is written while the
  // phases are, not after them. Chunks a failed sync leaves behind are removed by the next one that publishes.
  await allSettledOrThrow([
    (async () => {
      for (const phase of plan.phases) await applyPhase(client, tableName, phase, options);
    })(),
    (async () => {
      for (let start = 0; start < chunks.length; start += batchSize) {
        await writeBatch(
          client,
          tableName,
          chunks.slice(start, start + batchSize).map((put) => toRequest({ put })),
        );
      }
    })(),
  ]);
  if (!plan.writesRevision) return {};
  const syncedAt = (options.now?.() ?? new Date()).toISOString();
  for (const item of revisionItems(plan, chunks.length, syncedAt)) {
    await client.send(new PutItemCommand({ TableName: tableName, Item: marshallItem(item) }));
  }
  if (options.searchChunks) await removeOtherSearchChunks(client, tableName, plan.revision.id);
  return { syncedAt };
}

/**
 * One phase's writes, `concurrency` batches in flight: each writer takes the next batch as soon as its last
 * one is written (and `onBatch` has returned). After a failure no batch is started, and the phase fails once
 * the batches in flight have settled, so nothing of it is written after the sync has stopped.
 */
async function applyPhase(client: DynamoDBClient, tableName: string, phase: SyncPlan["phases"][number], options: ApplyOptions) {
  const total = phase.writes.length;
  let next = 0;
  let written = 0;
  let failed = false;
  const writer = async () => {
    while (!failed && next < total) {
      const start = next;
      next += batchSize;
      const batch = phase.writes.slice(start, start + batchSize).map(toRequest);
      try {
        await writeBatch(client, tableName, batch);
        written += batch.length;
        await options.onBatch?.(phase.name, written, total);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await allSettledOrThrow(Array.from({ length: Math.min(concurrency, Math.ceil(total / batchSize)) }, writer));
}

/** Waits for every write in flight, then fails with the first failure: nothing is written after a sync stops. */
async function allSettledOrThrow(writes: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failure = settled.find((w): w is PromiseRejectedResult => w.status === "rejected");
  if (failure) throw failure.reason;
}

/** The search index of earlier revisions, once the new revision is published. */
async function removeOtherSearchChunks(client: DynamoDBClient, tableName: string, revisionId: string) {
  const chunks = await queryItems((input) => client.send(new QueryCommand(input)), {
    TableName: tableName,
    ...searchChunkKeys(),
  });
  const stale: WriteRequest[] = chunks.filter((item) => !isChunkOf(readKey(item), revisionId)).map((Key) => ({ DeleteRequest: { Key } }));
  for (let start = 0; start < stale.length; start += batchSize) await writeBatch(client, tableName, stale.slice(start, start + batchSize));
}
