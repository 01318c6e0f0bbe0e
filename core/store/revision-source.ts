// The published revision record, read at most once per interval per process: response caching keys on its
// id and list queries bound their date ranges with its maxSpanDays, so one read serves many requests.
import { type DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { StoredRevision } from "../sync/table-state";
import { revisionKey } from "./item-keys";

/** Resolves to the revision, or null before the first sync. */
export type RevisionSource = () => Promise<StoredRevision | null>;

export function createRevisionSource(client: DynamoDBClient, tableName: string, maxAgeMs = 5000): RevisionSource {
  let current: { revision: StoredRevision | null; readAt: number } | undefined;
  let pending: Promise<StoredRevision | null> | undefined;
  return () => {
    if (current && Date.now() - current.readAt < maxAgeMs) return Promise.resolve(current.revision);
    pending ??= client
      .send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: revisionKey.pk }, sk: { S: revisionKey.sk } } }))
      .then((result) => {
        const revision = result.Item ? (unmarshall(result.Item) as StoredRevision) : null;
        current = { revision, readAt: Date.now() };
        return revision;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
