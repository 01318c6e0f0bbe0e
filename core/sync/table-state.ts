// Reads what the table holds, for planning a sync: each entity's small state item (hash, title, the sort keys
// of its list memberships), through the list index. A tenth of the items a Scan would read, and small ones.
import { type DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { wireKey } from "../store/item-type";
import { type EntityState, entityStateItem, entityStatesList, revisionItem, type StoredRevision } from "../store/items";
import { queryItems } from "../store/paging";
import { listIndex, tableKeys } from "../store/table-definition";

/** A published entity, as its state item records it. */
export type StoredEntity = Omit<EntityState, "lists">;

export interface TableState {
  /** Main items by partition key. */
  entities: Map<string, StoredEntity>;
  /** Sort keys of each entity's list memberships (events, places), by partition key. */
  memberships: Map<string, string[]>;
  revision?: StoredRevision;
}

export async function readTableState(client: DynamoDBClient, tableName: string): Promise<TableState> {
  const state: TableState = { entities: new Map(), memberships: new Map() };
  const [states, revision] = await Promise.all([
    queryStateList(client, tableName),
    client.send(new GetItemCommand({ TableName: tableName, Key: wireKey(revisionItem.key({})), ConsistentRead: true })),
  ]);
  for (const { kind, slug, title, hash, lists } of states) {
    const pk = entityStateItem.key({ kind, slug })[tableKeys.partitionKey];
    state.entities.set(pk, { kind, slug, title, hash });
    if (lists.length > 0) state.memberships.set(pk, lists);
  }
  if (revision.Item) state.revision = revisionItem.read(revision.Item);
  return state;
}

async function queryStateList(client: DynamoDBClient, tableName: string): Promise<EntityState[]> {
  const items = await queryItems((input) => client.send(new QueryCommand(input)), {
    TableName: tableName,
    IndexName: listIndex.indexName,
    KeyConditionExpression: "#lpk = :list",
    ExpressionAttributeNames: { "#lpk": listIndex.partitionKey },
    ExpressionAttributeValues: { ":list": { S: entityStatesList } },
  });
  return items.map(entityStateItem.read);
}
