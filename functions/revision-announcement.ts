// After the sync function published a revision: its "Revision published" event, put on EventBridge, whose
// rules deliver it to the front-ends' webhooks (infra/revision-events.ts). The revision is served already,
// so a failure here never fails the sync: it is logged as an ERROR line that is also a metric.
import { awsEndpointVariables, environment } from "../core/environment";
import type { SyncPlan } from "../core/sync/plan";
import { revisionEventDetailOf, revisionPublished } from "../core/sync/revision-event";
import { putEvent } from "./event-bridge";
import { revisionEventFailureLine } from "./revision-event-failures";

/** What became of the event: put, failed (and logged), or not asked for (no bus configured). */
export type Announcement = "put" | "failed" | "none";

export interface AnnounceOptions {
  env?: NodeJS.ProcessEnv;
  /** Waits until the new revision is what the CDN serves (its invalidation done); a rejection is logged, not fatal. */
  served?: () => Promise<void>;
  /** Where log lines go: stdout, unprefixed, so CloudWatch reads the JSON line as a metric. */
  write?: (line: string) => void;
  now?: () => Date;
}

export async function announceRevision(plan: Pick<SyncPlan, "changes" | "revision">, options: AnnounceOptions = {}): Promise<Announcement> {
  const env = options.env ?? process.env;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const eventBusName = env[environment.eventBus];
  if (!eventBusName) return "none";
  const stage = env[environment.stage] || undefined;
  const detail = revisionEventDetailOf(plan, { stage });
  try {
    await options.served?.();
  } catch (error) {
    // Late is better than never: the receivers may still read a cached answer for a while.
    write(
      JSON.stringify({ level: "WARN", message: `announcing revision ${detail.revision} before the CDN is known to serve it: ${error}` }),
    );
  }
  try {
    // Lambda gives its role's credentials and its region in the environment.
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!accessKeyId || !secretAccessKey || !region) {
      throw new Error("no AWS credentials or region in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION)");
    }
    const eventId = await putEvent(
      { source: revisionPublished.source, detailType: revisionPublished.detailType, detail, eventBusName },
      {
        region,
        endpoint: env[awsEndpointVariables.eventBridge] || undefined,
        credentials: { accessKeyId, secretAccessKey, sessionToken },
        now: options.now,
      },
    );
    write(JSON.stringify({ level: "INFO", message: `revision published: ${detail.revision}`, eventId, truncated: detail.truncated }));
    return "put";
  } catch (error) {
    write(revisionEventFailureLine(error, { revision: detail.revision, stage, now: options.now?.() ?? new Date() }));
    return "failed";
  }
}
