// Reads what the table holds, for planning a sync: each entity's small state item (hash, title, the sort keys
// of its list memberships), through the list index. First only each state's hash (a tenth of the bytes); then,
// by key, the whole state of the entities whose hash differs from what the content publishes, or that it no
// longer publishes: the only ones whose title and lists planning reads.
import { BatchGetItemCommand, type DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { type PrimaryKey, wireKey } from "../store/item-type";
import { type EntityState, entityStateItem, entityStatesList, mainItemOf, revisionItem, type StoredRevision } from "../store/items";
import { queryItems, sendUntilProcessed } from "../store/paging";
import { listIndex, tableKeys } from "../store/table-definition";
import type { EntityItems } from "./published-items";

/** A published entity, as its state item records it. */
export type StoredEntity = Omit<EntityState, "lists">;

export interface TableState {
  /** Main items by partition key. */
  entities: Map<string, StoredEntity>;
  /** Sort keys of each entity's list memberships (events, places), by partition key. */
  memberships: Map<string, string[]>;
  revision?: StoredRevision;
}

/** Each entity's hash as its state item has it, by partition key, and the revision. */
export interface StoredHashes {
  hashes: Map<string, Pick<EntityState, "kind" | "slug" | "hash">>;
  revision?: StoredRevision;
}

/** Beyond this many entities to read in full, one Query of every state costs less than reading them by key. */
const maxStatesByKey = 1000;
/** BatchGetItem takes at most 100 keys. */
const getBatchSize = 100;
const maxAttempts = 10;

const statesQuery = (tableName: string) => ({
  TableName: tableName,
  IndexName: listIndex.indexName,
  KeyConditionExpression: "#lpk = :list",
  ExpressionAttributeValues: { ":list": { S: entityStatesList } },
});

const hashesOnly = entityStateItem.projection(["kind", "slug", "hash"]);

export async function readStoredHashes(client: DynamoDBClient, tableName: string): Promise<StoredHashes> {
  const [states, revision] = await Promise.all([
    queryItems((input) => client.send(new QueryCommand(input)), {
      ...statesQuery(tableName),
      ProjectionExpression: hashesOnly.expression,
      ExpressionAttributeNames: { "#lpk": listIndex.partitionKey, ...hashesOnly.names },
    }),
    client.send(new GetItemCommand({ TableName: tableName, Key: wireKey(revisionItem.key({})), ConsistentRead: true })),
  ]);
  const hashes: StoredHashes["hashes"] = new Map();
  for (const item of states) {
    const { kind, slug, hash } = hashesOnly.read(item);
    hashes.set(entityStateItem.key({ kind, slug })[tableKeys.partitionKey], { kind, slug, hash });
  }
  return { hashes, ...(revision.Item ? { revision: revisionItem.read(revision.Item) } : {}) };
}

/**
 * The table's state as planning against `desired` needs it: every entity with its hash; the title and lists of
 * those whose hash differs or that are not desired. An entity whose hash is the desired one keeps the desired
 * title: every kind's hash covers its title, and planning reads neither of an unchanged entity.
 */
export async function readTableState(
  client: DynamoDBClient,
  tableName: string,
  stored: StoredHashes,
  desired: EntityItems[],
): Promise<TableState> {
  const wanted = new Map(desired.map((e) => [mainItemOf[e.kind].key({ slug: e.slug })[tableKeys.partitionKey], e]));
  const differing = [...stored.hashes].filter(([pk, { hash }]) => wanted.get(pk)?.hash !== hash);
  const states =
    differing.length > maxStatesByKey
      ? await queryItems((input) => client.send(new QueryCommand(input)), {
          ...statesQuery(tableName),
          ExpressionAttributeNames: { "#lpk": listIndex.partitionKey },
        })
      : await getStates(
          client,
          tableName,
          differing.map(([, { kind, slug }]) => entityStateItem.key({ kind, slug })),
        );
  const state: TableState = { entities: new Map(), memberships: new Map(), ...(stored.revision ? { revision: stored.revision } : {}) };
  for (const [pk, { kind, slug, hash }] of stored.hashes) state.entities.set(pk, { kind, slug, hash, title: wanted.get(pk)?.title ?? "" });
  for (const item of states) {
    const { kind, slug, title, hash, lists } = entityStateItem.read(item);
    const pk = entityStateItem.key({ kind, slug })[tableKeys.partitionKey];
    // Read after the hashes: an entity that appeared since is left for the next sync, as before.
    if (!state.entities.has(pk)) continue;
    state.entities.set(pk, { kind, slug, title, hash });
    if (lists.length > 0) state.memberships.set(pk, lists);
  }
  return state;
}

/** State items by key, consistently, in batches of 100. */
async function getStates(client: DynamoDBClient, tableName: string, keys: PrimaryKey[]) {
  const found: NonNullable<Awaited<ReturnType<typeof queryItems>>> = [];
  for (let start = 0; start < keys.length; start += getBatchSize) {
    await sendUntilProcessed(
      "DynamoDB BatchGetItem",
      keys.slice(start, start + getBatchSize).map(wireKey),
      async (pending) => {
        const result = await client.send(
          new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...(result.Responses?.[tableName] ?? []));
        return result.UnprocessedKeys?.[tableName]?.Keys ?? [];
      },
      maxAttempts,
    );
  }
  return found;
}
