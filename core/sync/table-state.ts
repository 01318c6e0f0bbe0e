// Reads what the table holds, for planning a sync: every entity's hash and every list membership.
// A deploy-time Scan (strongly consistent); request paths never scan.
import { type DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type Kind, kinds, membershipPrefix, revisionKey } from "../store/item-keys";
import { tableKeys } from "../store/table-definition";

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
}

export interface TableState {
  /** Main items by partition key. */
  entities: Map<string, StoredEntity>;
  /** Sort keys of list memberships by partition key (including any left by an interrupted sync). */
  memberships: Map<string, string[]>;
  revision?: StoredRevision;
}

const kindOfSortKey = new Map<string, Kind>(Object.entries(kinds).map(([kind, sk]) => [sk, kind as Kind]));

export async function readTableState(client: DynamoDBClient, tableName: string): Promise<TableState> {
  const state: TableState = { entities: new Map(), memberships: new Map() };
  let startKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
        ProjectionExpression: "#pk, #sk, slug, title, #hash, id, syncedAt, eventCount, sourceCount, maxSpanDays",
        ExpressionAttributeNames: { "#pk": tableKeys.partitionKey, "#sk": tableKeys.sortKey, "#hash": "hash" },
      }),
    );
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      const pk = item[tableKeys.partitionKey] as string;
      const sk = item[tableKeys.sortKey] as string;
      if (pk === revisionKey.pk && sk === revisionKey.sk) {
        state.revision = item as unknown as StoredRevision;
      } else if (sk.startsWith(membershipPrefix)) {
        state.memberships.set(pk, [...(state.memberships.get(pk) ?? []), sk]);
      } else {
        const kind = kindOfSortKey.get(sk);
        if (kind) state.entities.set(pk, { kind, slug: item.slug, title: item.title, hash: item.hash });
      }
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return state;
}
