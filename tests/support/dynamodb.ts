// A client for the suite's DynamoDB Local and a fresh table per test.
import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { inject } from "vitest";
import { createDynamoClient } from "../../core/store/client";
import { ensureTable } from "../../core/store/create-table";
import { countCommands } from "./command-counter";

export function testClient() {
  const client = createDynamoClient(inject("dynamodbEndpoint"));
  const counts = countCommands(client);
  return { client, counts };
}

export async function freshTable(client = testClient().client): Promise<string> {
  const name = `kronika-test-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, name);
  return name;
}

/** Every item in the table, sorted by key, for comparing whole states. */
export async function tableContents(client: ReturnType<typeof testClient>["client"], tableName: string) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}
