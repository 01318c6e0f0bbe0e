// The cold-start floor: the smallest function the stack allows, a Pothos schema with one `hello` field
// served by createYoga (GraphiQL and landing page off), answering a Function URL event the way
// functions/graphql.ts does. The benchmark bundles it with the functions' own esbuild settings.
import SchemaBuilder from "@pothos/core";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { createYoga } from "graphql-yoga";
import { requestFromEvent, resultFromResponse } from "../../functions/function-url";

const builder = new SchemaBuilder({});
builder.queryType({ fields: (t) => ({ hello: t.string({ resolve: () => "world" }) }) });

const yoga = createYoga({ schema: builder.toSchema(), graphiql: false, landingPage: false });

export async function handler(event: APIGatewayProxyEventV2) {
  return resultFromResponse(await yoga.fetch(requestFromEvent(event)));
}
