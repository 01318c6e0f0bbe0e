// npm run content:plan / content:sync [-- --content DIR --allow-mass-delete --format markdown] — validate, plan against the
// table (DYNAMODB_ENDPOINT, KRONIKA_TABLE) and, for sync, apply. Exit 1 when nothing could be written.

import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createDynamoClient } from "../core/store/client";
import { ContentStore } from "../core/store/content-store";
import { ensureTable } from "../core/store/create-table";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import type { PlannedChange } from "../core/sync/plan";
import { planMarkdown } from "../core/sync/plan-report";
import { syncContent } from "../core/sync/sync";
import { formatOutcome } from "./format-plan";
import { readOptions, runCommand } from "./options";
import { gitRevision } from "./revision";

/** The published versions of the entities a plan updates or deletes, for the field-level report. */
async function itemsBefore(client: DynamoDBClient, tableName: string, changes: PlannedChange[]) {
  const store = new ContentStore(sdkTableReads(client), tableName, async () => null);
  const found = new Map<string, Record<string, unknown>>();
  await Promise.all(
    changes
      .filter((c) => c.action !== "create")
      .map(async (change) => {
        const item = await (change.kind === "event" ? store.events : store.sources).load(change.slug);
        if (item) found.set(`${change.kind}/${change.slug}`, item as unknown as Record<string, unknown>);
      }),
  );
  return found;
}

await runCommand(async () => {
  const { contentDir, tableName, endpoint, flags } = readOptions({
    plan: { type: "boolean", default: false },
    format: { type: "string", default: "human" },
    "allow-mass-delete": { type: "boolean", default: false },
    // For a preview stage only: its API then serves drafts, marked as such.
    drafts: { type: "boolean", default: false },
  });
  const client = createDynamoClient(endpoint);
  if (endpoint) await ensureTable(client, tableName);
  const outcome = await syncContent({
    contentDir,
    client,
    tableName,
    dryRun: Boolean(flags.plan),
    allowMassDelete: Boolean(flags["allow-mass-delete"]),
    drafts: Boolean(flags.drafts),
    revisionId: gitRevision(contentDir),
  });
  if (flags.format === "markdown" && outcome.status !== "invalid") {
    console.log(planMarkdown(outcome.plan, await itemsBefore(client, tableName, outcome.plan.changes)));
  } else {
    for (const line of formatOutcome(outcome)) console.log(line);
  }
  client.destroy();
  return outcome.status === "invalid" || outcome.status === "mass-delete-refused" ? 1 : 0;
});
