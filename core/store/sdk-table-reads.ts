// The table reads through the AWS SDK: for the CLI and local server (the SDK's credential chain reaches
// AWS from any machine) and for tests that count the SDK's commands. The SDK retries with backoff; the
// request's deadline (deadline.ts) aborts a call, retries included, when the budget is spent.
import { BatchGetItemCommand, type DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { currentDeadline } from "./deadline";
import { StoreUnavailableError, throttlingErrorNames } from "./store-unavailable";
import type { TableReads } from "./table-reads";

type SdkError = Error & { $fault?: "client" | "server"; code?: unknown };

/** A failure of the service or of the connection, as opposed to DynamoDB refusing the request itself. */
function isUnavailability(error: SdkError): boolean {
  if (error.name === "AbortError" || error.name === "TimeoutError") return true;
  if (error.$fault === "server" || throttlingErrorNames.has(error.name)) return true;
  // Node's system errors: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, ENOTFOUND…
  return error.$fault === undefined && typeof error.code === "string" && /^E[A-Z]+$/.test(error.code);
}

export function sdkTableReads(client: DynamoDBClient): TableReads {
  async function send<T>(operation: string, sending: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> {
    const deadline = currentDeadline();
    if (deadline?.passed()) throw deadline.exceeded(`DynamoDB ${operation}`);
    try {
      const options = deadline ? { abortSignal: AbortSignal.timeout(Math.ceil(deadline.remainingMs())) } : {};
      return await sending(options);
    } catch (error) {
      if (!isUnavailability(error as SdkError)) throw error;
      if (deadline?.passed()) throw deadline.exceeded(`DynamoDB ${operation}`, error);
      throw new StoreUnavailableError(`DynamoDB ${operation}: ${error}`, { cause: error });
    }
  }
  return {
    getItem: (input) => send("GetItem", (options) => client.send(new GetItemCommand(input), options)),
    query: (input) => send("Query", (options) => client.send(new QueryCommand(input), options)),
    batchGetItem: (input) => send("BatchGetItem", (options) => client.send(new BatchGetItemCommand(input), options)),
  };
}
