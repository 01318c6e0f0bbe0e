// Renditions no image uses any more are kept for a grace period, then deleted. Deleting them at once would
// break what still names them: an API response a browser or CloudFront cached before the sync, a page open
// in a reader's tab, a static site built from the API whose rebuild has not run (or failed). The names are
// content addressed, so keeping an old one never serves a wrong image; it only costs its storage. Each sync
// records the renditions it retired, with when, and deletes those retired longer ago than the grace period
// (and not in use again: an image put back gets its old names, and keeps them).
import { BatchWriteItemCommand, type DynamoDBClient, QueryCommand, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { MediaStorage } from "../renditions/media-storage";
import { retiredRenditionItem, retiredRenditionsQuery } from "../store/items";
import { queryItems, sendUntilProcessed } from "../store/paging";

/** 30 days: longer than any cache of an API response, and than a static site's rebuild is likely to stay broken. */
export const renditionGraceMs = 30 * 24 * 60 * 60 * 1000;

export interface RetirementOptions {
  /** The renditions the images that were updated or deleted used. */
  previousKeys: string[];
  /** The renditions the collection's images use now. */
  current: ReadonlySet<string>;
  now: Date;
  graceMs?: number;
}

async function writeAll(client: DynamoDBClient, tableName: string, requests: WriteRequest[]) {
  for (let start = 0; start < requests.length; start += 25) {
    await sendUntilProcessed(
      "DynamoDB BatchWriteItem",
      requests.slice(start, start + 25),
      async (pending) =>
        (await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }))).UnprocessedItems?.[tableName] ?? [],
      10,
    );
  }
}

/** Records the renditions retired now, and deletes those past the grace period. */
export async function retireRenditions(
  client: DynamoDBClient,
  tableName: string,
  storage: MediaStorage,
  options: RetirementOptions,
): Promise<{ retired: number; deleted: number }> {
  const graceMs = options.graceMs ?? renditionGraceMs;
  const retiredNow = [...new Set(options.previousKeys)].filter((key) => !options.current.has(key));
  await writeAll(
    client,
    tableName,
    retiredNow.map((key) => ({ PutRequest: { Item: marshall(retiredRenditionItem.item({ key, retiredAt: options.now.toISOString() })) } })),
  );
  const recorded = (
    await queryItems((input) => client.send(new QueryCommand(input)), {
      TableName: tableName,
      ConsistentRead: true,
      ...retiredRenditionsQuery(),
    })
  ).map(retiredRenditionItem.read);
  const done: WriteRequest[] = [];
  let deleted = 0;
  for (const { key, retiredAt } of recorded) {
    const inUse = options.current.has(key);
    const expired = options.now.getTime() - Date.parse(retiredAt) >= graceMs;
    if (!inUse && !expired) continue;
    if (!inUse) {
      await storage.delete(key);
      deleted += 1;
    }
    done.push({ DeleteRequest: { Key: marshall(retiredRenditionItem.key({ key })) } });
  }
  await writeAll(client, tableName, done);
  return { retired: retiredNow.length, deleted };
}
