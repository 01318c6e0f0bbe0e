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
/** Batches of one phase in flight at once: order within a phase does not matter. */
const concurrency = 4;

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
  for (const phase of plan.phases) {
    const requests = phase.writes.map(toRequest);
    for (let start = 0; start < requests.length; start += batchSize * concurrency) {
      const batches = Array.from({ length: concurrency }, (_, i) =>
        requests.slice(start + i * batchSize, start + (i + 1) * batchSize),
      ).filter((b) => b.length);
      await Promise.all(batches.map((batch) => writeBatch(client, tableName, batch)));
      const written = Math.min(start + batchSize * concurrency, requests.length);
      for (const _ of batches) await options.onBatch?.(phase.name, written, requests.length);
    }
  }
  if (!plan.writesRevision) return {};
  const chunks = options.searchChunks ?? [];
  for (let start = 0; start < chunks.length; start += batchSize) {
    await writeBatch(
      client,
      tableName,
      chunks.slice(start, start + batchSize).map((put) => toRequest({ put })),
    );
  }
  const syncedAt = (options.now?.() ?? new Date()).toISOString();
  for (const item of revisionItems(plan, chunks.length, syncedAt)) {
    await client.send(new PutItemCommand({ TableName: tableName, Item: marshallItem(item) }));
  }
  if (options.searchChunks) await removeOtherSearchChunks(client, tableName, plan.revision.id);
  return { syncedAt };
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
