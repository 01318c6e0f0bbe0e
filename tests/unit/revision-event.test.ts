import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Kind } from "../../core/store/items";
import type { PlannedChange, SyncPlan } from "../../core/sync/plan";
import { detailBudgetBytes, revisionEventDetail, revisionEventDetailOf } from "../../core/sync/revision-event";

const change = (action: PlannedChange["action"], kind: Kind, slug: string): PlannedChange => ({ action, kind, slug, title: slug });
const planOf = (changes: PlannedChange[], id = "3f2a9c1") => ({ changes, revision: { id } }) as Pick<SyncPlan, "changes" | "revision">;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("the Revision published event's detail", () => {
  it("lists the slugs created, updated and deleted by kind, sorted, with the revision and the stage", () => {
    const plan = planOf([
      change("create", "event", "zjazd"),
      change("create", "event", "dekret-o-pokoju"),
      change("update", "source", "reed"),
      change("create", "person", "lenin"),
      change("delete", "place", "smolny"),
      change("update", "event", "szturm"),
    ]);
    const detail = revisionEventDetailOf(plan, { stage: "prod" });
    expect(detail).toEqual({
      revision: "3f2a9c1",
      stage: "prod",
      truncated: false,
      created: { events: ["dekret-o-pokoju", "zjazd"], sources: [], people: ["lenin"], places: [], media: [] },
      updated: { events: ["szturm"], sources: ["reed"], people: [], places: [], media: [] },
      deleted: { events: [], sources: [], people: [], places: ["smolny"], media: [] },
    });
    expect(revisionEventDetail.parse(detail)).toEqual(detail);
  });

  it("names the revision with empty lists when only the revision changed, and leaves the stage out when there is none", () => {
    const detail = revisionEventDetailOf(planOf([], "content-0123456789abcdef"));
    expect(detail).toEqual({
      revision: "content-0123456789abcdef",
      truncated: false,
      created: { events: [], sources: [], people: [], places: [], media: [] },
      updated: { events: [], sources: [], people: [], places: [], media: [] },
      deleted: { events: [], sources: [], people: [], places: [], media: [] },
    });
    expect(Object.keys(detail)).not.toContain("stage");
  });

  it("sends counts with truncated: true when the slugs would pass the budget, and stays under it", () => {
    const slug = (i: number) => `wydarzenie-${String(i).padStart(6, "0")}-${"x".repeat(40)}`;
    const changes = [
      ...Array.from({ length: 4000 }, (_, i) => change("create", "event", slug(i))),
      ...Array.from({ length: 900 }, (_, i) => change("update", "source", slug(i))),
      ...Array.from({ length: 30 }, (_, i) => change("delete", "person", slug(i))),
    ];
    const listed = revisionEventDetailOf(planOf(changes), { budgetBytes: Number.POSITIVE_INFINITY });
    expect(bytes(listed)).toBeGreaterThan(detailBudgetBytes);

    const detail = revisionEventDetailOf(planOf(changes), { stage: "prod" });
    expect(detail).toEqual({
      revision: "3f2a9c1",
      stage: "prod",
      truncated: true,
      created: { events: 4000, sources: 0, people: 0, places: 0, media: 0 },
      updated: { events: 0, sources: 900, people: 0, places: 0, media: 0 },
      deleted: { events: 0, sources: 0, people: 30, places: 0, media: 0 },
    });
    expect(bytes(detail)).toBeLessThan(1024);
    expect(revisionEventDetail.parse(detail)).toEqual(detail);
  });

  it("keeps the slugs of a detail exactly at the budget, and counts one byte over it", () => {
    const plan = planOf([change("create", "event", "szturm"), change("create", "event", "zjazd")]);
    const size = bytes(revisionEventDetailOf(plan));
    expect(revisionEventDetailOf(plan, { budgetBytes: size }).truncated).toBe(false);
    expect(revisionEventDetailOf(plan, { budgetBytes: size - 1 })).toMatchObject({ truncated: true, created: { events: 2 } });
  });

  it("is what docs/deploy.md shows a receiver, field for field", () => {
    const doc = readFileSync("docs/deploy.md", "utf8");
    const example = /<!-- revision-published-event -->\s*```json\n([\s\S]*?)\n```/.exec(doc);
    expect(example, "docs/deploy.md has no example marked <!-- revision-published-event -->").not.toBeNull();
    const event = JSON.parse((example as RegExpExecArray)[1]);
    expect(event).toMatchObject({ source: "kronika", "detail-type": "Revision published" });
    expect(revisionEventDetail.safeParse(event.detail).error).toBeUndefined();
  });
});
