// The GraphQL Lambda: a Function URL event in, the yoga app's response out. Browsers opening the endpoint
// are sent to the GraphiQL site the stack serves beside it.
import type { APIGatewayProxyEventV2, Context as LambdaContext } from "aws-lambda";
import { environment, lambdaVariables } from "../core/environment";
import { tableReadsFromEnvironment } from "../core/store/signed-table-reads";
import { defaultTableName } from "../core/store/table-definition";
import { createApp } from "./app";
import { MalformedRequestError, malformedRequestResult, requestFromEvent, resultFromResponse } from "./function-url";
import { limitsFromEnvironment } from "./limits";
import { jsonLog } from "./plugins/request-log";
import { requestMetricsLog } from "./request-metrics";
import { inRequestScope } from "./request-scope";

const app = createApp({
  reads: tableReadsFromEnvironment(),
  tableName: process.env[environment.tableName] ?? defaultTableName,
  graphiql: { redirectTo: process.env[environment.graphiqlPath] ?? "/graphiql/" },
  limits: limitsFromEnvironment(),
  // Each request line carries its numbers as CloudWatch metrics (EMF): CloudWatch Logs extracts them, no API call.
  log: process.env[environment.log] === "off" ? false : requestMetricsLog(jsonLog, process.env[lambdaVariables.functionName] ?? "local"),
  corsOrigins: process.env[environment.corsOrigins]?.split(",").map((o) => o.trim()),
  persistedOperationsOnly: process.env[environment.persistedOperationsOnly] === "true",
});

export function handler(event: APIGatewayProxyEventV2, context?: LambdaContext) {
  return inRequestScope(context?.awsRequestId ?? event.requestContext?.requestId, async () => {
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
