import { describe, expect, it } from "vitest";
import { revisionItem, searchChunkItem } from "../core/store/items";
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

  it("writes the new revision's search index while the phases are written, and the revision only after both", async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const log: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { RequestItems?: Record<string, { PutRequest?: { Item: { pk: { S: string } } } }[]> };
        const first = input.RequestItems?.[tableName]?.[0]?.PutRequest?.Item.pk.S;
        const what = context.commandName === "BatchWriteItemCommand" ? (first === "SEARCH" ? "index" : "phase") : context.commandName;
        log.push(`start ${what}`);
        const result = await next(args);
        log.push(`end ${what}`);
        return result;
      },
      { step: "initialize", name: "orderLog" },
    );
    const chunks = Array.from({ length: 30 }, (_, number) => searchChunkItem.item({ data: "x".repeat(1000) }, { revision: "r1", number }));
    await applySync(client, tableName, { ...planOf(400), writesRevision: true }, { searchChunks: chunks });
    // The index's first batch starts before the phase's last batch ends; the revision is put after both.
    expect(log.indexOf("start index")).toBeLessThan(log.lastIndexOf("end phase"));
    const revisionPut = log.lastIndexOf("start PutItemCommand");
    expect(revisionPut).toBeGreaterThan(log.lastIndexOf("end phase"));
    expect(revisionPut).toBeGreaterThan(log.lastIndexOf("end index"));
    const items = await tableContents(client, tableName);
    expect(items.filter((item) => item.pk === "SEARCH")).toHaveLength(30);
    expect(items.filter((item) => item.pk === revisionItem.key({}).pk)).toHaveLength(1);
  });

  it("puts no revision when a phase fails, and fails only once the search index's batch in flight is written", async () => {
    const { client } = testClient();
    const seen = inFlight(client);
    const tableName = await freshTable(client);
    const chunks = Array.from({ length: 30 }, (_, number) => searchChunkItem.item({ data: "x".repeat(1000) }, { revision: "r1", number }));
    const applying = applySync(
      client,
      tableName,
      { ...planOf(400), writesRevision: true },
      {
        searchChunks: chunks,
        onBatch: () => {
          throw new Error("killed");
        },
      },
    );
    await expect(applying).rejects.toThrow("killed");
    expect(seen.now).toBe(0);
    const items = await tableContents(client, tableName);
    expect(items.filter((item) => item.pk === revisionItem.key({}).pk)).toHaveLength(0);
  });
});
