import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { wireKey } from "../core/store/item-type";
import { revisionItem, syncRecordItem } from "../core/store/items";
import { type SyncOptions, syncContent } from "../core/sync/sync";
import { type ContentFiles, eventFile, insurrection, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";

const collection: ContentFiles = {
  "collection.yaml": "locale: pl\n",
  ...insurrection,
  // No source: a warning, which a re-sync must report as the first sync did.
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", tags: ["rewolucja"] }),
  "events/szkic.md": eventFile({ title: "Szkic", date: "1917-11", sources: ["pipes"], draft: true }),
};

/** A fixed clock, so that two tables synced the same way hold the same items. */
const now = () => new Date("2026-11-27T12:00:00.000Z");

describe("the sync's record of itself", () => {
  let env: ReturnType<typeof testClient>;
  let dir: string;

  beforeEach(async () => {
    env = testClient();
    dir = await writeContentFolder(collection);
  });

  const sync = (tableName: string, options: Partial<SyncOptions> = {}) =>
    syncContent({ contentDir: dir, client: env.client, tableName, now, ...options });
  const recordOf = async (tableName: string) => {
    const found = await env.client.send(
      new GetItemCommand({ TableName: tableName, Key: wireKey(syncRecordItem.key({})), ConsistentRead: true }),
    );
    return found.Item && unmarshall(found.Item);
  };
  const forgetRecord = (tableName: string) =>
    env.client.send(new DeleteItemCommand({ TableName: tableName, Key: wireKey(syncRecordItem.key({})) }));

  /**
   * Syncs the collection to two tables, changes the files or each table with `change`, and syncs again: the
   * first table with its record, the second after its record was removed, which makes a full sync. Both must
   * give the same outcome and leave the same table.
   */
  async function sameAsFullSync(
    change: { files?: () => Promise<unknown>; table?: (tableName: string) => Promise<unknown> },
    options: Partial<SyncOptions> = {},
    first: Partial<SyncOptions> = {},
  ) {
    const [withRecord, withoutRecord] = [await freshTable(env.client), await freshTable(env.client)];
    for (const table of [withRecord, withoutRecord]) expect((await sync(table, first)).status).toBe("applied");
    expect(await recordOf(withRecord)).toBeDefined();
    await change.files?.();
    for (const table of [withRecord, withoutRecord]) await change.table?.(table);
    await forgetRecord(withoutRecord);
    const recorded = await sync(withRecord, options);
    const full = await sync(withoutRecord, options);
    // How the search index was made differs (the record lets a sync keep unchanged events' terms); the index
    // itself is compared with the table below.
    const made = ({ searchIndex: _made, ...outcome }: typeof recorded & { searchIndex?: unknown }) => outcome;
    expect(made(recorded)).toEqual(made(full));
    // A sync that writes nothing leaves the record as it was: still true of the table, so kept.
    const kept = (item: Record<string, unknown>) => recorded.status === "applied" || item.pk !== "SYNC";
    const table = async (name: string) => JSON.stringify((await tableContents(env.client, name)).filter(kept), null, 1).split("\n");
    expect(await table(withRecord)).toEqual(await table(withoutRecord));
    return { recorded, tableName: withRecord };
  }

  it("makes a re-sync of unchanged content read three items and query one partition, write none, with the full sync's outcome and warnings", async () => {
    const tableName = await freshTable(env.client);
    await sync(tableName);
    const before = await tableContents(env.client, tableName);
    const counts = { ...env.counts };
    const again = await sync(tableName);
    const sent = Object.fromEntries(Object.entries(env.counts).map(([name, n]) => [name, n - (counts[name] ?? 0)]));
    expect(sent).toEqual({ ...Object.fromEntries(Object.keys(counts).map((name) => [name, 0])), GetItemCommand: 3, QueryCommand: 1 });
    expect(again.status).toBe("applied");
    expect(again.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.rule}`)).toEqual(["zjazd.md:2:8 no-citation"]);
    expect(await tableContents(env.client, tableName)).toEqual(before);

    const { recorded } = await sameAsFullSync({});
    expect(recorded.status === "applied" && recorded.plan.counts.event).toEqual({ create: 0, update: 0, delete: 0, unchanged: 3 });
    expect(recorded.status === "applied" && recorded.plan.writesRevision).toBe(false);
  });

  it("plans against the table as a full sync does when a source that events cite changes", async () => {
    const { recorded } = await sameAsFullSync({
      files: () => writeFile(path.join(dir, "sources/pipes.yaml"), sourceFile("Rosja pod rządami starego reżimu")),
    });
    expect(recorded.status === "applied" && recorded.plan.counts.event.update).toBe(1);
  });

  it("plans as a full sync does when a file is deleted, and when an event's slug is renamed", async () => {
    await sameAsFullSync({ files: () => rm(path.join(dir, "events/zjazd.md")) });
    dir = await writeContentFolder(collection);
    const renamed = await sameAsFullSync({
      files: () => rename(path.join(dir, "events/szturm.md"), path.join(dir, "events/szturm-palacu.md")),
    });
    expect(renamed.recorded.status === "applied" && renamed.recorded.plan.counts.event).toMatchObject({ create: 1, delete: 1 });
    // Renaming the event another one relates to breaks the link: invalid, as a full check says.
    dir = await writeContentFolder(collection);
    const broken = await sameAsFullSync({
      files: () => rename(path.join(dir, "events/powstanie.md"), path.join(dir, "events/powstanie-zbrojne.md")),
    });
    expect(broken.recorded.status).toBe("invalid");
    expect(broken.recorded.diagnostics.map((d) => d.rule)).toContain("unknown-event");
  });

  it("is not trusted when it was written by another version, and is then written anew", async () => {
    const { tableName } = await sameAsFullSync({
      table: (table) =>
        env.client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: wireKey(syncRecordItem.key({})),
            UpdateExpression: "SET #v = :old",
            ExpressionAttributeNames: { "#v": "version" },
            ExpressionAttributeValues: { ":old": { S: "0:an-older-layout" } },
          }),
        ),
    });
    expect((await recordOf(tableName))?.version).not.toBe("0:an-older-layout");
  });

  it("is not trusted when the table moved to another revision behind its back", async () => {
    await sameAsFullSync({
      table: (table) =>
        env.client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: wireKey(revisionItem.key({})),
            UpdateExpression: "SET syncedAt = :later",
            ExpressionAttributeValues: { ":later": { S: "2026-11-28T08:00:00.000Z" } },
          }),
        ),
    });
  });

  it("does not stand for another revision id, a preview with drafts, or a lower item limit", async () => {
    await sameAsFullSync({}, { revisionId: "abc1234" }, { revisionId: "abc1233" });
    const drafts = await sameAsFullSync({}, { drafts: true });
    expect(drafts.recorded.status === "applied" && drafts.recorded.plan.counts.event.create).toBe(1);
    await sameAsFullSync({}, { maxItemBytes: 2000 });
  });

  it("is removed before a sync's first write, so a sync killed midway leaves none", async () => {
    const tableName = await freshTable(env.client);
    await sync(tableName);
    await writeFile(path.join(dir, "sources/nowe.yaml"), sourceFile("Nowe źródło"));
    const killed = sync(tableName, {
      onBatch: () => {
        throw new Error("killed");
      },
    });
    await expect(killed).rejects.toThrow("killed");
    expect(await recordOf(tableName)).toBeUndefined();
    const rerun = await sync(tableName);
    // The killed sync's intent names the new source: it is finished now.
    expect(rerun.status === "applied" && rerun.plan.changes).toEqual([
      { kind: "source", slug: "nowe", title: "Nowe źródło", action: "update" },
    ]);
    expect(await recordOf(tableName)).toBeDefined();
  });
});
