// npm start [-- --content DIR] — the whole stack on one machine: DynamoDB Local (unless DYNAMODB_ENDPOINT
// is set), the table, a sync of the content, and GraphQL with GraphiQL at http://localhost:PORT/graphql.
// Edits under the content folder are re-checked and re-synced as they are saved.
import { createServer, type RequestListener } from "node:http";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { environment } from "../core/environment";
import { folderStorage } from "../core/renditions/folder-storage";
import { createDynamoClient } from "../core/store/client";
import { ensureTable } from "../core/store/create-table";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { withExampleTabs } from "../functions/example-query";
import { nodeListener } from "../functions/node-listener";
import { inRequestScope } from "../functions/request-scope";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { formatOutcome } from "./format-plan";
import { localMediaDir, serveMedia } from "./media-server";
import { readOptions, runCommand } from "./options";
import { createPreviewServer, previewPaths } from "./preview-server";
import { gitRevision } from "./revision";
import { watchContent } from "./watch-content";

const timestamp = () => new Date().toTimeString().slice(0, 8);

await runCommand(async () => {
  const { contentDir, tableName, endpoint: givenEndpoint } = readOptions();
  const port = Number(process.env[environment.port] ?? 4000);
  const host = process.env[environment.host] ?? "127.0.0.1";

  // Take the port first, so a busy one is reported at once rather than after DynamoDB Local and a sync.
  let app: RequestListener | undefined;
  let previewApp: RequestListener | undefined;
  const preview = createPreviewServer();
  // Renditions of the public and the preview sync alike: content addressed, so the two share them.
  const mediaDir = localMediaDir();
  const mediaStorage = folderStorage(mediaDir);
  const media = serveMedia(mediaDir);
  const server = createServer(async (request, response) => {
    if (await media(request, response)) return;
    if (!app || !previewApp) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
      response.end("Kronika is starting: the content is being synced.\n");
      return;
    }
    if (preview.handle(request, response)) return;
    const serve = request.url?.startsWith(previewPaths.graphql) ? previewApp : app;
    inRequestScope(request.headers["x-request-id"] as string | undefined, () => serve(request, response));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `port ${port} on ${host} is already in use (another npm start?): stop that, or choose another port, e.g. PORT=${port + 1} npm start`
        : `cannot listen on ${host}:${port}: ${(error as Error).message}`,
    );
    return 1;
  }

  // Stopped while starting: exiting runs DynamoDB Local's exit hook, which ends it even half-started.
  const stopWhileStarting = (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping`);
    process.exit(0);
  };
  process.once("SIGINT", stopWhileStarting);
  process.once("SIGTERM", stopWhileStarting);

  let local: DynamoDbLocal | undefined;
  let client: ReturnType<typeof createDynamoClient> | undefined;
  // The preview reads a table of its own, with the drafts: the public API's never has one.
  const previewTable = `${tableName}-preview`;
  // Until the first sync is done, a failure must not leave the server or DynamoDB Local holding the process.
  const abandon = async () => {
    server.close();
    client?.destroy();
    await local?.stop();
  };
  try {
    if (!givenEndpoint) {
      console.log("starting DynamoDB Local…");
      local = await startDynamoDbLocal();
    }
    client = createDynamoClient(givenEndpoint ?? (local as DynamoDbLocal).endpoint);
    await ensureTable(client, tableName);
    await ensureTable(client, previewTable);
  } catch (error) {
    await abandon();
    throw error;
  }
  const endpoint = givenEndpoint ?? (local as DynamoDbLocal).endpoint;
  const store = client;

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
        const revisionId = gitRevision(contentDir);
        // The preview's sync runs beside the public one, and open pages hear of it as soon as it is done.
        const previewed = syncContent({
          contentDir,
          client: store,
          tableName: previewTable,
          revisionId,
          drafts: true,
          allowMassDelete: true,
          mediaStorage,
        }).then((result) =>
          preview.publish(
            result.status === "invalid"
              ? { type: "problems", problems: result.diagnostics }
              : { type: "synced", revision: result.plan.revision.id },
          ),
        );
        const [outcome] = await Promise.all([syncContent({ contentDir, client: store, tableName, revisionId, mediaStorage }), previewed]);
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
  try {
    await sync("initial sync");
  } catch (error) {
    await abandon();
    throw error;
  }

  app = nodeListener(
    createApp({
      reads: sdkTableReads(store),
      tableName,
      graphiql: { render: withExampleTabs(renderGraphiQL) },
      // One process serves and syncs: read the revision on every request so a save shows at once.
      revisionMaxAgeMs: 0,
      log: process.env[environment.log] === "json" ? undefined : false,
    }),
  );
  previewApp = nodeListener(
    createApp({
      reads: sdkTableReads(store),
      tableName: previewTable,
      endpoint: previewPaths.graphql,
      revisionMaxAgeMs: 0,
      log: false,
    }),
  );
  console.log(`Kronika: GraphQL and GraphiQL at http://localhost:${port}/graphql (DynamoDB at ${endpoint}, table ${tableName})`);
  console.log(`preview of the timeline, drafts included, at http://localhost:${port}/`);
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
      preview.close();
      server.closeAllConnections();
      server.close();
      store.destroy();
      await local?.stop();
      resolve(exitCode);
    };
    process.off("SIGINT", stopWhileStarting);
    process.off("SIGTERM", stopWhileStarting);
    process.once("SIGINT", () => void stop("SIGINT: stopping", 0));
    process.once("SIGTERM", () => void stop("SIGTERM: stopping", 0));
    // Without its store the server could only answer 503s: stop, and say why (restarting it would need a re-sync too).
    void local?.exited.then((how) => stop(`DynamoDB Local stopped unexpectedly (${how}); stopping Kronika`, 1));
  });
});
