// The GraphQL Lambda: a Function URL event in, the yoga app's response out. Browsers opening the endpoint
// are sent to the GraphiQL site the stack serves beside it.
//
// A cold start reads the published revision while the schema is built (functions/cold-start-reads.ts, imported
// first for that), and its init waits for the read, bounded: a read that completes within the wait leaves
// nothing in flight across a freeze after init (provisioned concurrency).
// Loaded first, before the schema: it starts the revision read.
import "./cold-start-reads";
import type { APIGatewayProxyEventV2, Context as LambdaContext } from "aws-lambda";
import { environment, lambdaVariables } from "../core/environment";
import { createApp } from "./app";
import { initialRevision, reads, revision, tableName } from "./cold-start-reads";
import { MalformedRequestError, malformedRequestResult, requestFromEvent, resultFromResponse, resultOf } from "./function-url";
import { keptGetFacts } from "./kept-get-request";
import { limitsFromEnvironment } from "./limits";
import { jsonLog } from "./plugins/request-log";
import { requestMetricsLog } from "./request-metrics";
import { inRequestScope } from "./request-scope";

/** The longest a cold start waits for its revision read before serving without it. */
export const initialRevisionWaitMs = 1000;

const app = createApp({
  reads,
  tableName,
  revision,
  graphiql: { redirectTo: process.env[environment.graphiqlPath] ?? "/graphiql/" },
  limits: limitsFromEnvironment(),
  // Each request line carries its numbers as CloudWatch metrics (EMF): CloudWatch Logs extracts them, no API call.
  log: process.env[environment.log] === "off" ? false : requestMetricsLog(jsonLog, process.env[lambdaVariables.functionName] ?? "local"),
  corsOrigins: process.env[environment.corsOrigins]?.split(",").map((o) => o.trim()),
  persistedOperationsOnly: process.env[environment.persistedOperationsOnly] === "true",
});
let waited: NodeJS.Timeout | undefined;
await Promise.race([initialRevision, new Promise((resolve) => (waited = setTimeout(resolve, initialRevisionWaitMs)))]);
clearTimeout(waited);

/** A GET whose response bytes the app keeps, answered without a Fetch API request, as functions/node-listener.ts does. */
function keptResult(event: APIGatewayProxyEventV2) {
  const target = `${event.rawPath || "/"}${event.rawQueryString ? `?${event.rawQueryString}` : ""}`;
  const facts = keptGetFacts(event.requestContext?.http?.method, target, (name) => event.headers?.[name]);
  const kept = facts && app.keptGet.serve(facts);
  return kept && resultOf(200, kept.headers, kept.body);
}

export function handler(event: APIGatewayProxyEventV2, context?: LambdaContext) {
  return inRequestScope(context?.awsRequestId ?? event.requestContext?.requestId, async () => {
    const kept = keptResult(event);
    if (kept) return kept;
    let request: Request;
    try {
      request = requestFromEvent(event);
    } catch (error) {
      if (error instanceof MalformedRequestError) return malformedRequestResult(error);
      throw error;
    }
    return resultFromResponse(await app.fetch(request, { lambdaContext: context }));
  });
}
