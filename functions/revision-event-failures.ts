// How a "Revision published" event that could not be put is reported: one JSON log line at level ERROR that
// is also a CloudWatch metric (embedded metric format), so an alarm can watch it. The metric's name is
// declared here once: the stack (infra/revision-events.ts) builds its Metric from the same declaration.

/** The metric: one count per failed put, by stage. */
export const revisionEventFailureMetric = { namespace: "Kronika", name: "RevisionEventFailures", dimension: "Stage" } as const;

/** The log line (without its newline) for a failed put of the event of `revision`. */
export function revisionEventFailureLine(error: unknown, context: { revision: string; stage?: string; now: Date }): string {
  const { namespace, name, dimension } = revisionEventFailureMetric;
  const reason =
    error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : String(error);
  return JSON.stringify({
    level: "ERROR",
    message: `revision ${context.revision} is published, but its "Revision published" event could not be put: ${reason}`,
    revision: context.revision,
    _aws: {
      Timestamp: context.now.getTime(),
      CloudWatchMetrics: [
        { Namespace: namespace, Dimensions: [context.stage ? [dimension] : []], Metrics: [{ Name: name, Unit: "Count" }] },
      ],
    },
    ...(context.stage ? { [dimension]: context.stage } : {}),
    [name]: 1,
  });
}
