// A sync plan as Markdown for a pull request comment: counts, then each created, updated or deleted event,
// source, person and place with its title and, for updates, which fields change (dates shown in both calendars).
import type { ResolvedDate } from "../dates/historical-date";
import { mainItemOf } from "../store/items";
import { tableKeys } from "../store/table-definition";
import type { PlannedChange, SyncPlan } from "./plan";

type Item = Record<string, unknown>;

/** The fields an update report compares, by kind. */
const reportedFields: Record<PlannedChange["kind"], string[]> = {
  event: ["title", "summary", "date", "places", "people", "tags", "citations", "related", "notes", "body"],
  source: ["title", "type", "date", "csl"],
  person: ["name", "names", "aliases", "born", "died", "description", "wikidata"],
  place: ["name", "names", "historicalNames", "aliases", "coordinates", "within", "contains", "description", "wikidata"],
};

/** The kinds in the counts table, with their plural. */
const kindRows: [PlannedChange["kind"], string][] = [
  ["event", "events"],
  ["source", "sources"],
  ["person", "people"],
  ["place", "places"],
];

const escapeMarkdown = (text: string) => text.replace(/[|`*_<>[\]]/g, (c) => `\\${c}`);

function show(field: string, value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (field === "date" || field === "born" || field === "died") {
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
  const fields = reportedFields[kind];
  const comparable = (field: string, value: unknown) =>
    JSON.stringify(
      (field === "date" || field === "born" || field === "died") && value
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
      field === "body" || field === "csl" || field === "historicalNames"
        ? `${field} changed`
        : `${field}: ${show(field, before[field])} → ${show(field, after[field])}`,
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
  lines.push("| | created | updated | deleted | unchanged |", "| --- | --- | --- | --- | --- |");
  for (const [kind, plural] of kindRows) {
    const count = plan.counts[kind];
    // People and places appear once a collection has any.
    if ((kind === "person" || kind === "place") && Object.values(count).every((n) => n === 0)) continue;
    lines.push(`| ${plural} | ${count.create} | ${count.update} | ${count.delete} | ${count.unchanged} |`);
  }
  lines.push("");
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
