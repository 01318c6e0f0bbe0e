// A store that is down, silent or slow: each request answers within its budget, with a 503 that says so,
// and what the caches hold keeps being served.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDynamoClient } from "../core/store/client";
import { withDeadline } from "../core/store/deadline";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { signedTableReads } from "../core/store/signed-table-reads";
import { StoreUnavailableError } from "../core/store/store-unavailable";
import { localCredentials } from "../core/store/table-definition";
import type { TableReads } from "../core/store/table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { defaultLimits } from "../functions/limits";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { freePort } from "./support/free-port";
import { functionUrlEvent } from "./support/function-url-event";
import { type SilentMode, type SilentServer, startSilentServer } from "./support/silent-server";
import { processesMatching, startKronika } from "./support/start-process";

const budgetMs = 1000;
/** Time beyond the budget for everything that is not the store: parsing, the schema's first use, the event loop. */
const slackMs = 700;

const query = '{ event(slug: "szturm") { title } }';
const otherQuery = '{ event(slug: "zjazd") { title } }';
const getQuery = (text: string) => new URLSearchParams({ query: text }).toString();

type ErrorBody = { errors?: { message: string; extensions?: { code?: string } }[] };

function expectStoreUnavailable(status: number, headers: Record<string, string | undefined>, body: string) {
  expect(status, body).toBe(503);
  const parsed = JSON.parse(body) as ErrorBody;
  expect(parsed.errors?.map((e) => e.extensions?.code)).toContain("STORE_UNAVAILABLE");
  expect(headers["retry-after"]).toMatch(/^\d+$/);
  expect(headers["cache-control"]).toBe("no-store");
  // The client learns that the service is unavailable, not how the store failed.
  expect(body).not.toMatch(/DynamoDB|ECONN|socket|\bat \S+\.(ts|js):\d+/);
}

