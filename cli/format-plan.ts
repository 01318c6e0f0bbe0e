// A sync plan and its outcome as terminal text.
import { escapeControlCharacters, formatHuman, sortDiagnostics } from "../core/content/diagnostic";
import type { SyncPlan } from "../core/sync/plan";
import { revisionEventDetailOf } from "../core/sync/revision-event";
import type { SyncOutcome } from "../core/sync/sync";

const marks = { create: "+", update: "~", delete: "-" } as const;

export function formatPlan(plan: SyncPlan): string[] {
  // Titles come from the content (a YAML string may hold "\e[2J"): printed with their control characters written out.
  const lines = plan.changes.map((c) => escapeControlCharacters(`${marks[c.action]} ${c.kind} ${c.slug}  (${c.title})`));
  const count = (kind: "event" | "source") => {
    const c = plan.counts[kind];
    return `${kind}s: ${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged`;
  };
  lines.push(count("event"), count("source"));
  return lines;
}

export function formatOutcome(outcome: SyncOutcome): string[] {
  const lines = sortDiagnostics(outcome.diagnostics).map((d) => formatHuman(d));
  if (outcome.status === "invalid") {
    lines.push("content has errors: nothing was written");
    return lines;
  }
  lines.push(...formatPlan(outcome.plan));
  if (outcome.status === "mass-delete-refused") {
    const { deleting, published } = outcome.plan.massDelete ?? { deleting: 0, published: 0 };
    lines.push(
      `refused: this would delete ${deleting} of ${published} published items; nothing was written. Check --content, or pass --allow-mass-delete.`,
    );
  } else if (outcome.status === "applied") {
    lines.push(outcome.plan.writesRevision ? `synced revision ${outcome.plan.revision.id}` : "nothing to write: the table is up to date");
    // What the deployed sync puts on EventBridge for front-ends (docs/deploy.md), printed as its detail.
    if (outcome.plan.writesRevision) lines.push(`revision published: ${JSON.stringify(revisionEventDetailOf(outcome.plan))}`);
  }
  return lines;
}
