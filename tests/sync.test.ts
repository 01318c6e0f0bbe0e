import { randomUUID } from "node:crypto";
import { CreateTableCommand, DescribeTableCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureTable } from "../core/store/create-table";
import { latestIndex, listIndex, tableKeys } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { type ContentFiles, eventFile, insurrection, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";

/** A place record: its name, where it lies, and the place containing it. */
const placeFile = (name: string, lat: number, lon: number, within?: string) =>
  `name: ${name}\ncoordinates: { lat: ${lat}, lon: ${lon} }\n${within ? `within: ${within}\n` : ""}`;

/** People and places as records, named by the collection's events. */
const records: ContentFiles = {
  "people/lew-trocki.yaml": "name: Lew Trocki\naliases: [Trocki]\n",
  "people/wlodzimierz-lenin.yaml": "name: Włodzimierz Lenin\naliases: [Lenin]\n",
  "places/rosja.yaml": placeFile("Rosja", 61.5, 105.3),
  "places/piotrogrod.yaml": placeFile("Piotrogród", 59.94, 30.31, "rosja"),
  "places/palac-zimowy.yaml": placeFile("Pałac Zimowy", 59.9404, 30.3139, "piotrogrod"),
  "places/moskwa.yaml": placeFile("Moskwa", 55.75, 37.62, "rosja"),
};

const collection: ContentFiles = {
  ...insurrection,
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", tags: ["rewolucja"], sources: ["pipes"] }),
};

describe("sync against DynamoDB Local", () => {
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let contentDir: string;
  const sync = (options: Partial<Parameters<typeof syncContent>[0]> = {}) =>
    syncContent({ contentDir, client: env.client, tableName, revisionId: "r1", ...options });

  const strip = (items: Record<string, unknown>[]) => items.map(({ syncedAt: _s, ...rest }) => rest);
  /** On a fresh table holding the collection, syncs `dir` as revision r2 and stops it after batch `killAfter`. */
  async function killedSync(dir: string, killAfter: number) {
    tableName = await freshTable(env.client);
    await sync();
    let batches = 0;
    const killed = sync({
      contentDir: dir,
      revisionId: "r2",
      onBatch: () => {
        batches += 1;
        if (batches === killAfter) throw new Error("killed");
      },
    });
    await expect(killed).rejects.toThrow("killed");
  }

  beforeEach(async () => {
    env = testClient();
    tableName = await freshTable(env.client);
    contentDir = await writeContentFolder(collection);
  });

  it("plans every entity as a create, writes nothing while planning, then applies exactly the plan", async () => {
    const planned = await sync({ dryRun: true });
    expect(planned.status).toBe("planned");
    if (planned.status !== "planned") return;
    expect(planned.plan.counts).toEqual({
      event: { create: 3, update: 0, delete: 0, unchanged: 0 },
      source: { create: 2, update: 0, delete: 0, unchanged: 0 },
      person: { create: 0, update: 0, delete: 0, unchanged: 0 },
      place: { create: 0, update: 0, delete: 0, unchanged: 0 },
      media: { create: 0, update: 0, delete: 0, unchanged: 0 },
    });
    expect(env.counts.BatchWriteItemCommand ?? 0).toBe(0);
    expect(await tableContents(env.client, tableName)).toEqual([]);

    const applied = await sync();
    expect(applied.status).toBe("applied");
    const items = await tableContents(env.client, tableName);
    const main = items.filter((i) => i.sk === "EVENT" || i.sk === "SOURCE").map((i) => i.pk);
    expect(main).toEqual(["EVENT#powstanie", "EVENT#szturm", "EVENT#zjazd", "SOURCE#opracowanie", "SOURCE#pipes"]);
    expect(items.filter((i) => i.pk === "EVENT#szturm" && String(i.sk).startsWith("IN#")).map((i) => i.sk)).toEqual([
      "IN#AT#Pałac Zimowy",
      "IN#CITES#opracowanie",
      "IN#CITES#pipes",
      "IN#ONDAY#gregorian#11-07",
      "IN#ONDAY#gregorian#11-08",
      "IN#ONDAY#julian#10-25",
      "IN#ONDAY#julian#10-26",
      "IN#PLACE#Pałac Zimowy",
      "IN#TAG#rewolucja",
      "IN#TAG#szturm",
    ]);
    expect(items.find((i) => i.pk === "REVISION")).toMatchObject({ id: "r1", eventCount: 3, sourceCount: 2, maxSpanDays: 1 });
  });

  it("gives a table made before the latest index that index, and fills it with every event entry, the timeline's too", async () => {
    // A local table kept from before: the list index alone.
    tableName = `kronika-test-${randomUUID().slice(0, 8)}`;
    await env.client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [tableKeys.partitionKey, tableKeys.sortKey, listIndex.partitionKey, listIndex.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: "S",
        })),
        KeySchema: [
          { AttributeName: tableKeys.partitionKey, KeyType: "HASH" },
          { AttributeName: tableKeys.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: listIndex.indexName,
            KeySchema: [
              { AttributeName: listIndex.partitionKey, KeyType: "HASH" },
              { AttributeName: listIndex.sortKey, KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
      }),
    );
    expect(await ensureTable(env.client, tableName)).toBe("updated");
    expect(await ensureTable(env.client, tableName)).toBe("exists");
    const { Table } = await env.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      [listIndex.indexName, latestIndex.indexName].sort(),
    );
    await sync();
    const byLatest = async (list: string) => {
      const { Items } = await env.client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: latestIndex.indexName,
          KeyConditionExpression: "#lpk = :list",
          ExpressionAttributeNames: { "#lpk": latestIndex.partitionKey },
          ExpressionAttributeValues: { ":list": { S: list } },
        }),
      );
      return (Items ?? []).map((item) => unmarshall(item).slug);
    };
    // powstanie ends on Julian 25 October, zjazd too (it begins later), szturm on the 26th.
    expect(await byLatest("TIMELINE")).toEqual(["powstanie", "zjazd", "szturm"]);
    expect(await byLatest("TAG#rewolucja")).toEqual(["powstanie", "zjazd", "szturm"]);
    expect(await byLatest("CITES#pipes")).toEqual(["zjazd", "szturm"]);
    // Only event entries are in it: not sources, not the states a sync plans against.
    expect(await byLatest("SOURCES")).toEqual([]);
  });

  it("writes nothing when run again on unchanged content", async () => {
    await sync();
    const before = await tableContents(env.client, tableName);
    const writesBefore = { batch: env.counts.BatchWriteItemCommand, put: env.counts.PutItemCommand };
    const again = await sync();
    expect(again.status === "applied" && again.plan.changes).toEqual([]);
    expect({ batch: env.counts.BatchWriteItemCommand, put: env.counts.PutItemCommand }).toEqual(writesBefore);
    expect(await tableContents(env.client, tableName)).toEqual(before);
  });

  it("updates a changed event, moving its list memberships, and deletes removed files", async () => {
    await sync();
    const { "events/zjazd.md": _removed, ...kept } = collection;
    await writeContentFolder(
      {
        ...kept,
        "events/szturm.md": eventFile({
          title: "Szturm Pałacu Zimowego",
          date: "{ julian: 1917-10-25/1917-10-26 }",
          tags: ["szturm"],
          sources: ["opracowanie"],
        }),
      },
      contentDir,
    );
    const result = await sync({ revisionId: "r2" });
    expect(result.status === "applied" && result.plan.changes).toEqual([
      { kind: "event", slug: "szturm", title: "Szturm Pałacu Zimowego", action: "update" },
      { kind: "event", slug: "zjazd", title: "Zjazd", action: "delete" },
    ]);
    const items = await tableContents(env.client, tableName);
    expect(items.filter((i) => String(i.pk) === "EVENT#szturm").map((i) => i.sk)).toEqual([
      "EVENT",
      "IN#CITES#opracowanie",
      "IN#ONDAY#gregorian#11-07",
      "IN#ONDAY#gregorian#11-08",
      "IN#ONDAY#julian#10-25",
      "IN#ONDAY#julian#10-26",
      "IN#TAG#szturm",
      "STATE",
    ]);
    expect(items.some((i) => i.pk === "EVENT#zjazd")).toBe(false);
    expect(items.find((i) => i.pk === "REVISION")).toMatchObject({ id: "r2", eventCount: 2 });
  });

  it("refuses to delete more than half of what is published unless told to, and writes nothing then", async () => {
    await sync();
    const emptyDir = await writeContentFolder({});
    const before = await tableContents(env.client, tableName);
    const refused = await sync({ contentDir: emptyDir, revisionId: "r2" });
    expect(refused.status).toBe("mass-delete-refused");
    expect(refused.status === "mass-delete-refused" && refused.plan.massDelete).toEqual({ deleting: 5, published: 5 });
    expect(await tableContents(env.client, tableName)).toEqual(before);
    const allowed = await sync({ contentDir: emptyDir, revisionId: "r2", allowMassDelete: true });
    expect(allowed.status).toBe("applied");
    expect((await tableContents(env.client, tableName)).map((i) => i.pk)).toEqual(["FACETS", "REVISION", "SEARCH", "SYNC"]);
  });

  it("writes nothing when any file is invalid", async () => {
    await writeContentFolder({ ...collection, "events/zly.md": eventFile({ title: "Zły", date: "1917-02-30" }) }, contentDir);
    const result = await sync();
    expect(result.status).toBe("invalid");
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["date-invalid"]);
    expect(await tableContents(env.client, tableName)).toEqual([]);
  });

  it("keeps every citation resolvable after every batch, adding and removing", async () => {
    const checkReferences = async () => {
      const items = await tableContents(env.client, tableName);
      const sources = new Set(items.filter((i) => i.sk === "SOURCE").map((i) => i.slug));
      for (const event of items.filter((i) => i.sk === "EVENT")) {
        for (const citation of event.citations as { source: string }[]) expect(sources.has(citation.source)).toBe(true);
      }
    };
    // Each check runs while the sync waits for it, so it sees the table exactly as that batch left it.
    let checks = 0;
    const afterBatch = async () => {
      await checkReferences();
      checks += 1;
    };
    await sync({ onBatch: afterBatch });
    const emptyDir = await writeContentFolder({});
    await sync({ contentDir: emptyDir, allowMassDelete: true, onBatch: afterBatch });
    expect(checks).toBeGreaterThanOrEqual(4);
  });

  it("converges to the right state when a sync is killed after any batch and run again", async () => {
    const changed: ContentFiles = {
      ...collection,
      "sources/nowe.yaml": sourceFile("Nowe źródło"),
      "events/szturm.md": eventFile({
        title: "Szturm",
        date: "{ julian: 1917-10-25/1917-10-26 }",
        tags: ["inny-tag"],
        people: ["Włodzimierz Lenin"],
        sources: ["nowe"],
      }),
    };
    const changedDir = await writeContentFolder(changed);
    // The reference: the same change applied in one go.
    await sync();
    const planned = await sync({ contentDir: changedDir, revisionId: "r2" });
    const reference = strip(await tableContents(env.client, tableName));
    const batchesInChange = planned.status === "applied" ? planned.plan.phases.length : 0;
    expect(batchesInChange).toBe(6);

    for (let killAfter = 1; killAfter <= batchesInChange; killAfter += 1) {
      await killedSync(changedDir, killAfter);
      expect(strip(await tableContents(env.client, tableName))).not.toEqual(reference);
      await sync({ contentDir: changedDir, revisionId: "r2" });
      expect(strip(await tableContents(env.client, tableName))).toEqual(reference);
    }
  });

  it("leaves no trace of a new event and source when a sync is killed after any batch and their files are then removed", async () => {
    const added: ContentFiles = {
      ...collection,
      "sources/nowe.yaml": sourceFile("Nowe źródło"),
      "events/nowe.md": eventFile({
        title: "Nowe",
        date: "{ julian: 1917-11-02 }",
        tags: ["nowy-tag"],
        people: ["Włodzimierz Lenin"],
        places: ["Moskwa"],
        sources: ["nowe", "pipes"],
      }),
    };
    const addedDir = await writeContentFolder(added);
    await sync();
    const reference = strip(await tableContents(env.client, tableName));
    const planned = await sync({ contentDir: addedDir, revisionId: "r2" });
    const batchesInChange = planned.status === "applied" ? planned.plan.phases.length : 0;
    expect(batchesInChange).toBeGreaterThanOrEqual(4);

    for (let killAfter = 1; killAfter <= batchesInChange; killAfter += 1) {
      await killedSync(addedDir, killAfter);
      // The editor removes the new files again before the next sync.
      await sync();
      expect(strip(await tableContents(env.client, tableName)), `killed after batch ${killAfter}`).toEqual(reference);
    }
  });

  describe("with people and places as records", () => {
    const withRecords: ContentFiles = { ...collection, ...records };
    /** The sort keys of an entity's items, by partition key. */
    const keysOf = (items: Record<string, unknown>[], pk: string) => items.filter((i) => i.pk === pk).map((i) => i.sk);

    beforeEach(async () => {
      await writeContentFolder(withRecords, contentDir);
    });

    it("writes people and places before the events naming them, each place in the lists of the places containing it", async () => {
      const result = await sync();
      expect(result.status === "applied" && result.plan.counts).toMatchObject({ person: { create: 2 }, place: { create: 4 } });
      const phases = result.status === "applied" ? result.plan.phases.map((p) => p.name) : [];
      expect(phases.indexOf("sources, people and places")).toBeLessThan(phases.indexOf("events"));
      const items = await tableContents(env.client, tableName);
      expect(keysOf(items, "PLACE#palac-zimowy")).toEqual(["IN#COORDINATES", "IN#WITHIN#piotrogrod", "IN#WITHIN#rosja", "PLACE", "STATE"]);
      expect(keysOf(items, "EVENT#szturm")).toEqual(
        expect.arrayContaining(["IN#PLACE#palac-zimowy", "IN#PLACE#piotrogrod", "IN#PLACE#rosja"]),
      );
      expect(keysOf(items, "EVENT#powstanie")).toContain("IN#PERSON#lew-trocki");
      expect(items.find((i) => i.pk === "EVENT#szturm" && i.sk === "EVENT")).toMatchObject({
        places: ["palac-zimowy"],
        placesWithin: ["palac-zimowy", "piotrogrod", "rosja"],
      });
      expect(items.find((i) => i.pk === "REVISION")).toMatchObject({ personCount: 2, placeCount: 4 });
    });

    it("rewrites only the person when a person is renamed, and a moved place with what it moves", async () => {
      await sync();
      await writeContentFolder(
        {
          ...withRecords,
          "people/lew-trocki.yaml": "name: Lew Dawidowicz Trocki\naliases: [Trocki, Lew Trocki]\n",
          "places/piotrogrod.yaml": placeFile("Piotrogród", 59.94, 30.31),
        },
        contentDir,
      );
      const result = await sync({ revisionId: "r2" });
      expect(result.status === "applied" && result.plan.changes.map((c) => `${c.kind}/${c.slug}`)).toEqual([
        "person/lew-trocki",
        "place/palac-zimowy",
        "place/piotrogrod",
        // Russia no longer contains Petrograd.
        "place/rosja",
        "event/szturm",
      ]);
      const items = await tableContents(env.client, tableName);
      expect(keysOf(items, "PLACE#palac-zimowy")).toEqual(["IN#COORDINATES", "IN#WITHIN#piotrogrod", "PLACE", "STATE"]);
      expect(keysOf(items, "EVENT#szturm")).not.toContain("IN#PLACE#rosja");
      expect(items.find((i) => i.pk === "PERSON#lew-trocki" && i.sk === "PERSON")).toMatchObject({ name: "Lew Dawidowicz Trocki" });
    });

    it("leaves, after people and places are renamed, moved, stripped of coordinates and deleted, what a first sync writes", async () => {
      await sync();
      const { "people/wlodzimierz-lenin.yaml": _gone, ...kept } = withRecords;
      const steps: ContentFiles[] = [
        // The Winter Palace moves to Moscow, which is renamed and loses its coordinates; Lenin is deleted.
        {
          ...kept,
          "places/palac-zimowy.yaml": placeFile("Pałac Zimowy", 59.9404, 30.3139, "moskwa"),
          "places/moskwa.yaml": "name: Moskwa Stolica\nwithin: rosja\n",
        },
        // Petrograd leaves Russia, taking nothing with it now; Moscow gets its point back; a new place within it.
        {
          ...kept,
          "places/palac-zimowy.yaml": placeFile("Pałac Zimowy", 59.9404, 30.3139, "moskwa"),
          "places/piotrogrod.yaml": placeFile("Piotrogród", 59.94, 30.31),
          "places/kreml.yaml": placeFile("Kreml", 55.752, 37.617, "moskwa"),
        },
        withRecords,
      ];
      for (const [i, files] of steps.entries()) {
        const dir = await writeContentFolder(files);
        const revisionId = `r${i + 2}`;
        expect((await sync({ contentDir: dir, revisionId })).status).toBe("applied");
        const fresh = await freshTable(env.client);
        expect((await syncContent({ contentDir: dir, client: env.client, tableName: fresh, revisionId })).status).toBe("applied");
        expect(strip(await tableContents(env.client, tableName)), `after step ${i + 1}`).toEqual(
          strip(await tableContents(env.client, fresh)),
        );
      }
    });

    it("refuses a mass delete of records as of events", async () => {
      await sync();
      const refused = await sync({ contentDir: await writeContentFolder(collection), revisionId: "r2" });
      expect(refused.status === "mass-delete-refused" && refused.plan.massDelete).toEqual({ deleting: 6, published: 11 });
    });

    it("converges when a sync changing people and places is killed after any batch and run again", async () => {
      const { "places/moskwa.yaml": _gone, ...kept } = withRecords;
      const changedDir = await writeContentFolder({
        ...kept,
        "people/lew-trocki.yaml": "name: Lew Dawidowicz Trocki\naliases: [Trocki, Lew Trocki]\n",
        "places/smolny.yaml": placeFile("Smolny", 59.9464, 30.3956, "piotrogrod"),
        "places/piotrogrod.yaml": placeFile("Piotrogród", 59.94, 30.31),
        "events/zjazd.md": eventFile({
          title: "Zjazd",
          date: "{ julian: 1917-10-25 }",
          places: ["Smolny"],
          people: ["Lenin"],
          sources: ["pipes"],
        }),
      });
      await sync();
      const planned = await sync({ contentDir: changedDir, revisionId: "r2" });
      expect(planned.status).toBe("applied");
      const reference = strip(await tableContents(env.client, tableName));
      expect(reference.some((i) => i.pk === "PLACE#moskwa")).toBe(false);
      const batches = planned.status === "applied" ? planned.plan.phases.length : 0;
      expect(batches).toBeGreaterThanOrEqual(6);
      for (let killAfter = 1; killAfter <= batches; killAfter += 1) {
        await killedSync(changedDir, killAfter);
        await sync({ contentDir: changedDir, revisionId: "r2" });
        expect(strip(await tableContents(env.client, tableName)), `killed after batch ${killAfter}`).toEqual(reference);
      }
    });
  });
});
