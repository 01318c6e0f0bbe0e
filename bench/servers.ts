// Servers the throughput benchmark loads, each in its own process (so the load generator does not share
// its event loop): `app` (the yoga app on node:http as `npm start` serves it, response cache on), `uncached` (cache off), `raw` (node:http
// answering fixed bytes). Prints the port on stdout.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createDynamoClient } from "../core/store/client";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { createApp } from "../functions/app";
import { nodeListener } from "../functions/node-listener";

const [mode, tableName, bodyFile] = process.argv.slice(2);
const server =
  mode === "raw"
    ? (() => {
        const body = readFileSync(bodyFile);
        return createServer((_request, response) => {
          response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.byteLength });
          response.end(body);
        });
      })()
    : createServer(
        nodeListener(createApp({ reads: sdkTableReads(createDynamoClient()), tableName, log: false, responseCache: mode !== "uncached" })),
      );
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(typeof address === "object" && address ? address.port : 0);
});
// Exit cleanly on a signal, so a profiler attached with --cpu-prof can write its profile.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
