// A sync after a few files changed takes what it can from the table as the last sync left it (the search index's
// terms of the events that did not change): what it publishes must be, item for item, what a full sync of the
// same content into a fresh table publishes.
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { folderStorage } from "../core/renditions/folder-storage";
import { type SyncOptions, type SyncOutcome, syncContent } from "../core/sync/sync";
import { sourceFile } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";

/** A fixed clock, so that two tables synced the same way hold the same items. */
const now = () => new Date("2026-11-27T12:00:00.000Z");

const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, "utf8")));

describe("a sync after changing a few files", () => {
  const env = testClient();

  /** The shipped 1917 collection, in a folder of its own. */
  const copyOfContent = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kronika-incremental-"));
    await cp("content", dir, { recursive: true });
    return dir;
  };

  const sync = async (dir: string, tableName: string, options: Partial<SyncOptions> = {}) =>
    syncContent({
      contentDir: dir,
      client: env.client,
      tableName,
      now,
      mediaStorage: folderStorage(await mkdtemp(path.join(tmpdir(), "kronika-renditions-"))),
      ...options,
    });

  /**
   * Syncs the collection, changes it, syncs again; then syncs the changed collection into a fresh table. The
   * two tables must hold the same items, byte for byte, and the two syncs report the same problems.
   */
  async function sameAsFreshFullSync(change: (dir: string, tableName: string) => Promise<unknown>): Promise<SyncOutcome> {
    const dir = await copyOfContent();
    const synced = await freshTable(env.client);
    expect((await sync(dir, synced)).status).toBe("applied");
    await change(dir, synced);
    const again = await sync(dir, synced);
    const fresh = await freshTable(env.client);
    const full = await sync(dir, fresh);
    expect(again.status).toBe(full.status);
    expect(again.diagnostics).toEqual(full.diagnostics);
    const items = async (tableName: string) => JSON.stringify(await tableContents(env.client, tableName), null, 1).split("\n");
    expect(await items(synced)).toEqual(await items(fresh));
    await rm(dir, { recursive: true, force: true });
    return again;
  }

  const events = (dir: string, name: string) => path.join(dir, "events", name);

  it("indexes anew only the events that changed, and publishes what a full sync into a fresh table does", async () => {
    const outcome = await sameAsFreshFullSync(async (dir) => {
      await edit(events(dir, "kontrola-robotnicza.md"), (text) => `${text}\nNowy akapit o komitetach fabrycznych.\n`);
      await edit(events(dir, "i-zjazd-rad.md"), (text) => text.replace(/^title: (.*)$/m, "title: Zjazd rad, obrady"));
    });
    expect(outcome.status === "applied" && outcome.plan.counts.event.update).toBe(2);
    const published = outcome.status === "applied" ? outcome.plan.revision.eventCount : 0;
    expect(outcome.status === "applied" && outcome.searchIndex).toEqual({ kept: published - 2, indexed: 2 });
  });

  it("publishes what a full sync does after a renamed slug and a deleted event, naming them with their titles", async () => {
    const titles: string[] = [];
    const outcome = await sameAsFreshFullSync(async (dir) => {
      for (const name of ["i-uniwersal.md", "kadeci-wyjeci-spod-prawa.md"]) {
        titles.push(/^title: "?(.*?)"?$/m.exec(await readFile(events(dir, name), "utf8"))?.[1] ?? "");
      }
      await rename(events(dir, "i-uniwersal.md"), events(dir, "pierwszy-uniwersal.md"));
      await rename(events(dir, "i-uniwersal.en.md"), events(dir, "pierwszy-uniwersal.en.md"));
      await rm(events(dir, "kadeci-wyjeci-spod-prawa.md"));
      await rm(events(dir, "kadeci-wyjeci-spod-prawa.en.md"));
    });
    expect(outcome.status === "applied" && outcome.plan.counts.event).toMatchObject({ create: 1, delete: 2 });
    const deleted = outcome.status === "applied" ? outcome.plan.changes.filter((c) => c.action === "delete") : [];
    expect(deleted.map((c) => [c.slug, c.title])).toEqual([
      ["i-uniwersal", titles[0]],
      ["kadeci-wyjeci-spod-prawa", titles[1]],
    ]);
    const published = outcome.status === "applied" ? outcome.plan.revision.eventCount : 0;
    expect(outcome.status === "applied" && outcome.searchIndex).toEqual({ kept: published - 1, indexed: 1 });
  });

  it("publishes what a full sync does after a change to a source that events cite, and to a translation", async () => {
    const outcome = await sameAsFreshFullSync(async (dir) => {
      await edit(path.join(dir, "sources/figes-peoples-tragedy.yaml"), (text) =>
        text.replace(/^title: (.*)$/m, "title: A People's Tragedy, second edition"),
      );
      await edit(events(dir, "kontrola-robotnicza.en.md"), (text) => `${text}\nAnother paragraph on the factory committees.\n`);
    });
    const updated = outcome.status === "applied" ? outcome.plan.counts.event.update : 0;
    expect(updated).toBeGreaterThan(1);
    expect(outcome.status === "applied" && outcome.searchIndex?.indexed).toBe(updated);
  });

  it("reads the whole state of the entities that changed only, by key", async () => {
    const dir = await copyOfContent();
    const tableName = await freshTable(env.client);
    await sync(dir, tableName);
    await edit(events(dir, "kontrola-robotnicza.md"), (text) => `${text}\nNowy akapit.\n`);
    const before = env.counts.BatchGetItemCommand ?? 0;
    const outcome = await sync(dir, tableName);
    expect(outcome.status === "applied" && outcome.plan.changes).toEqual([
      { kind: "event", slug: "kontrola-robotnicza", title: expect.any(String), action: "update" },
    ]);
    // One of the changed state, one of the changed event's formatted citations (core/sync/stored-citations.ts).
    expect((env.counts.BatchGetItemCommand ?? 0) - before).toBe(2);
    await rm(dir, { recursive: true, force: true });
  });

  it("indexes every event anew when a person or a place changes, whose names are events' terms", async () => {
    const outcome = await sameAsFreshFullSync(async (dir) => {
      await writeFile(path.join(dir, "people/nowa-osoba.yaml"), "name: Nowa Osoba\naliases: [Osoba]\n");
      await edit(path.join(dir, "places/azja-srodkowa.yaml"), (text) => `${text}aliases: [Turkiestan]\n`);
    });
    expect(outcome.status === "applied" && outcome.plan.counts.person.create).toBe(1);
    expect(outcome.status === "applied" && outcome.searchIndex?.kept).toBe(0);
  });

  it("rebuilds the index after a sync that stopped before publishing its revision, whose states the table holds", async () => {
    await sameAsFreshFullSync(async (dir, tableName) => {
      await edit(events(dir, "kontrola-robotnicza.md"), (text) => text.replace(/^title: (.*)$/m, "title: Kontrola robotnicza w fabrykach"));
      // Stopped once the entity states are written: the table's states are the new content's, its index the old.
      const stopped = sync(dir, tableName, {
        onBatch: (phase) => {
          if (phase === "entity states") throw new Error("stopped");
        },
      });
      await expect(stopped).rejects.toThrow("stopped");
    });
  });

  it("publishes the content as it is after a sync that stopped before an edited event's state, and the edit was undone", async () => {
    await sameAsFreshFullSync(async (dir, tableName) => {
      const file = events(dir, "kontrola-robotnicza.md");
      const before = await readFile(file, "utf8");
      // A new title, and a tag fewer: the stopped sync writes the event's main item and deletes a membership.
      await edit(file, (text) =>
        text
          .replace(/^title: (.*)$/m, "title: Kontrola robotnicza w fabrykach")
          .replace("tags: [dekrety, gospodarka, władza radziecka]", "tags: [dekrety, gospodarka]"),
      );
      const stopped = sync(dir, tableName, {
        onBatch: (phase) => {
          if (phase === "events") throw new Error("stopped"); // once the event's main item is written
        },
      });
      await expect(stopped).rejects.toThrow("stopped");
      // The edit is undone: the content is again what the event's state item still says it is.
      await writeFile(file, before);
    });
  });

  it("publishes an event again after a sync that stopped while deleting it, and its file was restored", async () => {
    await sameAsFreshFullSync(async (dir, tableName) => {
      const files = [events(dir, "kadeci-wyjeci-spod-prawa.md"), events(dir, "kadeci-wyjeci-spod-prawa.en.md")];
      const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
      await Promise.all(files.map((file) => rm(file)));
      const stopped = sync(dir, tableName, {
        onBatch: (phase) => {
          if (phase === "deleted events") throw new Error("stopped"); // once the event's items are deleted
        },
      });
      await expect(stopped).rejects.toThrow("stopped");
      await Promise.all(files.map((file, i) => writeFile(file, texts[i])));
    });
  });

  it("publishes what a full sync does after every kind of change at once, and leaves no change behind", async () => {
    let dir = "";
    const outcome = await sameAsFreshFullSync(async (folder) => {
      dir = folder;
      await edit(events(dir, "kontrola-robotnicza.md"), (text) => `${text}\nNowy akapit.\n`);
      await rename(events(dir, "i-uniwersal.md"), events(dir, "pierwszy-uniwersal.md"));
      await rename(events(dir, "i-uniwersal.en.md"), events(dir, "pierwszy-uniwersal.en.md"));
      await rm(events(dir, "kadeci-wyjeci-spod-prawa.md"));
      await rm(events(dir, "kadeci-wyjeci-spod-prawa.en.md"));
      await writeFile(path.join(dir, "sources/nowe-zrodlo.yaml"), sourceFile("Nowe źródło"));
      await edit(path.join(dir, "sources/figes-peoples-tragedy.yaml"), (text) => text.replace(/^title: (.*)$/m, "title: Tragedia narodu"));
      await writeFile(path.join(dir, "people/nowa-osoba.yaml"), "name: Nowa Osoba\n");
    });
    expect(outcome.status).toBe("applied");
  });

  it("keeps no event's old terms when another sync wrote the entity states while it read the table", async () => {
    await sameAsFreshFullSync(async (dir, tableName) => {
      await edit(events(dir, "kontrola-robotnicza.md"), (text) => text.replace(/^title: (.*)$/m, "title: Kontrola robotnicza w fabrykach"));
      // This sync reads the record (which vouches for the table) and then, before it reads the states' hashes,
      // another sync of the same content writes the states and stops before publishing its revision.
      let other: Promise<unknown> | undefined;
      const client = {
        send: async (command: { input: { ProjectionExpression?: string } }) => {
          if (!other && command instanceof QueryCommand && command.input.ProjectionExpression) {
            other = sync(dir, tableName, {
              onBatch: (phase) => {
                if (phase === "entity states") throw new Error("stopped");
              },
            }).catch(() => undefined);
            await other;
          }
          return env.client.send(command as never);
        },
      } as unknown as DynamoDBClient;
      const outcome = await sync(dir, tableName, { client });
      expect(other).toBeDefined();
      expect(outcome.status === "applied" && outcome.searchIndex?.kept).toBe(0);
    });
  });
});
