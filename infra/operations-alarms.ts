// The stage's regional alarms: the GraphQL function's errors, throttles and p99 duration, the deploy-time
// sync's failures, throttled reads and writes on the content table, and the Revision published signal: a
// failed put on EventBridge, and webhook deliveries that ran out of retries. docs/runbook.md says what each
// means and what to do; the thresholds below are explained here and there alike.
import { Duration, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, type IMetric, MathExpression, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import type { CfnGlobalTable, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import type { AlarmTopic } from "./alarm-topic";
import type { RevisionEvents } from "./revision-events";

export interface OperationsAlarmsProps {
  /** Where the alarms notify. */
  readonly topic: AlarmTopic;
  /** The GraphQL function. */
  readonly api: IFunction;
  /** The deploy-time sync function. */
  readonly sync: IFunction;
  /** The content table (its indexes are watched too). */
  readonly table: TableV2;
  /** The Revision published event's put failures and webhooks' dead-letter queue. */
  readonly revisionEvents: RevisionEvents;
}

/** Every alarm looks at 5-minute sums or percentiles: short enough to act on, long enough to smooth a blip. */
export const alarmPeriod = Duration.minutes(5);

/** Where the runbook explains an alarm: each alarm's description ends with it. */
export const runbookSection = (anchor: string) => `See docs/runbook.md#${anchor}.`;

export class OperationsAlarms extends Construct {
  readonly apiErrors: Alarm;
  readonly apiThrottles: Alarm;
  readonly apiLatency: Alarm;
  readonly syncFailures: Alarm;
  readonly readThrottles: Alarm;
  readonly writeThrottles: Alarm;
  readonly revisionEventFailures: Alarm;
  /** Absent without webhooks, which is without their queue. */
  readonly webhookDeadLetters?: Alarm;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const { api, sync, table, topic, revisionEvents } = props;
    const alarm = (alarmId: string, settings: AlarmSettings) => {
      const made = new Alarm(this, alarmId, {
        metric: settings.metric,
        threshold: settings.threshold,
        evaluationPeriods: settings.evaluationPeriods ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No requests, no deploys, no throttles: no data points, which is a quiet stage, not a broken one.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        evaluateLowSampleCountPercentile: settings.evaluateLowSampleCountPercentile,
        alarmDescription: `${settings.description} ${runbookSection(settings.runbookAnchor)}`,
      });
      topic.notify(made);
      return made;
    };

    // The handler turns every request problem into an HTTP response (a client's mistake is a 4xx, a store
    // outage a 503), so an invocation error is a crash, a timeout (10 s) or memory running out. One can be a
    // single unlucky instance; 5 in 5 minutes is something systematic.
    this.apiErrors = alarm("ApiErrors", {
      metric: api.metricErrors({ period: alarmPeriod, statistic: "Sum" }),
      threshold: 5,
      description: "The GraphQL function failed 5 or more invocations in 5 minutes (crashes, timeouts or memory).",
      runbookAnchor: "graphql-function-errors",
    });
    // Throttles mean the reserved concurrency (apiConcurrency, 50 by default) is used up: each throttled
    // request got a 429 or 503. A flood the web ACL let through, or real growth; 10 in 5 minutes is past a blip.
    this.apiThrottles = alarm("ApiThrottles", {
      metric: api.metricThrottles({ period: alarmPeriod, statistic: "Sum" }),
      threshold: 10,
      description: "The GraphQL function was throttled 10 or more times in 5 minutes: its reserved concurrency is used up.",
      runbookAnchor: "graphql-function-throttles",
    });
    // A warm request takes tens of milliseconds and a cold start a few hundred (docs/benchmark.md); the
    // request deadline is 7 s. A p99 of 2 s for 15 minutes means the store is slow (retries) or the
    // queries heavy, well before requests start failing. Few requests make a p99 meaningless: those
    // periods are not evaluated.
    this.apiLatency = alarm("ApiLatencyP99", {
      metric: api.metricDuration({ period: alarmPeriod, statistic: "p99" }),
      threshold: 2000,
      evaluationPeriods: 3,
      evaluateLowSampleCountPercentile: "ignore",
      description: "The GraphQL function's p99 duration was 2 s or more for 15 minutes.",
      runbookAnchor: "graphql-p99-duration",
    });
    // The sync runs on a deploy that changed the content or its code, and a failure fails that deploy; the
    // alarm records it where operators look, whoever deployed. Any failure counts.
    this.syncFailures = alarm("SyncFailures", {
      metric: sync.metricErrors({ period: alarmPeriod, statistic: "Sum" }),
      threshold: 1,
      description: "The deploy-time content sync failed: the deploy that ran it failed, and the table holds the previous content.",
      runbookAnchor: "content-sync-failed",
    });
    // On demand, DynamoDB throttles only past twice the previous peak or at a partition's limits. The API
    // tries a throttled read up to three times with backoff, and the sync retries its writes, so a few
    // are absorbed; 10 in 5 minutes, on the table or any of its indexes, means clients are being failed or
    // slowed.
    this.readThrottles = alarm("TableReadThrottles", {
      metric: throttleEvents(table, "ReadThrottleEvents"),
      threshold: 10,
      description: "The content table (or an index) throttled 10 or more reads in 5 minutes.",
      runbookAnchor: "dynamodb-throttled-requests",
    });
    this.writeThrottles = alarm("TableWriteThrottles", {
      metric: throttleEvents(table, "WriteThrottleEvents"),
      threshold: 10,
      description: "The content table (or an index) throttled 10 or more writes in 5 minutes: a sync is being slowed.",
      runbookAnchor: "dynamodb-throttled-requests",
    });
    // The sync publishes first and announces after; a put it could not make is logged and counted, and the
    // deploy goes on. Front-ends that rebuild on the event then serve the old content until the next one:
    // any failure counts.
    this.revisionEventFailures = alarm("RevisionEventFailures", {
      metric: revisionEvents.putFailures.with({ period: alarmPeriod, statistic: "Sum" }),
      threshold: 1,
      description: "The sync published a revision but could not put its Revision published event on EventBridge.",
      runbookAnchor: "revision-event-not-announced",
    });
    // EventBridge retries a delivery for up to a day; what lands in the queue reached no receiver at all.
    // The queue's oldest message is kept 14 days, so the alarm stays on until someone looks.
    const queue = revisionEvents.deadLetterQueue;
    this.webhookDeadLetters = queue
      ? alarm("WebhookDeadLetters", {
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: alarmPeriod, statistic: "Maximum" }),
          threshold: 1,
          description: "A Revision published delivery to a webhook ran out of retries and waits in the dead-letter queue.",
          runbookAnchor: "webhook-delivery-failed",
        })
      : undefined;
  }

  /** Every alarm of the construct. */
  get alarms(): Alarm[] {
    return [
      this.apiErrors,
      this.apiThrottles,
      this.apiLatency,
      this.syncFailures,
      this.readThrottles,
      this.writeThrottles,
      this.revisionEventFailures,
      ...(this.webhookDeadLetters ? [this.webhookDeadLetters] : []),
    ];
  }
}

