// The request log line as CloudWatch metrics, in the embedded metric format (EMF): an `_aws` key names
// numbers the line already carries, and CloudWatch Logs extracts them. No client, no API call, no dependency.
import type { LogLine, LogSink } from "./plugins/request-log";

/** Where the GraphQL function's request metrics go: the stack's dashboard reads them by these names. */
export const requestMetrics = {
  namespace: "Kronika",
  /** The dimension that keeps one stage's numbers apart from another's: the Lambda function's name. */
  dimension: "functionName",
  /** The request line's numbers that become metrics (their names are the line's keys), with CloudWatch's unit. */
  metrics: { dynamodbCalls: "Count", durationMs: "Milliseconds" },
} as const;

/** The line with `_aws` naming its metrics, or the line as it was when it has none of their numbers. */
export function withRequestMetrics(line: LogLine, functionName: string, timestamp: number): LogLine {
  const present = Object.entries(requestMetrics.metrics).filter(([name]) => Number.isFinite(line[name]));
  if (present.length === 0) return line;
  return {
    ...line,
    [requestMetrics.dimension]: functionName,
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: requestMetrics.namespace,
          Dimensions: [[requestMetrics.dimension]],
          Metrics: present.map(([Name, Unit]) => ({ Name, Unit })),
        },
      ],
    },
  };
}

/** A sink that gives each request line its metrics and passes every other line on unchanged. */
export function requestMetricsLog(sink: LogSink, functionName: string, now: () => number = Date.now): LogSink {
  return (line) => sink(line.msg === "request" ? withRequestMetrics(line, functionName, now()) : line);
}
