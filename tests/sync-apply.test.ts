import { describe, expect, it } from "vitest";
import { applySync } from "../core/sync/apply";
import type { SyncPlan } from "../core/sync/plan";
import { freshTable, tableContents, testClient } from "./support/dynamodb";

/** A plan of one phase putting `count` small items, and nothing else. */
const planOf = (count: number): SyncPlan => ({
  changes: [],
  counts: {} as SyncPlan["counts"],
  phases: [
    {
      name: "lists",
      writes: Array.from({ length: count }, (_, i) => ({
        put: { pk: `EVENT#e${String(i).padStart(4, "0")}`, sk: "IN#TAG#a", slug: `e${i}` },
      })),
    },
  ],
  revision: { id: "r1", eventCount: 0, sourceCount: 0, maxSpanDays: 0 },
  facets: { eventCount: 0, tags: [], people: [], places: [], years: [], decades: [] },
  writesRevision: false,
});

/** Counts the BatchWriteItem calls in flight at once, at most. */
function inFlight(client: ReturnType<typeof testClient>["client"]) {
  const seen = { now: 0, most: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== "BatchWriteItemCommand") return next(args);
      seen.now += 1;
      seen.most = Math.max(seen.most, seen.now);
      try {
        return await next(args);
      } finally {
        seen.now -= 1;
      }
    },
    { step: "initialize", name: "inFlightCounter" },
  );
  return seen;
}

describe("applying a plan", () => {
  it("keeps eight batches of a phase in flight, and writes every item once", async () => {
    const { client } = testClient();
    const seen = inFlight(client);
    const tableName = await freshTable(client);
    await applySync(client, tableName, planOf(1000));
    expect(seen.most).toBe(8);
    expect((await tableContents(client, tableName)).map((item) => item.pk)).toEqual(
      planOf(1000).phases[0].writes.map((w) => "put" in w && w.put.pk),
    );
  });

  it("starts no batch after one fails, and fails only once the batches in flight are written", async () => {
    const { client } = testClient();
    const seen = inFlight(client);
    const tableName = await freshTable(client);
    let batches = 0;
    const applying = applySync(client, tableName, planOf(1000), {
      onBatch: () => {
        batches += 1;
        if (batches === 3) throw new Error("killed");
      },
    });
    await expect(applying).rejects.toThrow("killed");
    expect(seen.now).toBe(0);
    const written = (await tableContents(client, tableName)).length;
    // The three batches reported, and the others in flight then (at most seven): none started after.
    expect(written % 25).toBe(0);
    expect(written).toBeGreaterThanOrEqual(75);
    expect(written).toBeLessThanOrEqual(25 * 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await tableContents(client, tableName)).length).toBe(written);
  });
});
