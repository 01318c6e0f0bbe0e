import { afterEach, describe, expect, it, vi } from "vitest";
import type { TableReads } from "../../core/store/table-reads";
import { createApp } from "../../functions/app";
import { jsonLog, type LogLine } from "../../functions/plugins/request-log";
import { requestMetrics, requestMetricsLog, withRequestMetrics } from "../../functions/request-metrics";
import { inRequestScope } from "../../functions/request-scope";

/** A table with nothing in it: every read answers empty, and the store still counts it. */
const emptyTable: TableReads = {
  getItem: async () => ({ Item: undefined }),
  query: async () => ({ Items: [], Count: 0 }),
  batchGetItem: async () => ({ Responses: {} }),
};

/** CloudWatch's units (PutMetricData's StandardUnit), the only ones EMF accepts. */
const cloudWatchUnits = new Set([
  "Seconds",
  "Microseconds",
  "Milliseconds",
  "Bytes",
  "Kilobytes",
  "Megabytes",
  "Gigabytes",
  "Terabytes",
  "Bits",
  "Kilobits",
  "Megabits",
  "Gigabits",
  "Terabits",
  "Percent",
  "Count",
  "Bytes/Second",
  "Kilobytes/Second",
  "Megabytes/Second",
  "Gigabytes/Second",
  "Terabytes/Second",
  "Bits/Second",
  "Kilobits/Second",
  "Megabits/Second",
  "Gigabits/Second",
  "Terabits/Second",
  "Count/Second",
  "None",
]);

/**
 * What CloudWatch Logs requires of an EMF line (the embedded metric format specification): a root `_aws`
 * with a millisecond Timestamp and directives, each naming a namespace, dimension sets whose keys are
 * string members of the root, and metrics whose names are numeric members of the root. Returns the problems.
 */
function emfProblems(line: Record<string, any>): string[] {
  const problems: string[] = [];
  const aws = line._aws;
  if (typeof aws !== "object" || aws === null) return ["no _aws object"];
  if (!Number.isInteger(aws.Timestamp) || aws.Timestamp < 0) problems.push("Timestamp is not epoch milliseconds");
  if (!Array.isArray(aws.CloudWatchMetrics) || aws.CloudWatchMetrics.length === 0) return [...problems, "no CloudWatchMetrics"];
  for (const directive of aws.CloudWatchMetrics) {
    if (typeof directive.Namespace !== "string" || !/^[^:].{0,254}$/.test(directive.Namespace)) problems.push("bad Namespace");
    for (const set of directive.Dimensions ?? []) {
      if (!Array.isArray(set) || set.length > 30) problems.push("a dimension set is not an array of at most 30 keys");
      for (const key of set) if (typeof line[key] !== "string") problems.push(`dimension ${key} is not a string member`);
    }
    if (!Array.isArray(directive.Metrics) || directive.Metrics.length > 100) problems.push("Metrics is not an array of at most 100");
    for (const metric of directive.Metrics ?? []) {
      const value = line[metric.Name];
      if (typeof value !== "number" || !Number.isFinite(value)) problems.push(`metric ${metric.Name} is not a number member`);
      if (metric.Unit !== undefined && !cloudWatchUnits.has(metric.Unit)) problems.push(`metric ${metric.Name} has unit ${metric.Unit}`);
    }
  }
  return problems;
}

describe("the request log line's metrics (CloudWatch embedded metric format)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes each request's line as valid EMF, naming as metrics exactly the numbers the line carries", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const app = createApp({
      reads: emptyTable,
      tableName: "kronika",
      responseCache: false,
      log: requestMetricsLog(jsonLog, "Kronika-prod-ApiFunction"),
    });
    const query = new URLSearchParams({ query: '{ event(slug: "szturm") { title } }' });
    const response = await inRequestScope("req-1", () => app.fetch(`http://localhost/graphql?${query}`));
    expect(response.status).toBe(200);
    vi.restoreAllMocks();

    const lines = written
      .join("")
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text));
    const line = lines.find((l) => l.msg === "request");
    expect(emfProblems(line)).toEqual([]);
    expect(line.dynamodbCalls).toBeGreaterThan(0);
    expect(line.functionName).toBe("Kronika-prod-ApiFunction");
    const [directive] = line._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe(requestMetrics.namespace);
    expect(directive.Dimensions).toEqual([[requestMetrics.dimension]]);
    expect(directive.Metrics).toEqual([
      { Name: "dynamodbCalls", Unit: "Count" },
      { Name: "durationMs", Unit: "Milliseconds" },
    ]);
    expect(Math.abs(line._aws.Timestamp - Date.now())).toBeLessThan(60_000);
  });

  it("leaves out a metric whose number the line lacks, and adds nothing to a line with none", () => {
    const withoutDuration: LogLine = { level: "info", msg: "request", status: 200, dynamodbCalls: 3, durationMs: undefined };
    const line = withRequestMetrics(withoutDuration, "fn", 1_700_000_000_000) as Record<string, any>;
    expect(emfProblems(JSON.parse(JSON.stringify(line)))).toEqual([]);
    expect(line._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: "dynamodbCalls", Unit: "Count" }]);
    expect(line._aws.Timestamp).toBe(1_700_000_000_000);

    const noNumbers: LogLine = { level: "info", msg: "request", status: 200, durationMs: Number.NaN };
    expect(withRequestMetrics(noNumbers, "fn", 1)).toEqual(noNumbers);
  });

  it("passes other lines (errors, store outages) on unchanged", () => {
    const seen: LogLine[] = [];
    const log = requestMetricsLog((line) => seen.push(line), "fn");
    const error = { level: "error", msg: "internal error", requestId: "r", error: "boom", dynamodbCalls: 2 };
    log(error);
    log({ level: "info", msg: "request", dynamodbCalls: 1 });
    expect(seen[0]).toEqual(error);
    expect(seen[1]).toMatchObject({ functionName: "fn", _aws: { CloudWatchMetrics: [{ Metrics: [{ Name: "dynamodbCalls" }] }] } });
  });
});
