// The published revision record, read at most once per interval per process: response caching keys on its
// id and list queries bound their date ranges with its maxSpanDays, so one read serves many requests.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { StoredRevision } from "../sync/table-state";
import { revisionKey } from "./item-keys";
import type { TableReads } from "./table-reads";

/** Resolves to the revision, or null before the first sync. */
export type RevisionSource = () => Promise<StoredRevision | null>;

export function createRevisionSource(reads: TableReads, tableName: string, maxAgeMs = 5000): RevisionSource {
  let current: { revision: StoredRevision | null; readAt: number } | undefined;
  let pending: Promise<StoredRevision | null> | undefined;
  return () => {
    if (current && Date.now() - current.readAt < maxAgeMs) return Promise.resolve(current.revision);
    pending ??= reads
      .getItem({ TableName: tableName, Key: { pk: { S: revisionKey.pk }, sk: { S: revisionKey.sk } } })
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
