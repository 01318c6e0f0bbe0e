// The app on node:http as `npm start` serves it: a kept GET is answered before yoga, byte for byte as the app
// answers it, and everything else is the app's.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { nodeListener } from "../functions/node-listener";
import { inRequestScope } from "../functions/request-scope";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";

const files = (title: string): ContentFiles => ({
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "events/zjazd.md": eventFile({ title, date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
});

describe("the app on node:http", () => {
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let contentDir: string;
  let server: Server;
  let base: string;
  const lines: Record<string, unknown>[] = [];
  let appRequests = 0;
  const trustedMs = 300;
  const untilRevisionIsReadAgain = () => new Promise((resolve) => setTimeout(resolve, trustedMs + 50));
  const query = (text: string) => `${base}/graphql?${new URLSearchParams({ query: text })}`;
  /** DynamoDB calls other than GetItem (the revision, which this app reads on every request). */
  const callsBeyondRevision = () =>
    Object.entries(env.counts).reduce((sum, [command, n]) => sum + (command === "GetItemCommand" ? 0 : n), 0);

  beforeAll(async () => {
    env = testClient();
    tableName = await freshTable(env.client);
    contentDir = await writeContentFolder(files("Zjazd"));
    await syncContent({ contentDir, client: env.client, tableName });
    // The revision is trusted for a moment, as deployed (5 s): the kept bytes are answered only under a revision
    // the app trusts without reading it.
    const app = createApp({ reads: sdkTableReads(env.client), tableName, revisionMaxAgeMs: trustedMs, log: (line) => lines.push(line) });
    // The app, counting the requests that reach it.
    const counted = Object.assign((...args: Parameters<typeof app>) => {
      appRequests += 1;
      return app(...args);
    }, app);
    const listener = nodeListener(counted);
    server = createServer((request, response) => inRequestScope(undefined, () => listener(request, response)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a repeated GET before the app, with the app's bytes and headers, its own request id and a log line", async () => {
    const url = query('{ event(slug: "zjazd") { title } }');
    const first = await fetch(url);
    const body = await first.text();
    expect(first.headers.get("x-cache")).toBeNull();
    const before = callsBeyondRevision();
    const reachedApp = appRequests;
    const again = await fetch(url);
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(await again.text()).toBe(body);
    for (const name of ["content-type", "etag", "cache-control", "content-length", "vary"]) {
      expect(again.headers.get(name), name).toBe(first.headers.get(name));
    }
    expect(again.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(callsBeyondRevision() - before).toBe(0);
    expect(appRequests).toBe(reachedApp);
    expect(lines.at(-1)).toMatchObject({ msg: "request", method: "GET", path: "/graphql", status: 200, cacheHit: true, dynamodbCalls: 0 });
  });

  it("leaves to the app what it would answer otherwise: other headers, If-None-Match, an Origin, HEAD, POST", async () => {
    const url = query('{ event(slug: "zjazd") { date { label } } }');
    const first = await fetch(url);
    await first.text();
    const etag = first.headers.get("etag") as string;
    const reachedApp = appRequests;
    const other = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
    expect(other.headers.get("x-cache")).toBeNull();
    const notModified = await fetch(url, { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    const cors = await fetch(url, { headers: { origin: "https://front.example" } });
    expect(cors.headers.get("x-cache")).toBeNull();
    expect(cors.headers.get("access-control-allow-origin")).toBe("*");
    const head = await fetch(url, { method: "HEAD" });
    expect(head.headers.get("x-cache")).toBeNull();
    const post = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ event(slug: "zjazd") { date { label } } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("x-cache")).toBeNull();
    expect(appRequests - reachedApp).toBe(5);
  });

  it("drops the kept bytes when a sync publishes a new revision", async () => {
    const url = query('{ event(slug: "zjazd") { title } }');
    await (await fetch(url)).text();
    expect((await fetch(url)).headers.get("x-cache")).toBe("hit");
    await writeContentFolder(files("II Zjazd Rad"), contentDir);
    await syncContent({ contentDir, client: env.client, tableName });
    await untilRevisionIsReadAgain();
    const fresh = await fetch(url);
    expect(fresh.headers.get("x-cache")).toBeNull();
    expect((await fresh.json()).data.event.title).toBe("II Zjazd Rad");
  });
});
