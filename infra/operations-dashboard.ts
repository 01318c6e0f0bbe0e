// The stage's CloudWatch dashboard: requests, the GraphQL function's latency percentiles, CloudFront's
// cache hit ratio and 5xx rate, DynamoDB calls per request (from the request log's embedded metrics), and
// the state of the regional alarms. CloudFront's metrics are read from us-east-1, which a dashboard may do.
import { Duration, Stack } from "aws-cdk-lib";
import { CfnMonitoringSubscription } from "aws-cdk-lib/aws-cloudfront";
import { type Alarm, AlarmStatusWidget, Dashboard, GraphWidget, Metric, TextWidget } from "aws-cdk-lib/aws-cloudwatch";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { requestMetrics } from "../functions/request-metrics";
import { cloudFrontMetric } from "./cdn-alarm";

export interface OperationsDashboardProps {
  /** The GraphQL function: its invocations, durations and request metrics. */
  readonly api: IFunction;
  /** The distribution's id. */
  readonly distributionId: string;
  /** The alarms whose state the dashboard shows (those in the dashboard's region). */
  readonly alarms: Alarm[];
}

/** Graphs show 1-minute points: fine enough to see a deploy or a spike. */
const graphPeriod = Duration.minutes(1);

export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { api, distributionId } = props;
    // CloudFront publishes its cache hit rate only with its additional metrics, which cost extra (CloudWatch
    // bills them as custom metrics): the one figure that says whether the edge cache is doing its job.
    new CfnMonitoringSubscription(this, "CdnAdditionalMetrics", {
      distributionId,
      monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
    });
    const cdn = (metricName: string, statistic: string, label: string) => {
      const metric = cloudFrontMetric(distributionId, metricName, statistic, graphPeriod);
      return metric.with({ label });
    };
    const requestMetric = (metricName: keyof typeof requestMetrics.metrics, statistic: string, label: string) =>
      new Metric({
        namespace: requestMetrics.namespace,
        metricName,
        dimensionsMap: { [requestMetrics.dimension]: api.functionName },
        statistic,
        period: graphPeriod,
        label,
      });
    const duration = (statistic: string) => api.metricDuration({ statistic, period: graphPeriod, label: statistic });

    this.dashboard = new Dashboard(this, "Dashboard", {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: "**Kronika** — what each alarm means and what to do: docs/runbook.md. CloudFront's figures are read from us-east-1.",
        width: 24,
        height: 1,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "Requests",
        left: [
          cdn("Requests", "Sum", "CloudFront (all paths)"),
          api.metricInvocations({ period: graphPeriod, statistic: "Sum", label: "GraphQL function" }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: "GraphQL function duration (ms)",
        left: [duration("p50"), duration("p90"), duration("p99")],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: "CloudFront cache hit ratio (%)",
        left: [cdn("CacheHitRate", "Average", "Cache hit rate")],
        leftYAxis: { min: 0, max: 100 },
        width: 8,
      }),
      new GraphWidget({
        title: "DynamoDB calls per request",
        left: [
          requestMetric("dynamodbCalls", "Average", "average"),
          requestMetric("dynamodbCalls", "p99", "p99"),
          requestMetric("dynamodbCalls", "Maximum", "maximum"),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: "Errors",
        left: [cdn("5xxErrorRate", "Average", "CloudFront 5xx rate (%)"), cdn("4xxErrorRate", "Average", "CloudFront 4xx rate (%)")],
        right: [
          api.metricErrors({ period: graphPeriod, statistic: "Sum", label: "GraphQL function errors" }),
          api.metricThrottles({ period: graphPeriod, statistic: "Sum", label: "GraphQL function throttles" }),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: "Alarms", alarms: props.alarms, width: 24, height: 3 }));
  }
}
