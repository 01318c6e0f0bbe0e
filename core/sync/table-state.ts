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

/** At most this many ranges of the state list are read at once... */
const parallelRanges = 8;
/** ... each of about this many states: one page of a Query holds about 1,500, so fewer are not split. */
const statesPerRange = 1000;

/**
 * Every entity's hash, read as up to `parallelRanges` Queries at once over ranges of the state list. The ranges are
 * cut where the content's own entities split evenly (`expected`: their kinds and slugs), and together they
 * cover every position, so what the content no longer has is read too. Pages of one Query follow each other;
 * the ranges do not wait for each other, and all are asked for before the content is checked.
 */
export async function readStoredHashes(
  client: DynamoDBClient,
  tableName: string,
  expected: Pick<EntityState, "kind" | "slug">[] = [],
): Promise<StoredHashes> {
  const ranges = positionRanges(
    expected.map(({ kind, slug }) => entityStateItem.item({ kind, slug, title: "", hash: "", lists: [] })[listIndex.sortKey] as string),
    Math.min(parallelRanges, Math.ceil(expected.length / statesPerRange)),
  );
  const [pages, revision] = await Promise.all([
    Promise.all(
      ranges.map(({ condition, values }) =>
        queryItems((input) => client.send(new QueryCommand(input)), {
          ...statesQuery(tableName),
          KeyConditionExpression: `#lpk = :list${condition}`,
          ExpressionAttributeValues: { ":list": { S: entityStatesList }, ...values },
          ProjectionExpression: hashesOnly.expression,
          ExpressionAttributeNames: {
            "#lpk": listIndex.partitionKey,
            ...(condition ? { "#lsk": listIndex.sortKey } : {}),
            ...hashesOnly.names,
          },
        }),
      ),
    ),
    client.send(new GetItemCommand({ TableName: tableName, Key: wireKey(revisionItem.key({})), ConsistentRead: true })),
  ]);
  const hashes: StoredHashes["hashes"] = new Map();
  for (const states of pages) {
    // Neighbouring ranges share their bound: an entity at one is read twice, and kept once.
    for (const item of states) {
      const { kind, slug, hash } = hashesOnly.read(item);
      hashes.set(entityStateItem.key({ kind, slug })[tableKeys.partitionKey], { kind, slug, hash });
    }
  }
  return { hashes, ...(revision.Item ? { revision: revisionItem.read(revision.Item) } : {}) };
}

/**
 * Key conditions on the list's sort key that together cover every position: below the first bound, between
 * neighbouring bounds (both included), from the last bound on. The bounds split `positions` into `count`
 * ranges of about equal size; no positions, one range of everything.
 */
export function positionRanges(positions: string[], count: number): { condition: string; values: Record<string, { S: string }> }[] {
  const sorted = [...new Set(positions)].sort();
  const bounds = [...new Set(Array.from({ length: count - 1 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / count)]))].filter(
    (bound) => bound !== undefined,
  );
  if (bounds.length === 0) return [{ condition: "", values: {} }];
  const value = (bound: string) => ({ S: bound });
  return [
    { condition: " AND #lsk < :to", values: { ":to": value(bounds[0]) } },
    ...bounds.slice(1).map((to, i) => ({
      condition: " AND #lsk BETWEEN :from AND :to",
      values: { ":from": value(bounds[i]), ":to": value(to) },
    })),
    { condition: " AND #lsk >= :from", values: { ":from": value(bounds[bounds.length - 1]) } },
  ];
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
