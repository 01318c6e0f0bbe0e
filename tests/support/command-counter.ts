// Counts the DynamoDB commands a client sends, by name: for logs, and for tests that bound the calls per query.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export type CommandCounts = Record<string, number>;

/** Adds a counting middleware to `client`; returns the live counts. */
export function countCommands(client: DynamoDBClient, counts: CommandCounts = {}): CommandCounts {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      counts[name] = (counts[name] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize", name: "kronikaCommandCounter" },
  );
  return counts;
}
