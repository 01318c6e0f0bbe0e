// A sync plan as Markdown for a pull request comment: counts, then each created, updated or deleted event
// and source with its title and, for updates, which fields change (dates shown in both calendars).
import type { ResolvedDate } from "../dates/historical-date";
import { mainItemOf } from "../store/items";
import { tableKeys } from "../store/table-definition";
import type { PlannedChange, SyncPlan } from "./plan";

type Item = Record<string, unknown>;

const eventFields = ["title", "summary", "date", "places", "people", "tags", "citations", "related", "notes", "body"];
const sourceFields = ["title", "type", "date", "csl"];

const escapeMarkdown = (text: string) => text.replace(/[|`*_<>[\]]/g, (c) => `\\${c}`);

function show(field: string, value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (field === "date") {
    const date = value as ResolvedDate;
    return date.calendar === "julian"
      ? `julian ${date.julian} = gregorian ${date.gregorian}`
      : `gregorian ${date.gregorian} = julian ${date.julian}`;
  }
  if (field === "body") return `${String((value as { markdown?: string }).markdown ?? "").length} characters`;
  if (field === "citations")
    return (
      (value as { source: string; locator?: string }[]).map((c) => (c.locator ? `${c.source} (${c.locator})` : c.source)).join(", ") || "—"
    );
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

type WrittenCitation = { source: string; locator?: string; note?: string; formatted?: unknown };
const withoutFormatting = (citations: unknown) => (citations as WrittenCitation[] | undefined)?.map(({ formatted: _f, ...c }) => c);

/** The fields that differ between two versions of an item, as "field: before → after". */
export function changedFields(kind: PlannedChange["kind"], before: Item, after: Item): string[] {
  const fields = kind === "event" ? eventFields : sourceFields;
  const comparable = (field: string, value: unknown) =>
    JSON.stringify(
      field === "date" && value
        ? { j: (value as ResolvedDate).julian, g: (value as ResolvedDate).gregorian }
        : field === "body"
          ? (value as { markdown?: string })?.markdown
          : field === "citations"
            ? withoutFormatting(value)
            : value,
    );
  const changed = fields
    .filter((field) => comparable(field, before[field]) !== comparable(field, after[field]))
    .map((field) =>
      field === "body" || field === "csl" ? `${field} changed` : `${field}: ${show(field, before[field])} → ${show(field, after[field])}`,
    );
  const reformatted = kind === "event" && JSON.stringify(before.citations) !== JSON.stringify(after.citations);
  if (reformatted && !changed.some((line) => line.startsWith("citations:")))
    changed.push("citations formatted anew (a cited source changed)");
  return changed;
}

/** The main item a plan writes for an entity. */
export function plannedItem(plan: SyncPlan, change: PlannedChange): Item | undefined {
  const key = mainItemOf[change.kind].key({ slug: change.slug });
  for (const phase of plan.phases) {
    for (const write of phase.writes) {
      if (
        "put" in write &&
        write.put[tableKeys.partitionKey] === key[tableKeys.partitionKey] &&
        write.put[tableKeys.sortKey] === key[tableKeys.sortKey]
      ) {
        return write.put;
      }
    }
  }
  return undefined;
}

const verbs = { create: "created", update: "updated", delete: "deleted" } as const;

export function planMarkdown(plan: SyncPlan, before: Map<string, Item>): string {
  const lines = ["### Content plan", ""];
  const { event, source } = plan.counts;
  lines.push("| | created | updated | deleted | unchanged |", "| --- | --- | --- | --- | --- |");
  lines.push(`| events | ${event.create} | ${event.update} | ${event.delete} | ${event.unchanged} |`);
  lines.push(`| sources | ${source.create} | ${source.update} | ${source.delete} | ${source.unchanged} |`, "");
  if (plan.changes.length === 0) lines.push("Nothing changes: the published content already matches.");
  for (const change of plan.changes) {
    const after = plannedItem(plan, change);
    const old = before.get(`${change.kind}/${change.slug}`);
    lines.push(`- **${verbs[change.action]}** ${change.kind} \`${change.slug}\`: ${escapeMarkdown(change.title)}`);
    if (change.action === "create" && after?.date) lines.push(`  - date: ${show("date", after.date)}`);
    if (change.action === "update" && old && after)
      for (const field of changedFields(change.kind, old, after)) lines.push(`  - ${escapeMarkdown(field)}`);
  }
  if (plan.massDelete)
    lines.push("", `**Refused:** this would delete ${plan.massDelete.deleting} of ${plan.massDelete.published} published items.`);
  return `${lines.join("\n")}\n`;
}
