// The table's shape, declared once: the CDK stack and the local store both build it from here.

export const defaultTableName = "kronika";

/** Credentials for a local endpoint (DynamoDB Local accepts any). */
export const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export const tableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
} as const;

/** The one global secondary index: lists (the timeline, sources, events by tag/person/place/source) in order. */
export const listIndex = {
  indexName: "byList",
  partitionKey: "listPk",
  sortKey: "listSk",
} as const;

/** All key attributes are strings. */
export const keyAttributeType = "S" as const;
