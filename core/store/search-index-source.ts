// The search index of the published revision, loaded with one Query and kept per process until the
// revision changes.
import { indexFromChunks } from "../search/index-chunks";
import type { SearchIndex } from "../search/search-index";
import { beforeDeadline } from "./deadline";
import { type StoredRevision, searchChunkItem, searchChunksOf } from "./items";
import { queryItems } from "./paging";
import type { TableReads } from "./table-reads";

export type SearchIndexSource = (revision: StoredRevision | null) => Promise<SearchIndex | null>;

export function createSearchIndexSource(reads: TableReads, tableName: string): SearchIndexSource {
  let cached: { revisionId: string; index: Promise<SearchIndex | null> } | undefined;
  return (revision) => {
    if (!revision?.searchChunks) return Promise.resolve(null);
    if (cached?.revisionId !== revision.id) {
      const index = load(reads, tableName, revision.id).catch((error) => {
        cached = undefined;
        throw error;
      });
      cached = { revisionId: revision.id, index };
    }
    // Another request may have started the load: this one waits no longer than its own deadline.
    return beforeDeadline(cached.index, "loading the search index");
  };
}

async function load(reads: TableReads, tableName: string, revisionId: string): Promise<SearchIndex | null> {
  // In key order: the chunks' order.
  const items = await queryItems(reads.query, { TableName: tableName, ...searchChunksOf(revisionId) });
  return items.length > 0 ? indexFromChunks(items.map((item) => searchChunkItem.read(item).data)) : null;
}
