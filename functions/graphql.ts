// The GraphQL Lambda: a Function URL event in, the yoga app's response out.
import type { APIGatewayProxyEventV2, Context as LambdaContext } from "aws-lambda";
import { createDynamoClient } from "../core/store/client";
import { defaultTableName, environment } from "../core/store/table-definition";
import { createApp } from "./app";
import { requestFromEvent, resultFromResponse } from "./function-url";

const app = createApp({ client: createDynamoClient(), tableName: process.env[environment.tableName] ?? defaultTableName });

export async function handler(event: APIGatewayProxyEventV2, context?: LambdaContext) {
  return resultFromResponse(await app.fetch(requestFromEvent(event), { lambdaContext: context }));
}
