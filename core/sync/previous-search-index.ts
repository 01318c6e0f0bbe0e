// The search index a sync updates instead of rebuilding: the published revision's, when the sync record vouches
// that the table is as the recorded sync left it (so that index was built from the entities the table holds).
// An event whose state item keeps its hash keeps its terms, unless a person or place changed (their names are
// an event's terms) or the collection's language did. Anything else rebuilds the index.
import { type DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import type { PreviousIndex } from "../search/build-search-index";
import { indexFromChunks } from "../search/index-chunks";
import type { SearchIndex } from "../search/search-index";
import { type StoredRevision, searchChunkItem, searchChunksOf } from "../store/items";
import { queryItems } from "../store/paging";
import type { SyncPlan } from "./plan";

/** The search index of a revision, or undefined when the table has none for it. */
export async function readSearchIndex(
  client: DynamoDBClient,
  tableName: string,
  revision: StoredRevision,
): Promise<SearchIndex | undefined> {
  if (!revision.searchChunks) return undefined;
  const items = await queryItems((input) => client.send(new QueryCommand(input)), {
    TableName: tableName,
    ConsistentRead: true,
    ...searchChunksOf(revision.id),
  });
  if (items.length !== revision.searchChunks) return undefined;
  return indexFromChunks(items.map((item) => searchChunkItem.read(item).data));
}

/**
 * What of `index` (the index of `indexed`, the revision the plan was made against) the new index may keep,
 * or undefined when it must be built anew.
 */
export function reusableIndex(
  index: SearchIndex | undefined,
  indexed: StoredRevision | undefined,
  planned: { plan: SyncPlan; against?: StoredRevision; locale: string },
): PreviousIndex | undefined {
  const { plan, against, locale } = planned;
  if (index?.version !== 1 || !indexed || !against) return undefined;
  if (against.id !== indexed.id || against.syncedAt !== indexed.syncedAt || indexed.locale !== locale) return undefined;
  if (plan.changes.some((change) => change.kind === "person" || change.kind === "place")) return undefined;
  const changed = new Set(plan.changes.filter((change) => change.kind === "event").map((change) => change.slug));
  return { index, unchanged: new Set(index.events.flatMap((event) => (changed.has(event.slug) ? [] : [event.slug]))) };
}
