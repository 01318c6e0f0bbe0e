// The published versions of the entities a plan updates or deletes, read from the table, for the plan's
// field-by-field report (plan-report.ts).
import { ContentStore } from "../store/content-store";
import type { TableReads } from "../store/table-reads";
import type { PlannedChange } from "./plan";

/** Each updated or deleted entity's main item as the table holds it, by `kind/slug`. */
export async function publishedVersions(reads: TableReads, tableName: string, changes: PlannedChange[]) {
  const store = new ContentStore(reads, tableName, async () => null);
  const loaders = { event: store.events, source: store.sources, person: store.people, place: store.places, media: store.media } as const;
  const found = new Map<string, Record<string, unknown>>();
  await Promise.all(
    changes
      .filter((change) => change.action !== "create")
      .map(async (change) => {
        const item = await loaders[change.kind].load(change.slug);
        if (item) found.set(`${change.kind}/${change.slug}`, item as unknown as Record<string, unknown>);
      }),
  );
  return found;
}
