// Every item a sync would write, measured before the first write: one item too large for DynamoDB would
// fail mid-sync, after others were written, so it refuses the whole sync instead.
import { itemBytes, maxItemBytes } from "../store/item-size";
import type { TableItem } from "../store/item-type";
import { describeKey, type Kind } from "../store/items";
import { tableKeys } from "../store/table-definition";
import { marshallItem, revisionItems } from "./apply";
import type { SyncPlan } from "./plan";

export interface OversizedItem {
  pk: string;
  sk: string;
  bytes: number;
  /** The event or source the item belongs to, if any. */
  entity?: { kind: Kind; slug: string };
  /** What the item is. */
  item: ReturnType<typeof describeKey>["item"];
}

/** A time of the same length as any syncedAt, for measuring before the sync's own time is known. */
const placeholderTime = new Date(0).toISOString();

/** What the sync writes: the plan's puts, the search index's chunks, the facets and revision items. */
export function itemsToWrite(plan: SyncPlan, searchChunks: TableItem[] = []): TableItem[] {
  const puts = plan.phases.flatMap((phase) => phase.writes.flatMap((write) => ("put" in write ? [write.put] : [])));
  return plan.writesRevision ? [...puts, ...searchChunks, ...revisionItems(plan, searchChunks.length, placeholderTime)] : puts;
}

/** The items over `limit` bytes as DynamoDB counts them (names and values, as marshalled for the write). */
export function oversizedItems(items: TableItem[], limit = maxItemBytes): OversizedItem[] {
  const found: OversizedItem[] = [];
  for (const item of items) {
    const bytes = itemBytes(marshallItem(item));
    if (bytes <= limit) continue;
    const { item: what, entity } = describeKey(item);
    found.push({ pk: item[tableKeys.partitionKey], sk: item[tableKeys.sortKey], bytes, item: what, ...(entity ? { entity } : {}) });
  }
  return found;
}

/** What to do about an item too large, by what it holds. */
export function oversizedHint({ item, entity }: OversizedItem): string {
  if (item === "event") return "shorten the event's body, translations, notes or citations, or split it";
  if (entity?.kind === "source") return "shorten the source's fields";
  if (entity) return "name fewer or shorter tags, people, places and sources";
  if (item === "facets" || item === "revision") return "the collection names too many distinct tags, people and places";
  return "report this: the sync should never make such an item";
}
