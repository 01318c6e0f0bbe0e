// `npm run smoke -- URL`, the check the deploy workflow runs against each stage, run here against `npm start`
// and against the deployed layout (the API redirecting browsers to a static GraphiQL site), and made to fail.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runSmokeChecks } from "../cli/smoke-checks";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { writeGraphiqlSite } from "../infra/graphiql-site";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { freePort } from "./support/free-port";
import { type StartedProcess, startKronika } from "./support/start-process";

const collection = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "events/szturm.md": eventFile({ title: "Szturm na Pałac Zimowy", date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
};

/** Runs the smoke command as the workflow does, through npm, with its exit code and output. */
function smoke(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "--silent", "smoke", "--", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

/** Serves `handle` on loopback; resolves with its origin. */
async function serve(handle: Parameters<typeof createServer>[1], servers: Server[]): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The deployed layout on one origin: the API at /graphql (browsers redirected) and GraphiQL's static site at /graphiql/. */
async function serveDeployedLayout(tableName: string, servers: Server[], { withGraphiql = true } = {}): Promise<string> {
  const { client } = testClient();
  const siteDir = writeGraphiqlSite(path.join(tmpdir(), `kronika-smoke-graphiql-${process.pid}`), { endpoint: "/graphql" });
  const api = createApp({ reads: sdkTableReads(client), tableName, graphiql: { redirectTo: "/graphiql/" }, log: false });
  return serve(async (request, response) => {
    if (!request.url?.startsWith("/graphiql/")) return api(request, response);
    const name = request.url.slice("/graphiql/".length) || "index.html";
    if (!withGraphiql) return void response.writeHead(404, { "content-type": "text/plain" }).end("NoSuchKey");
    const body = await readFile(path.join(siteDir, path.basename(name)));
    response.writeHead(200, { "content-type": name.endsWith(".html") ? "text/html" : "application/octet-stream" }).end(body);
  }, servers);
}

describe("npm run smoke", () => {
  const servers: Server[] = [];
  let kronika: StartedProcess | undefined;
  let syncedTable: string;

  beforeAll(async () => {
    const { client } = testClient();
    syncedTable = await freshTable(client);
    await syncContent({ contentDir: await writeContentFolder(collection), client, tableName: syncedTable });
  });
  afterAll(async () => {
    await kronika?.stop();
    for (const server of servers) server.close();
  });

  it("passes against npm start: a query by POST and by GET, and the GraphiQL page it renders", async () => {
    const port = await freePort();
    kronika = startKronika(["--content", await writeContentFolder(collection)], {
      PORT: String(port),
      DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"),
      KRONIKA_TABLE: `kronika-smoke-${process.pid}`,
    });
    await kronika.waitFor(/GraphQL and GraphiQL at/);
    const { code, output } = await smoke(`http://127.0.0.1:${port}/graphql`);
    expect(output).toMatch(/ok {4}POST query: 1 events at revision \S+, the first "Szturm na Pałac Zimowy" \(szturm\)/);
    expect(output).toMatch(/ok {4}GET query: 1 events at revision \S+, Cache-Control "public/);
    expect(output).toMatch(new RegExp(`ok {4}GraphiQL page: http://127\\.0\\.0\\.1:${port}/graphql answered 200 with GraphiQL's page`));
    expect(output).not.toContain("FAIL");
    expect(code).toBe(0);
  });

  it("passes against the deployed layout, following the endpoint's redirect to the static GraphiQL site", async () => {
    const origin = await serveDeployedLayout(syncedTable, servers);
    const checks = await runSmokeChecks(new URL(`${origin}/graphql`));
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ["POST query", true],
      ["GET query", true],
      ["GraphiQL page", true],
    ]);
    expect(checks[2].detail).toBe(
      `${origin}/graphiql/ answered 200 with GraphiQL's page (${checks[2].detail.match(/\((\d+) bytes\)/)?.[1]} bytes)`,
    );
  });

  it("fails with exit 1, naming the check, when the GraphiQL site is missing", async () => {
    const origin = await serveDeployedLayout(syncedTable, servers, { withGraphiql: false });
    const { code, output } = await smoke(`${origin}/graphql`);
    expect(output).toMatch(/ok {4}POST query/);
    expect(output).toMatch(/ok {4}GET query/);
    expect(output).toContain(`FAIL  GraphiQL page: ${origin}/graphiql/ answered 404`);
    expect(output).toContain("1 of 3 checks failed");
    expect(code).toBe(1);
  });

  it("fails the queries when nothing is published, and says to sync", async () => {
    const origin = await serveDeployedLayout(await freshTable(), servers);
    const checks = await runSmokeChecks(new URL(`${origin}/graphql`));
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ["POST query", false],
      ["GET query", false],
      ["GraphiQL page", true],
    ]);
    expect(checks[0].detail).toMatch(/has the content been synced\?/);
  });

  it("fails the queries when the API answers errors, quoting them", async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=60" });
      response.end(JSON.stringify({ errors: [{ message: "Table not found" }] }));
    }, servers);
    const checks = await runSmokeChecks(new URL(`${origin}/graphql`));
    expect(checks.slice(0, 2).map((c) => c.detail)).toEqual(["answered errors: Table not found", "answered errors: Table not found"]);
  });

  it("fails every check when nothing answers, and a GET that may not be cached fails too", async () => {
    const closed = await freePort();
    const checks = await runSmokeChecks(new URL(`http://127.0.0.1:${closed}/graphql`), { timeoutMs: 5000 });
    expect(checks.every((c) => !c.passed && c.detail.startsWith("no answer:"))).toBe(true);

    // An answer as the API gives it, but with the caching header a misconfigured CDN behaviour would leave.
    const answer = {
      data: { revision: { id: "r1", eventCount: 1 }, events: { totalCount: 1, edges: [{ node: { slug: "a", title: "A" } }] } },
    };
    const origin = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(answer));
    }, servers);
    const [, get] = await runSmokeChecks(new URL(`${origin}/graphql`));
    expect(get).toEqual({ name: "GET query", passed: false, detail: 'answered with Cache-Control "no-store", not a public one' });
  });

  it("refuses a missing or non-HTTP URL with exit 2 and its usage", async () => {
    for (const args of [[], ["ftp://example.com/graphql"]]) {
      const { code, output } = await smoke(...args);
      expect(output).toContain("usage: npm run smoke -- URL");
      expect(code).toBe(2);
    }
  });
});
