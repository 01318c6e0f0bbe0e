// The table a command plans against or syncs to: DynamoDB Local (or any endpoint) named by DYNAMODB_ENDPOINT,
// or the table in AWS when a region or profile is set on purpose. Anything else is a usage error, in one line.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { awsVariables, environment } from "../core/environment";
import { createDynamoClient } from "../core/store/client";
import { ensureTable } from "../core/store/create-table";
import { UsageError } from "./options";

const unreachable = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "ETIMEDOUT"]);

/** A client for the table, with the table made if the endpoint is a local one; a usage error if there is none. */
export async function connectTable(endpoint: string | undefined, tableName: string, env = process.env): Promise<DynamoDBClient> {
  if (!endpoint) {
    if (!Object.values(awsVariables).some((name) => env[name])) {
      throw new UsageError(
        `no table to read: set ${environment.endpoint} to a local DynamoDB (npm start prints its endpoint, e.g. ${environment.endpoint}=http://127.0.0.1:8000), or set ${awsVariables.region} (and ${awsVariables.profile}) to use the table in AWS`,
      );
    }
    return createDynamoClient(undefined);
  }
  const client = createDynamoClient(endpoint);
  try {
    await ensureTable(client, tableName);
  } catch (error) {
    client.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    if (code && unreachable.has(code))
      throw new UsageError(
        `nothing answers at ${environment.endpoint}=${endpoint}: is npm start running? It prints the endpoint of its DynamoDB`,
      );
    throw error;
  }
  return client;
}
