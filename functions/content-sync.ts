// The deploy-time sync Lambda: publishes the content bundled beside it, then invalidates the CDN's cached
// responses and announces the revision on EventBridge if anything changed. Throws (failing the deployment) on
// invalid content or a refused mass delete, having written nothing; a failed announcement is only logged.
import path from "node:path";
import { formatHuman } from "../core/content/diagnostic";
import { awsEndpointVariables, environment } from "../core/environment";
import { s3Storage } from "../core/renditions/s3-storage";
import { createDynamoClient } from "../core/store/client";
import { defaultTableName } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { invalidateGraphqlResponses, invalidationCompleted } from "./cdn-invalidation";
import { announceRevision } from "./revision-announcement";

/** The stack's media bucket, written with the function's own credentials (Lambda puts them in the environment). */
function mediaStorage(env = process.env) {
  const bucket = env[environment.mediaBucket];
  if (!bucket) return undefined;
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN: sessionToken,
    AWS_REGION: region,
  } = env;
  if (!accessKeyId || !secretAccessKey || !region) throw new Error("no AWS credentials or region in the environment for the media bucket");
  return s3Storage({ bucket, region, credentials: { accessKeyId, secretAccessKey, sessionToken }, endpoint: env[awsEndpointVariables.s3] });
}

export async function handler() {
  const contentDir = path.join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), "content");
  const outcome = await syncContent({
    contentDir,
    client: createDynamoClient(),
    tableName: process.env[environment.tableName] ?? defaultTableName,
    allowMassDelete: process.env[environment.allowMassDelete] === "true",
    drafts: process.env[environment.publishDrafts] === "true",
    revisionId: process.env[environment.revision] || undefined,
    mediaStorage: mediaStorage(),
  });
  if (outcome.status === "invalid") {
    throw new Error(`content has errors, nothing was written:\n${outcome.diagnostics.map((d) => formatHuman(d)).join("\n")}`);
  }
  if (outcome.status === "mass-delete-refused") {
    throw new Error(`refused to delete ${outcome.plan.massDelete?.deleting} of ${outcome.plan.massDelete?.published} published items`);
  }
  const distributionId = process.env[environment.distributionId];
  const published = outcome.plan.writesRevision;
  const invalidation = distributionId && published ? await invalidateGraphqlResponses(distributionId, outcome.plan.revision.id) : undefined;
  // Receivers rebuild from the API through the CDN: the event waits until it no longer serves cached answers.
  const served = distributionId && invalidation ? () => invalidationCompleted(distributionId, invalidation) : undefined;
  const revisionEvent = published ? await announceRevision(outcome.plan, { served }) : "none";
  const summary = {
    revision: outcome.plan.revision.id,
    changes: outcome.plan.changes.length,
    counts: outcome.plan.counts,
    wrote: published,
    invalidated: Boolean(distributionId && published),
    revisionEvent,
  };
  console.log(JSON.stringify(summary));
  return summary;
}
