// Runs in a fresh Node process (node --import tsx): imports a deployed function bundle and drives it.
//   audit <bundle.mjs>           the graphql-http server audit, each request as a Function URL event
//   invoke <bundle.mjs> <json>   one invocation with the given event
//   calls <bundle.mjs> <json>    the same, with the DynamoDB operations made while loading and while invoked
//   again <bundle.mjs> <json>    two invocations with the event: the first's outcome, the second's, and the
//                                Fetch API requests the second built
//   each <bundle.mjs> <json>     one invocation for each event of a list, in turn: their outcomes (or errors)
// Prints one JSON line with the outcome.
import http from "node:http";
import { auditServer } from "graphql-http";
import { functionUrlEvent } from "./function-url-event";

type Handler = (
  event: unknown,
  context?: unknown,
) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean }>;

const [mode, bundle, payload] = process.argv.slice(2);

// Each DynamoDB request the bundle sends (DynamoDB Local is plain HTTP), by operation, as it is sent.
const operations: string[] = [];
const send = http.request;
http.request = ((...args: Parameters<typeof http.request>) => {
  const headers = (args[1] as http.RequestOptions | undefined)?.headers as Record<string, unknown> | undefined;
  const target = headers?.["x-amz-target"];
  if (typeof target === "string") operations.push(target.replace(/^DynamoDB_\d+\./, ""));
  return send(...args);
}) as typeof http.request;

// Fetch API requests built by anyone, counted.
let requestsBuilt = 0;
globalThis.Request = new Proxy(globalThis.Request, {
  construct(target, args, newTarget) {
    requestsBuilt += 1;
    return Reflect.construct(target, args, newTarget);
  },
});

const { handler } = (await import(bundle)) as { handler: Handler };
const whileLoading = operations.splice(0);

async function fetchThroughHandler(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  const event = functionUrlEvent({
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    ...(body !== undefined ? { body } : {}),
  });
  // Exactly the headers the client sent (the audit checks what happens without Accept), plus Host.
  event.headers = { host: url.host, ...headers };
  const result = await handler(event, { awsRequestId: crypto.randomUUID() });
  const responseBody = result.body === undefined ? null : result.isBase64Encoded ? Buffer.from(result.body, "base64") : result.body;
  return new Response(result.statusCode === 304 ? null : responseBody, { status: result.statusCode, headers: result.headers });
}

try {
  if (mode === "audit") {
    const results = await auditServer({ url: "https://kronika.example/graphql", fetchFn: fetchThroughHandler });
    console.log(
      JSON.stringify(results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: "reason" in r ? r.reason : undefined }))),
    );
  } else if (mode === "again") {
    const first = await handler(JSON.parse(payload), { awsRequestId: crypto.randomUUID() });
    requestsBuilt = 0;
    const second = await handler(JSON.parse(payload), { awsRequestId: crypto.randomUUID() });
    console.log(JSON.stringify({ first, second, requestsBuilt }));
  } else if (mode === "each") {
    const outcomes: unknown[] = [];
    for (const event of JSON.parse(payload) as unknown[]) {
      outcomes.push(await handler(event, { awsRequestId: crypto.randomUUID() }).catch((error: Error) => ({ errorMessage: error.message })));
    }
    console.log(JSON.stringify(outcomes));
  } else if (mode === "calls") {
    const outcome = await handler(JSON.parse(payload), { awsRequestId: crypto.randomUUID() });
    console.log(JSON.stringify({ ...outcome, calls: { whileLoading, whileInvoked: operations } }));
  } else {
    console.log(JSON.stringify(await handler(JSON.parse(payload), { awsRequestId: crypto.randomUUID() })));
  }
} catch (error) {
  // As Lambda reports a failed invocation: the error's message, not the bundle's source line.
  console.log(JSON.stringify({ errorMessage: (error as Error).message }));
  process.exitCode = 1;
}
