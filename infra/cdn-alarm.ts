// The CloudFront 5xx alarm: the share of requests the distribution answered with a server error. CloudFront
// publishes its metrics in us-east-1 only, and an alarm sees only its own region's metrics, so this
// construct must be made in us-east-1 (KronikaStack puts it in a small stack there when the API is elsewhere).
import { type Duration, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import type { AlarmTopic } from "./alarm-topic";
import { alarmPeriod, runbookSection } from "./operations-alarms";

/** The only region whose CloudWatch holds CloudFront's metrics. */
export const cloudFrontMetricsRegion = "us-east-1";

/** One of a distribution's CloudWatch metrics, read where CloudFront publishes them (dimension Region=Global). */
export function cloudFrontMetric(distributionId: string, metricName: string, statistic: string, period: Duration = alarmPeriod): Metric {
  return new Metric({
    namespace: "AWS/CloudFront",
    metricName,
    dimensionsMap: { DistributionId: distributionId, Region: "Global" },
    region: cloudFrontMetricsRegion,
    statistic,
    period,
  });
}

export interface CdnErrorAlarmProps {
  /** The distribution's id. */
  readonly distributionId: string;
  /** Where the alarm notifies: a topic in us-east-1 too. */
  readonly topic: AlarmTopic;
}

/**
 * A 5-minute period counts only with this many requests in it: at night one failed request out of three
 * is a 33% rate and no outage.
 */
export const cdnAlarmMinimumRequests = 20;

export class CdnErrorAlarm extends Construct {
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: CdnErrorAlarmProps) {
    super(scope, id);
    if (Stack.of(this).region !== cloudFrontMetricsRegion) {
      throw new Error(`${this.node.path}: CloudFront's metrics are only in ${cloudFrontMetricsRegion}, and so must be the alarm on them`);
    }
    // 5xx at the edge: the function's own 5xx (503 while the store is down), its crashes and timeouts as
    // CloudFront sees them (502, 504), and failures of the origin-request function. Normally there are none:
    // 5% over two periods in a row (10 minutes) is an outage for one reader in twenty.
    const errorRate = new MathExpression({
      expression: `IF(requests >= ${cdnAlarmMinimumRequests}, errorRate, 0)`,
      usingMetrics: {
        requests: cloudFrontMetric(props.distributionId, "Requests", "Sum"),
        errorRate: cloudFrontMetric(props.distributionId, "5xxErrorRate", "Average"),
      },
      label: "5xx error rate (%)",
      period: alarmPeriod,
    });
    this.alarm = new Alarm(this, "Cdn5xxRate", {
      metric: errorRate,
      threshold: 5,
      evaluationPeriods: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `CloudFront answered 5% or more of requests with a 5xx for 10 minutes (periods of at least ${cdnAlarmMinimumRequests} requests). ${runbookSection("cloudfront-5xx-rate")}`,
    });
    props.topic.notify(this.alarm);
  }
}
