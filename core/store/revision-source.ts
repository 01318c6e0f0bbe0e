// The published revision id, read at most once per interval per process: response caching keys on it,
// so a cache hit costs no DynamoDB call, and a new revision is seen within the interval.
import { type DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { revisionKey } from "./items";

export type RevisionSource = () => Promise<string>;

/** "none" before the first sync. */
export function createRevisionSource(client: DynamoDBClient, tableName: string, maxAgeMs = 5000): RevisionSource {
  let current: { id: string; readAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    if (current && Date.now() - current.readAt < maxAgeMs) return Promise.resolve(current.id);
    pending ??= client
      .send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: revisionKey.pk }, sk: { S: revisionKey.sk } },
          ProjectionExpression: "id",
        }),
      )
      .then((result) => {
        const id = result.Item?.id?.S ?? "none";
        current = { id, readAt: Date.now() };
        return id;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