interface AlarmSettings {
  metric: IMetric;
  threshold: number;
  evaluationPeriods?: number;
  evaluateLowSampleCountPercentile?: string;
  description: string;
  runbookAnchor: string;
}

/**
 * A throttle metric summed over the table and each of its global secondary indexes, which DynamoDB reports
 * apart. A series with no data point (no throttles) counts as 0.
 */
function throttleEvents(table: TableV2, metricName: "ReadThrottleEvents" | "WriteThrottleEvents"): IMetric {
  const usingMetrics: Record<string, IMetric> = { table: table.metric(metricName, { period: alarmPeriod, statistic: "Sum" }) };
  indexNamesOf(table).forEach((indexName, i) => {
    // table.metric() keeps its own TableName-only dimensions whatever it is given.
    usingMetrics[`index${i}`] = new Metric({
      namespace: "AWS/DynamoDB",
      metricName,
      dimensionsMap: { TableName: table.tableName, GlobalSecondaryIndexName: indexName },
      period: alarmPeriod,
      statistic: "Sum",
    });
  });
  return new MathExpression({
    expression: Object.keys(usingMetrics)
      .map((name) => `FILL(${name}, 0)`)
      .join(" + "),
    usingMetrics,
    label: `${metricName} (table and indexes)`,
    period: alarmPeriod,
  });
}

/** The table's global secondary indexes, as its template declares them: an index added later is watched too. */
function indexNamesOf(table: TableV2): string[] {
  const resource = table.node.defaultChild as CfnGlobalTable;
  // TableV2 renders its indexes lazily; those given to its constructor are there to resolve already.
  const indexes: unknown = Stack.of(table).resolve(resource.globalSecondaryIndexes);
  if (!Array.isArray(indexes)) return [];
  return indexes.flatMap((index) => (typeof index?.indexName === "string" ? [index.indexName] : []));
}
