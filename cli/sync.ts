// npm run content:plan / content:sync [-- --content DIR --allow-mass-delete] — validate, plan against the
// table (DYNAMODB_ENDPOINT, KRONIKA_TABLE) and, for sync, apply. Exit 1 when nothing could be written.
import { createDynamoClient } from "../core/store/client";
import { ensureTable } from "../core/store/create-table";
import { syncContent } from "../core/sync/sync";
import { formatOutcome } from "./format-plan";
import { readOptions, runCommand } from "./options";
import { gitRevision } from "./revision";

await runCommand(async () => {
  const { contentDir, tableName, endpoint, flags } = readOptions({
    plan: { type: "boolean", default: false },
    "allow-mass-delete": { type: "boolean", default: false },
  });
  const client = createDynamoClient(endpoint);
  if (endpoint) await ensureTable(client, tableName);
  const outcome = await syncContent({
    contentDir,
    client,
    tableName,
    dryRun: Boolean(flags.plan),
    allowMassDelete: Boolean(flags["allow-mass-delete"]),
    revisionId: gitRevision(contentDir),
  });
  for (const line of formatOutcome(outcome)) console.log(line);
  client.destroy();
  return outcome.status === "invalid" || outcome.status === "mass-delete-refused" ? 1 : 0;
});
