// Creates the table from the shared definition when it is missing, and adds an index the definition has
// gained since (local endpoints and tests; in AWS the stack owns it).
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import { keyAttributeType, type ListIndex, listIndexes, tableKeys } from "./table-definition";

const indexSchema = (index: ListIndex) => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: "HASH" as const },
    { AttributeName: index.sortKey, KeyType: "RANGE" as const },
  ],
  Projection: { ProjectionType: "ALL" as const },
});

const attributes = (names: string[]) => [...new Set(names)].map((name) => ({ AttributeName: name, AttributeType: keyAttributeType }));

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<"created" | "updated" | "exists"> {
  let existing: TableDescription | undefined;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (existing) {
    // A table made before an index was declared (a local table kept between runs) gains it, one at a time.
    const missing = listIndexes.filter((index) => !existing.GlobalSecondaryIndexes?.some((i) => i.IndexName === index.indexName));
    for (const index of missing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributes([index.partitionKey, index.sortKey]),
          GlobalSecondaryIndexUpdates: [{ Create: indexSchema(index) }],
        }),
      );
      await untilActive(client, tableName);
    }
    return missing.length > 0 ? "updated" : "exists";
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributes([
        tableKeys.partitionKey,
        tableKeys.sortKey,
        ...listIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
      ]),
      KeySchema: [
        { AttributeName: tableKeys.partitionKey, KeyType: "HASH" },
        { AttributeName: tableKeys.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: listIndexes.map(indexSchema),
    }),
  );
  await untilActive(client, tableName);
  return "created";
}

/** Waits until the table and its indexes are active. */
async function untilActive(client: DynamoDBClient, tableName: string) {
  for (let i = 0; i < 100; i += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === "ACTIVE" && (Table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${tableName} did not become active`);
}
