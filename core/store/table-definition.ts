// The table's shape, declared once: the CDK stack and the local store both build it from here.

export const defaultTableName = "kronika";

/** Credentials for a local endpoint (DynamoDB Local accepts any). */
export const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export const tableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
} as const;

/** The main global secondary index: lists (the timeline, sources, events by tag/person/place/source) in order. */
export const listIndex = {
  indexName: "byList",
  partitionKey: "listPk",
  sortKey: "listSk",
} as const;

/**
 * The same lists of events, by the latest day each event could be: a second sort key that only event entries
 * carry (a sparse index), so that order by LATEST is a Query in key order like the chronological one.
 */
export const latestIndex = {
  indexName: "byListLatest",
  partitionKey: listIndex.partitionKey,
  sortKey: "latestSk",
} as const;

/** An index that reads lists: a list name and a position in it. */
export type ListIndex = typeof listIndex | typeof latestIndex;

/** Every global secondary index of the table. */
export const listIndexes: readonly ListIndex[] = [listIndex, latestIndex];

/** All key attributes are strings. */
export const keyAttributeType = "S" as const;
