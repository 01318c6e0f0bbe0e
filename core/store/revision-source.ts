// The published revision record, read at most once per interval per process: response caching keys on its
// id and list queries bound their date ranges with its maxSpanDays, so one read serves many requests.
// When the store is down or slow, the last revision read keeps being served (the caches keyed on it keep
// answering for what they hold), and a failed read is not tried again within the same request.
import { beforeDeadline, currentDeadline, type Deadline } from "./deadline";
import { wireKey } from "./item-type";
import { revisionItem, type StoredRevision } from "./items";
import type { TableReads } from "./table-reads";

/** Resolves to the revision, or null before the first sync. */
export type RevisionSource = (() => Promise<StoredRevision | null>) & {
  /** The revision read within the trusted interval, if there is one, without reading or waiting: else undefined. */
  fresh?: () => StoredRevision | null | undefined;
};

export interface RevisionSourceOptions {
  /** How long a revision read is trusted, in ms (default 5000). */
  maxAgeMs?: number;
  /** With a revision already known, how long a refresh may hold up requests before the known one is served (default 1000). */
  refreshWaitMs?: number;
  /** After a failed refresh, how long the known revision is served without asking the store again (default max(maxAgeMs, 1000)). */
  retryAfterFailureMs?: number;
}

export function createRevisionSource(reads: TableReads, tableName: string, options: RevisionSourceOptions = {}): RevisionSource {
  const { maxAgeMs = 5000, refreshWaitMs = 1000, retryAfterFailureMs = Math.max(maxAgeMs, 1000) } = options;
  let known: { revision: StoredRevision | null; readAt: number } | undefined;
  let refreshing: { read: Promise<StoredRevision | null>; startedAt: number } | undefined;
  let quietUntil = 0;
  const ofRequest = new WeakMap<Deadline, Promise<StoredRevision | null>>();

  const refresh = () => {
    if (refreshing) return refreshing;
    const read = reads
      .getItem({ TableName: tableName, Key: wireKey(revisionItem.key({})) })
      .then((result) => {
        const revision = result.Item ? revisionItem.read(result.Item) : null;
        known = { revision, readAt: performance.now() };
        return revision;
      })
      .catch((error: unknown) => {
        quietUntil = performance.now() + retryAfterFailureMs;
        throw error;
      })
      .finally(() => {
        refreshing = undefined;
      });
    // Its outcome may reach no one (every waiting request was served the known revision meanwhile).
    read.catch(() => {});
    refreshing = { read, startedAt: performance.now() };
    return refreshing;
  };

  const lookup = (): Promise<StoredRevision | null> => {
    const now = performance.now();
    if (known && (now - known.readAt < maxAgeMs || now < quietUntil)) return Promise.resolve(known.revision);
    const { read, startedAt } = refresh();
    if (!known) return beforeDeadline(read, "reading the revision");
    const lastKnown = known.revision;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(lastKnown), Math.max(0, startedAt + refreshWaitMs - now));
      read.then(resolve, () => resolve(lastKnown)).finally(() => clearTimeout(timer));
    });
  };

  const fresh = () => (known && performance.now() - known.readAt < maxAgeMs ? known.revision : undefined);

  const source = () => {
    const deadline = currentDeadline();
    if (!deadline) return lookup();
    let revision = ofRequest.get(deadline);
    if (!revision) {
      revision = lookup();
      ofRequest.set(deadline, revision);
    }
    return revision;
  };
  return Object.assign(source, { fresh });
}
