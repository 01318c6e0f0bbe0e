// The one yoga app: the Lambda handler and the local server both serve it. Cross-cutting behaviour
// (error masking, GraphiQL, batching off) is configured here, in one place.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createYoga, type YogaServerOptions } from "graphql-yoga";
import { ContentStore } from "../core/store/content-store";
import type { Context } from "../schema/builder";
import { schema } from "../schema/index";
import { exampleQuery } from "./example-query";

export interface AppOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Serve GraphiQL at /graphql for browsers; `renderGraphiQL` supplies a page that needs no CDN. */
  graphiql?: false | { render: (options?: object) => string };
}

export function createApp({ client, tableName, graphiql = false }: AppOptions) {
  const options: YogaServerOptions<Record<string, unknown>, Context> = {
    schema,
    graphqlEndpoint: "/graphql",
    context: () => ({ store: new ContentStore(client, tableName) }),
    maskedErrors: true,
    batching: false,
    landingPage: false,
    logging: "warn",
    graphiql: graphiql ? { title: "Kronika", defaultQuery: exampleQuery } : false,
    ...(graphiql ? { renderGraphiQL: graphiql.render } : {}),
  };
  return createYoga(options);
}
