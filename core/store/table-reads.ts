// The reads the API makes of the table, and nothing else: GetItem, BatchGetItem and Query, with the
// DynamoDB API's own request and response shapes. The store is written against this port; the Lambda
// function fills it with a small signed HTTP client, the CLI and the tests with the AWS SDK.
import type {
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  GetItemCommandInput,
  GetItemCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
} from "@aws-sdk/client-dynamodb";

export type GetItemOutput = Pick<GetItemCommandOutput, "Item">;
export type QueryOutput = Pick<QueryCommandOutput, "Items" | "Count" | "LastEvaluatedKey">;
export type BatchGetItemOutput = Pick<BatchGetItemCommandOutput, "Responses" | "UnprocessedKeys">;

export interface TableReads {
  getItem(input: GetItemCommandInput): Promise<GetItemOutput>;
  query(input: QueryCommandInput): Promise<QueryOutput>;
  batchGetItem(input: BatchGetItemCommandInput): Promise<BatchGetItemOutput>;
}
