// npm start [-- --content DIR] — the whole stack on one machine: DynamoDB Local (unless DYNAMODB_ENDPOINT
// is set), the table, a sync of the content, and GraphQL with GraphiQL at http://localhost:PORT/graphql.
// Edits under the content folder are re-checked and re-synced as they are saved.
import { createServer } from "node:http";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { environment } from "../core/environment";
import { createDynamoClient } from "../core/store/client";
import { ensureTable } from "../core/store/create-table";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { inRequestScope } from "../functions/request-scope";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { formatOutcome } from "./format-plan";
import { readOptions, runCommand } from "./options";
import { gitRevision } from "./revision";
import { watchContent } from "./watch-content";

const timestamp = () => new Date().toTimeString().slice(0, 8);

await runCommand(async () => {
  const { contentDir, tableName, endpoint: givenEndpoint } = readOptions();
  const port = Number(process.env[environment.port] ?? 4000);
  const host = process.env[environment.host] ?? "127.0.0.1";
  let local: DynamoDbLocal | undefined;
  if (!givenEndpoint) {
    console.log("starting DynamoDB Local…");
    local = await startDynamoDbLocal();
  }
  const endpoint = givenEndpoint ?? (local as DynamoDbLocal).endpoint;
  const client = createDynamoClient(endpoint);
  await ensureTable(client, tableName);

  let running: Promise<void> | undefined;
  let again = false;
  const sync = async (reason: string) => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const outcome = await syncContent({ contentDir, client, tableName, revisionId: gitRevision(contentDir) });
        const lines =
          outcome.status === "applied" && outcome.plan.changes.length === 0 && !outcome.plan.writesRevision
            ? ["no changes"]
            : formatOutcome(outcome).filter((line) => !/^(event|source)s: /.test(line) || outcome.status !== "applied");
        console.log(
          `[${timestamp()}] ${reason}: ${outcome.status === "invalid" ? "content has errors, the served data is unchanged" : outcome.status}`,
        );
        for (const line of lines) console.log(`  ${line}`);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  await sync("initial sync");

  const app = createApp({
    reads: sdkTableReads(client),
    tableName,
    graphiql: { render: renderGraphiQL },
    // One process serves and syncs: read the revision on every request so a save shows at once.
    revisionMaxAgeMs: 0,
    log: process.env[environment.log] === "json" ? undefined : false,
  });
  const server = createServer((request, response) =>
    inRequestScope(request.headers["x-request-id"] as string | undefined, () => app(request, response)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  console.log(`Kronika: GraphQL and GraphiQL at http://localhost:${port}/graphql (DynamoDB at ${endpoint}, table ${tableName})`);
  console.log(`watching ${contentDir}/ for changes; Ctrl-C stops`);

  let timer: NodeJS.Timeout | undefined;
  const watcher = watchContent(contentDir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void sync("content changed").catch((e) => console.error(e)), 200);
  });

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (reason: string, exitCode: number) => {
      if (stopping) return;
      stopping = true;
      (exitCode === 0 ? console.log : console.error)(reason);
      clearTimeout(timer);
      watcher.close();
      server.closeAllConnections();
      server.close();
      client.destroy();
      await local?.stop();
      resolve(exitCode);
    };
    process.once("SIGINT", () => void stop("SIGINT: stopping", 0));
    process.once("SIGTERM", () => void stop("SIGTERM: stopping", 0));
    // Without its store the server could only answer 503s: stop, and say why (restarting it would need a re-sync too).
    void local?.exited.then((how) => stop(`DynamoDB Local stopped unexpectedly (${how}); stopping Kronika`, 1));
  });
});
