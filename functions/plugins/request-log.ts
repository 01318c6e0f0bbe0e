// One structured JSON log line per request: request id, operation, status, duration, DynamoDB calls and
// whether the response cache answered. Variables are not logged (they may hold anything a client sends).
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../schema/builder";
import { currentScope } from "../request-scope";

export type LogLine = Record<string, unknown>;
export type LogSink = (line: LogLine) => void;

export const jsonLog: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

interface RequestFacts {
  operationName?: string;
  cacheHit: boolean;
  store?: Context["store"];
  errors: number;
}

export function useRequestLog(log: LogSink): Plugin<Context> {
  const facts = new WeakMap<Request, RequestFacts>();
  const factsOf = (request: Request) => {
    let found = facts.get(request);
    if (!found) {
      found = { cacheHit: false, errors: 0 };
      facts.set(request, found);
    }
    return found;
  };
  return {
    onParams({ params, request }) {
      factsOf(request).operationName = params.operationName ?? undefined;
    },
    onExecute({ args }) {
      const context = args.contextValue as Context & { request: Request };
      factsOf(context.request).store = context.store;
    },
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      const known = factsOf(request);
      for (const one of results) {
        if (one && typeof one === "object" && Symbol.for("servedFromResponseCache") in one) known.cacheHit = true;
        if (one && typeof one === "object" && "errors" in one && Array.isArray(one.errors)) known.errors += one.errors.length;
      }
    },
    onResponse({ request, response }) {
      const scope = currentScope();
      const known = facts.get(request);
      log({
        level: "info",
        msg: "request",
        requestId: scope?.requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        operationName: known?.operationName,
        status: response.status,
        durationMs: scope ? Math.round((performance.now() - scope.startedAt) * 10) / 10 : undefined,
        dynamodbCalls: known?.store?.calls ?? 0,
        cacheHit: (known?.cacheHit ?? false) || response.headers.get("x-cache") === "hit",
        errors: known?.errors ?? 0,
      });
    },
  };
}
