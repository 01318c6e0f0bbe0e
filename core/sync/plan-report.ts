// A sync plan as Markdown for a pull request comment: counts, then each created, updated or deleted event,
// source, person and place with its title and, for updates, which fields change (dates shown in both calendars).
import type { ResolvedDate } from "../dates/historical-date";
import { mainItemOf } from "../store/items";
import { listIndexes, tableKeys } from "../store/table-definition";
import type { PlannedChange, SyncPlan } from "./plan";

type Item = Record<string, unknown>;

/** The fields an update report compares, by kind: what an editor writes, and what follows from other files. */
const reportedFields: Record<PlannedChange["kind"], string[]> = {
  event: ["title", "summary", "date", "places", "placesWithin", "people", "tags", "citations", "related", "notes", "body"],
  source: ["title", "type", "date", "csl"],
  person: ["name", "names", "aliases", "born", "died", "description", "wikidata"],
  place: ["name", "names", "historicalNames", "aliases", "coordinates", "within", "ancestors", "contains", "description", "wikidata"],
  media: ["alt", "caption", "credit", "licence", "source", "date", "focus", "translations", "sourceHash"],
};

/** Fields written with a reported one and derived from it (names' sort keys, a date's days, a source's formatting). */
const derivedFields = new Set([
  ...Object.values(tableKeys),
  ...listIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  "hash",
  "sortName",
  "match",
  "firstDay",
  "lastDay",
  "formatted",
  "format",
  "width",
  "height",
  "renditions",
  "placeholder",
]);

/** Fields shown only as "changed": too long for one line. */
const longFields = new Set(["body", "csl", "historicalNames"]);

/** How a field is named in the report, where its item name would puzzle a reviewer. */
const fieldLabels = new Map([
  ["sourceHash", "the image file"],
  ["placesWithin", "places within (from the places' hierarchy)"],
  ["ancestors", "within, all the way up"],
]);

/** The kinds in the counts table, with their plural. */
const kindRows: [PlannedChange["kind"], string][] = [
  ["event", "events"],
  ["source", "sources"],
  ["person", "people"],
  ["place", "places"],
  ["media", "media"],
];

