// The table reads through the AWS SDK: for the CLI and local server (the SDK's credential chain reaches
// AWS from any machine) and for tests that count the SDK's commands.
import { BatchGetItemCommand, type DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import type { TableReads } from "./table-reads";

export function sdkTableReads(client: DynamoDBClient): TableReads {
  return {
    getItem: (input) => client.send(new GetItemCommand(input)),
    query: (input) => client.send(new QueryCommand(input)),
    batchGetItem: (input) => client.send(new BatchGetItemCommand(input)),
  };
}
