// npm run content:plan / content:sync [-- --content DIR --allow-mass-delete --format markdown] — validate, plan against the
// table (DYNAMODB_ENDPOINT, KRONIKA_TABLE) and, for sync, apply. Exit 1 when nothing could be written.

import { folderStorage } from "../core/renditions/folder-storage";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { planMarkdown } from "../core/sync/plan-report";
import { publishedVersions } from "../core/sync/published-versions";
import { syncContent } from "../core/sync/sync";
import { formatOutcome } from "./format-plan";
import { localMediaDir } from "./media-server";
import { readOptions, runCommand } from "./options";
import { gitRevision } from "./revision";
import { connectTable } from "./table-connection";

await runCommand(async () => {
  const { contentDir, tableName, endpoint, flags } = readOptions({
    plan: { type: "boolean", default: false },
    format: { type: "string", default: "human" },
    "allow-mass-delete": { type: "boolean", default: false },
    // For a preview stage only: its API then serves drafts, marked as such.
    drafts: { type: "boolean", default: false },
  });
  const client = await connectTable(endpoint, tableName);
  const outcome = await syncContent({
    contentDir,
    client,
    tableName,
    dryRun: Boolean(flags.plan),
    allowMassDelete: Boolean(flags["allow-mass-delete"]),
    drafts: Boolean(flags.drafts),
    revisionId: gitRevision(contentDir),
    // A local table's renditions go where npm start serves them; a deployed table's are written by the
    // stack's sync function, to its bucket.
    ...(endpoint ? { mediaStorage: folderStorage(localMediaDir()) } : {}),
  });
  if (flags.format === "markdown" && outcome.status !== "invalid") {
    console.log(planMarkdown(outcome.plan, await publishedVersions(sdkTableReads(client), tableName, outcome.plan.changes)));
  } else {
    for (const line of formatOutcome(outcome)) console.log(line);
  }
  client.destroy();
  return outcome.status === "invalid" || outcome.status === "mass-delete-refused" ? 1 : 0;
});
