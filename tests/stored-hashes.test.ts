import { describe, expect, it } from "vitest";
import { entityStateItem } from "../core/store/items";
import { applySync } from "../core/sync/apply";
import type { SyncPlan } from "../core/sync/plan";
import { readStoredHashes } from "../core/sync/table-state";
import { freshTable, testClient } from "./support/dynamodb";

const slugs = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${(i * 7919) % 100_003}`);

describe("reading every entity's stored hash", () => {
  it("reads every state in ranges at once, the states of entities the content no longer has included", async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    // 2,600 events and 300 sources the content has, 150 events and a source it no longer has: three ranges.
    const kept = [
      ...slugs("zdarzenie", 2600).map((slug) => ({ kind: "event" as const, slug })),
      ...slugs("zrodlo", 300).map((slug) => ({ kind: "source" as const, slug })),
    ];
    const gone = [...slugs("a", 50), ...slugs("usuniete", 50), ...slugs("zzz", 50)].map((slug) => ({ kind: "event" as const, slug }));
    const stored = [...kept, ...gone, { kind: "source" as const, slug: "stare" }];
    const plan: SyncPlan = {
      changes: [],
      counts: {} as SyncPlan["counts"],
      phases: [
        {
          name: "entity states",
          writes: stored.map(({ kind, slug }) => ({
            put: entityStateItem.item({ kind, slug, title: slug, hash: `h-${kind}-${slug}`, lists: [] }),
          })),
        },
      ],
      revision: { id: "r1", eventCount: 0, sourceCount: 0, maxSpanDays: 0 },
      facets: { eventCount: 0, tags: [], people: [], places: [], years: [], decades: [] },
      writesRevision: false,
    };
    await applySync(client, tableName, plan);
    const read = await readStoredHashes(client, tableName, kept);
    expect(read.hashes.size).toBe(stored.length);
    for (const { kind, slug } of stored) {
      expect(read.hashes.get(entityStateItem.key({ kind, slug }).pk)).toEqual({ kind, slug, hash: `h-${kind}-${slug}` });
    }
    // Without the content's entities to cut ranges by: one Query, the same hashes.
    expect((await readStoredHashes(client, tableName)).hashes).toEqual(read.hashes);
  });
});
