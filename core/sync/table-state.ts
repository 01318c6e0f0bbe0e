// Reads what the table holds, for planning a sync: each entity's small state item (hash, title, the sort keys
// of its list memberships), through the list index. A tenth of the items a Scan would read, and small ones.
import { type AttributeValue, type DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type Kind, revisionKey, stateList } from "../store/item-keys";
import { listIndex, tableKeys } from "../store/table-definition";

export interface StoredEntity {
  kind: Kind;
  slug: string;
  title: string;
  hash: string;
}

export interface StoredRevision {
  id: string;
  syncedAt: string;
  eventCount: number;
  sourceCount: number;
  maxSpanDays: number;
  /** The language the collection is written in. */
  locale?: string;
  /** How many items hold this revision's search index. */
  searchChunks?: number;
}

export interface TableState {
  /** Main items by partition key. */
  entities: Map<string, StoredEntity>;
  /** Sort keys of each event's list memberships, by partition key. */
  memberships: Map<string, string[]>;
  revision?: StoredRevision;
}

export async function readTableState(client: DynamoDBClient, tableName: string): Promise<TableState> {
  const state: TableState = { entities: new Map(), memberships: new Map() };
  const [items, revision] = await Promise.all([
    queryStateList(client, tableName),
    client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: revisionKey.pk }, sk: { S: revisionKey.sk } }, ConsistentRead: true }),
    ),
  ]);
  for (const item of items) {
    const pk = item[tableKeys.partitionKey] as string;
    state.entities.set(pk, { kind: item.kind as Kind, slug: item.slug as string, title: item.title as string, hash: item.hash as string });
    if (item.kind === "event") state.memberships.set(pk, item.lists as string[]);
  }
  if (revision.Item) state.revision = unmarshall(revision.Item) as StoredRevision;
  return state;
}

async function queryStateList(client: DynamoDBClient, tableName: string) {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: listIndex.indexName,
        KeyConditionExpression: "#lpk = :list",
        ExpressionAttributeNames: { "#lpk": listIndex.partitionKey },
        ExpressionAttributeValues: { ":list": { S: stateList } },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
