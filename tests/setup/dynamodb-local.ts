// One DynamoDB Local for the whole suite; each test file makes tables of its own names.
import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../cli/dynamodb-local";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const local = await startDynamoDbLocal();
  project.provide("dynamodbEndpoint", local.endpoint);
  return () => local.stop();
}
