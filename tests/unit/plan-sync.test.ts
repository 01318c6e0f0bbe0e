import { describe, expect, it } from "vitest";
import { loadContent } from "../../core/content/load";
import { validateContent } from "../../core/content/validate";
import { mainItemOf } from "../../core/store/items";
import { planSync, type SyncPlan } from "../../core/sync/plan";
import { type EntityItems, membershipKeys } from "../../core/sync/published-items";
import { publishedItems } from "../../core/sync/sync";
import type { TableState } from "../../core/sync/table-state";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "../support/content-folder";

const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Opracowanie"),
  "sources/reed.yaml": sourceFile("Dziesięć dni"),
  "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25 }", tags: ["a"], sources: ["opracowanie"] }),
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", people: ["Lenin"], sources: ["reed"] }),
};

async function itemsOf(files: ContentFiles): Promise<EntityItems[]> {
  const { collection: validated, diagnostics } = validateContent((await loadContent(await writeContentFolder(files))).documents);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return publishedItems(validated);
}

/** What the table holds once `items` were synced as `revisionId`. */
function stateAfter(items: EntityItems[], plan: SyncPlan): TableState {
  const pk = (item: EntityItems) => mainItemOf[item.kind].key({ slug: item.slug }).pk;
  return {
    entities: new Map(items.map((item) => [pk(item), { kind: item.kind, slug: item.slug, title: item.title, hash: item.hash }])),
    memberships: new Map(items.filter((i) => i.memberships.length > 0).map((item) => [pk(item), membershipKeys(item)])),
    revision: { ...plan.revision, syncedAt: "2026-01-01T00:00:00Z" },
  };
}

const phaseNames = (plan: SyncPlan) => plan.phases.map((p) => p.name);
const empty: TableState = { entities: new Map(), memberships: new Map() };

describe("planning a sync", () => {
  it("creates everything on an empty table, sources before the events that cite them, states last", async () => {
    const plan = planSync(await itemsOf(collection), empty, "r1");
    expect(plan.counts.event).toMatchObject({ create: 2, update: 0, delete: 0 });
    expect(plan.counts.source).toMatchObject({ create: 2 });
    expect(phaseNames(plan)).toEqual(["intents", "sources, people and places", "lists", "events", "entity states"]);
    expect(plan.writesRevision).toBe(true);
    expect(plan.revision).toMatchObject({ id: "r1", eventCount: 2, sourceCount: 2 });
    expect(plan.massDelete).toBeUndefined();
  });

  it("writes nothing for unchanged content under the same revision", async () => {
    const items = await itemsOf(collection);
    const plan = planSync(items, stateAfter(items, planSync(items, empty, "r1")), "r1");
    expect(plan.phases).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.writesRevision).toBe(false);
  });

  it("updates only the changed event, moving its list memberships, and deletes a removed source after the events", async () => {
    const before = await itemsOf(collection);
    const state = stateAfter(before, planSync(before, empty, "r1"));
    const { "sources/reed.yaml": _gone, ...rest } = collection;
    const after = await itemsOf({
      ...rest,
      "events/zjazd.md": eventFile({ title: "Zjazd Rad", date: "{ julian: 1917-10-25 }", tags: ["b"], sources: ["opracowanie"] }),
    });
    const plan = planSync(after, state, "r2");
    expect(plan.changes).toEqual([
      { kind: "event", slug: "zjazd", title: "Zjazd Rad", action: "update" },
      { kind: "source", slug: "reed", title: "Dziesięć dni", action: "delete" },
    ]);
    const names = phaseNames(plan);
    expect(names.indexOf("events")).toBeLessThan(names.indexOf("deleted sources, people and places"));
    expect(names).toContain("stale lists");
    const stale = plan.phases.find((p) => p.name === "stale lists")?.writes ?? [];
    // The person and the cited source it no longer has are lists it leaves.
    expect(stale.map((w) => ("delete" in w ? w.delete.sk : undefined))).toEqual(
      expect.arrayContaining([expect.stringContaining("PERSON#Lenin"), expect.stringContaining("CITES#reed")]),
    );
  });

  it("flags a plan that deletes more than half of what is published", async () => {
    const items = await itemsOf(collection);
    const state = stateAfter(items, planSync(items, empty, "r1"));
    const plan = planSync(await itemsOf({ "sources/opracowanie.yaml": collection["sources/opracowanie.yaml"] }), state, "r2");
    expect(plan.massDelete).toEqual({ deleting: 3, published: 4 });
  });
});