describe("signed reads of a store that does not answer", () => {
  const key = { TableName: "t", Key: { pk: { S: "REVISION" }, sk: { S: "CURRENT" } } };
  const timedRead = async (read: () => Promise<unknown>) => {
    const started = performance.now();
    const error = await read().catch((e: unknown) => e);
    return { error, elapsed: performance.now() - started };
  };

  it("retries a black hole with backoff and stops when the request's budget is spent", async () => {
    const server = await startSilentServer("silent");
    try {
      const reads = signedTableReads({
        region: "local",
        endpoint: server.endpoint,
        credentials: localCredentials,
        attemptTimeoutMs: 300,
        maxAttempts: 10,
      });
      const { error, elapsed } = await timedRead(() => withDeadline(budgetMs, () => reads.getItem(key)));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      // It may stop early, when the next pause would end past the deadline; never late.
      expect(elapsed).toBeLessThan(budgetMs + 200);
      expect(server.requests()).toBeGreaterThanOrEqual(2);
      expect(server.requests()).toBeLessThanOrEqual(4);
    } finally {
      await server.close();
    }
  });

  it("gives up on an answer that trickles in, at the attempt's timeout, though bytes keep coming", async () => {
    const server = await startSilentServer("trickle", { trickleEveryMs: 50 });
    try {
      const reads = signedTableReads({
        region: "local",
        endpoint: server.endpoint,
        credentials: localCredentials,
        attemptTimeoutMs: 300,
        maxAttempts: 2,
      });
      const { error, elapsed } = await timedRead(() => reads.getItem(key));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/after 2 attempts/);
      expect(elapsed).toBeLessThan(2 * 300 + 200 + 200);
      expect(server.requests()).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("the Lambda handler with a store that does not answer", () => {
  const servers: SilentServer[] = [];
  const saved = { ...process.env };

  /**
   * The handler as a cold start makes it: configuration read from the environment at import, and the revision
   * read begun then, which the import waits for a bounded time.
   */
  async function handlerFor(endpoint: string) {
    vi.resetModules();
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.KRONIKA_TABLE = "kronika-outage";
    process.env.KRONIKA_LIMIT_REQUEST_MS = String(budgetMs);
    const started = performance.now();
    const { handler, initialRevisionWaitMs } = await import("../functions/graphql");
    expect(performance.now() - started).toBeLessThan(initialRevisionWaitMs + slackMs);
    return handler;
  }

  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  for (const mode of ["silent", "trickle"] as SilentMode[]) {
    it(`answers 503 STORE_UNAVAILABLE within the request budget when the store is ${mode === "silent" ? "a black hole" : "trickling a byte at a time"}`, async () => {
      const server = await startSilentServer(mode, { trickleEveryMs: 100 });
      servers.push(server);
      const handler = await handlerFor(server.endpoint);
      for (const event of [
        functionUrlEvent({ query: getQuery(query) }),
        functionUrlEvent({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }),
      ]) {
        const before = server.requests();
        const started = performance.now();
        const result = await handler(event, { awsRequestId: `outage-${mode}` } as never);
        const elapsed = performance.now() - started;
        expectStoreUnavailable(result.statusCode ?? 0, result.headers as Record<string, string>, String(result.body));
        expect(elapsed).toBeLessThan(budgetMs + slackMs);
        // One revision read, begun at load or by the request and shared by all that want it; nothing is
        // retried past the budget.
        expect(server.requests()).toBeGreaterThan(0);
        expect(server.requests() - before).toBeLessThanOrEqual(2);
      }
    });
  }

  it("reads the revision once per request when the store drops every connection, not once per cache and resolver", async () => {
    const server = await startSilentServer("reset");
    servers.push(server);
    const handler = await handlerFor(server.endpoint);
    // The read begun at load has made its attempts by now (each connection is dropped at once).
    const atLoad = server.connections();
    expect(atLoad).toBeLessThanOrEqual(3);
    // Both caches and three resolvers want the revision.
    const text = "{ revision { id } sources(first: 1) { totalCount } events(first: 1) { totalCount } }";
    const result = await handler(functionUrlEvent({ query: getQuery(text) }), { awsRequestId: "outage-reset" } as never);
    expectStoreUnavailable(result.statusCode ?? 0, result.headers as Record<string, string>, String(result.body));
    // The signed reads make 3 attempts of one read.
    expect(server.connections() - atLoad).toBeGreaterThan(0);
    expect(server.connections() - atLoad).toBeLessThanOrEqual(3);
  });
});

describe("the app when the store goes silent after answering", () => {
  let silent: SilentServer;
  let reads: TableReads;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const contentDir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
      "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
    });
    await syncContent({ contentDir, client, tableName });
    silent = await startSilentServer("silent");
    reads = sdkTableReads(client);
    // The reads npm start uses (the AWS SDK), switched to the black hole below; the revision is read on every request, as npm start does.
    const switchable: TableReads = {
      getItem: (input) => reads.getItem(input),
      query: (input) => reads.query(input),
      batchGetItem: (input) => reads.batchGetItem(input),
    };
    app = createApp({
      reads: switchable,
      tableName,
      revisionMaxAgeMs: 0,
      limits: { ...defaultLimits, requestMs: budgetMs },
      log: false,
    });
  });
  afterAll(() => silent?.close());

  const timed = async (request: Request) => {
    const started = performance.now();
    const response = await app.fetch(request);
    const body = await response.text();
    return { response, body, elapsed: performance.now() - started };
  };
  const get = (text: string) => new Request(`http://localhost/graphql?${getQuery(text)}`);
  const post = (text: string) =>
    new Request("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text }),
    });

  it("keeps answering cached queries from the last known revision, and answers 503 fast for the rest", async () => {
    for (const request of [get(query), post(query)]) {
      const { response, body } = await timed(request);
      expect(response.status, body).toBe(200);
      expect(JSON.parse(body)).toEqual({ data: { event: { title: "Szturm" } } });
    }

    reads = sdkTableReads(createDynamoClient(silent.endpoint));

    const cachedGet = await timed(get(query));
    expect(cachedGet.response.status, cachedGet.body).toBe(200);
    expect(cachedGet.response.headers.get("x-cache")).toBe("hit");
    expect(JSON.parse(cachedGet.body)).toEqual({ data: { event: { title: "Szturm" } } });
    expect(cachedGet.elapsed).toBeLessThan(budgetMs + slackMs);

    const cachedPost = await timed(post(query));
    expect(cachedPost.response.status, cachedPost.body).toBe(200);
    expect(JSON.parse(cachedPost.body)).toEqual({ data: { event: { title: "Szturm" } } });
    expect(cachedPost.elapsed).toBeLessThan(budgetMs + slackMs);

    for (const request of [get(otherQuery), post(otherQuery)]) {
      const uncached = await timed(request);
      expectStoreUnavailable(uncached.response.status, Object.fromEntries(uncached.response.headers), uncached.body);
      expect(uncached.elapsed).toBeLessThan(budgetMs + slackMs);
    }
    expect(silent.requests()).toBeGreaterThan(0);
  });
});

describe("npm start when DynamoDB Local dies", () => {
  it("says so in one line and exits non-zero", async () => {
    const contentDir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
    });
    const port = await freePort();
    const kronika = startKronika(["--content", contentDir], { PORT: String(port) });
    try {
      const [, dynamoPort] = await kronika.waitFor(/DynamoDB at http:\/\/127\.0\.0\.1:(\d+)/, 90_000);
      const [java] = processesMatching("DynamoDBLocal.jar", `-port ${dynamoPort}`);
      expect(java).toBeGreaterThan(0);
      const before = kronika.output().length;
      process.kill(java, "SIGKILL");
      const exited = await Promise.race([
        new Promise<number | null>((resolve) => kronika.child.once("exit", (code) => resolve(code))),
        new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 10_000)),
      ]);
      expect(exited, kronika.output()).not.toBe("running");
      expect(exited).not.toBe(0);
      const said = kronika.output().slice(before).trim();
      expect(said.split("\n"), said).toHaveLength(1);
      expect(said).toMatch(/DynamoDB Local .*(stopped|exited|died)/i);
    } finally {
      await kronika.stop("SIGKILL");
    }
  });
});