const escapeMarkdown = (text: string) => text.replace(/[|`*_<>[\]]/g, (c) => `\\${c}`);

/**
 * JSON with object keys sorted: an item read back from DynamoDB lists its map keys in another order than the
 * item the plan writes, and the same value must compare equal.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const isDateField = (field: string) => field === "date" || field === "born" || field === "died";

type WrittenCitation = { source: string; locator?: string; note?: string; formatted?: unknown };
type Translation = { title?: string; summary?: string; notes?: string[]; body?: { markdown?: string } };

function show(field: string, value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (isDateField(field)) {
    const date = value as ResolvedDate;
    return date.calendar === "julian"
      ? `julian ${date.julian} = gregorian ${date.gregorian}`
      : `gregorian ${date.gregorian} = julian ${date.julian}`;
  }
  if (field === "citations")
    return (value as WrittenCitation[]).map((c) => (c.locator ? `${c.source} (${c.locator})` : c.source)).join(", ") || "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "object")
    return (
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, v]) => `${key}: ${typeof v === "object" ? canonical(v) : String(v)}`)
        .join(", ") || "—"
    );
  return String(value);
}

/** What of a field the report compares: a date's days as written, a body's Markdown, citations without their formatting. */
function comparable(field: string, value: unknown): string {
  if (isDateField(field) && value) {
    const { calendar, julian, gregorian } = value as ResolvedDate;
    return canonical({ calendar, julian, gregorian });
  }
  if (field === "body") return canonical((value as { markdown?: string } | undefined)?.markdown);
  if (field === "citations") return canonical(((value ?? []) as WrittenCitation[]).map(({ source, locator }) => ({ source, locator })));
  return canonical(value);
}

const change = (field: string, before: unknown, after: unknown, label = fieldLabels.get(field) ?? field) => {
  return longFields.has(field) ? `${label} changed` : `${label}: ${show(field, before)} → ${show(field, after)}`;
};

/** Citation notes that changed, by cited source, when the cited sources and locators did not. */
function citationNoteChanges(before: WrittenCitation[], after: WrittenCitation[]): string[] {
  return after.flatMap((citation, i) =>
    (before[i]?.note ?? "") === (citation.note ?? "")
      ? []
      : [`citation note (${citation.source}): ${before[i]?.note ?? "—"} → ${citation.note ?? "—"}`],
  );
}

/** An event's translated fields that changed, language by language. */
function translationChanges(before: unknown, after: unknown): string[] {
  const was = (before ?? {}) as Record<string, Translation>;
  const is = (after ?? {}) as Record<string, Translation>;
  const languages = [...new Set([...Object.keys(was), ...Object.keys(is)])].sort();
  return languages.flatMap((language) =>
    (["title", "summary", "notes", "body"] as const)
      .filter((field) => comparable(field, was[language]?.[field]) !== comparable(field, is[language]?.[field]))
      .map((field) => change(field, was[language]?.[field], is[language]?.[field], `${field} (${language})`)),
  );
}

/**
 * The fields that differ between two versions of an item, as "field: before → after". `updatedSources` are the
 * sources the same plan updates: an event whose formatted citations change names the one that caused it.
 */
export function changedFields(
  kind: PlannedChange["kind"],
  before: Item,
  after: Item,
  updatedSources: ReadonlySet<string> = new Set(),
): string[] {
  const changed = reportedFields[kind]
    .filter((field) => comparable(field, before[field]) !== comparable(field, after[field]))
    .map((field) => change(field, before[field], after[field]));
  if (kind === "event") {
    const [was, is] = [before.citations, after.citations].map((c) => (c ?? []) as WrittenCitation[]);
    if (comparable("citations", was) === comparable("citations", is)) {
      changed.push(...citationNoteChanges(was, is));
      const reformatted = is.filter((c, i) => canonical(c.formatted) !== canonical(was[i]?.formatted)).map((c) => c.source);
      if (reformatted.length > 0) {
        const causes = [...new Set(reformatted)].filter((source) => updatedSources.has(source));
        changed.push(
          causes.length > 0
            ? `citations formatted anew (cited source changed: ${causes.join(", ")})`
            : "citations formatted anew (how citations are formatted changed)",
        );
      }
    }
    changed.push(...translationChanges(before.translations, after.translations));
  }
  // A stored field no line above covers (a new field the report does not know yet): named, never hidden.
  const covered = new Set([...reportedFields[kind], ...derivedFields, "translations"]);
  const other = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !covered.has(key) && canonical(before[key]) !== canonical(after[key]))
    .sort();
  if (other.length > 0) changed.push(`also changed: ${other.join(", ")}`);
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
    if ((kind === "person" || kind === "place" || kind === "media") && Object.values(count).every((n) => n === 0)) continue;
    lines.push(`| ${plural} | ${count.create} | ${count.update} | ${count.delete} | ${count.unchanged} |`);
  }
  lines.push("");
  if (plan.changes.length === 0) lines.push("Nothing changes: the published content already matches.");
  const updatedSources = new Set(plan.changes.filter((c) => c.kind === "source" && c.action === "update").map((c) => c.slug));
  for (const change of plan.changes) {
    const after = plannedItem(plan, change);
    const old = before.get(`${change.kind}/${change.slug}`);
    lines.push(`- **${verbs[change.action]}** ${change.kind} \`${change.slug}\`: ${escapeMarkdown(change.title)}`);
    if (change.action === "create" && after?.date) lines.push(`  - date: ${show("date", after.date)}`);
    if (change.action === "update" && old && after) {
      const fields = changedFields(change.kind, old, after, updatedSources);
      // The content hash changed, yet no stored field did: the item layout or the rendering changed.
      if (fields.length === 0) fields.push("rewritten as it was (the item layout or rendering changed)");
      for (const field of fields) lines.push(`  - ${escapeMarkdown(field)}`);
    }
  }
  if (plan.massDelete)
    lines.push("", `**Refused:** this would delete ${plan.massDelete.deleting} of ${plan.massDelete.published} published items.`);
  return `${lines.join("\n")}\n`;
}
