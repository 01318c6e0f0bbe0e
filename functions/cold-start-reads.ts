// The GraphQL function's table reads and its revision source, made before the rest of the function loads:
// functions/graphql.ts imports this module first, so a cold start's revision read is in flight while the
// schema is built, and the first request finds the revision known and the connection to DynamoDB open.
import { environment } from "../core/environment";
import { createRevisionSource } from "../core/store/revision-source";
import { tableReadsFromEnvironment } from "../core/store/signed-table-reads";
import { defaultTableName } from "../core/store/table-definition";

export const reads = tableReadsFromEnvironment();
export const tableName = process.env[environment.tableName] ?? defaultTableName;
export const revision = createRevisionSource(reads, tableName);

/** The revision read begun at load; null when it failed (the first request then reads it again, and answers for itself). */
export const initialRevision = revision().catch(() => null);
