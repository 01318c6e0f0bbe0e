import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { ByteBoundedCache } from "../functions/byte-bounded-cache";
import { defaultLimits } from "../functions/limits";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { aliasedField } from "./support/hostile-documents";

// Forty events with a body of about 2 KB each: a timeline of them is about 100 KB.
const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  ...Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `events/zdarzenie-${i}.md`,
      eventFile(
        { title: `Zdarzenie ${i}`, date: `{ julian: 1917-10-${String((i % 28) + 1).padStart(2, "0")} }`, sources: ["opracowanie"] },
        `Długi opis wydarzenia numer ${i}. `.repeat(60),
      ),
    ]),
  ),
};

const getUrl = (query: string, path = "/graphql") => `http://localhost${path}?${new URLSearchParams({ query })}`;

describe("bounds on what a response carries and what a process keeps", () => {
  let reads: ReturnType<typeof sdkTableReads>;
  let tableName: string;

  beforeAll(async () => {
    const { client } = testClient();
    tableName = await freshTable(client);
    await syncContent({ contentDir: await writeContentFolder(collection), client, tableName });
    reads = sdkTableReads(client);
  });

  const appWith = (limits: Partial<typeof defaultLimits> = {}) =>
    createApp({ reads, tableName, log: false, limits: { ...defaultLimits, ...limits } });

  it("refuses an answer over the response byte limit with a clear, uncached 400, and serves one under it", async () => {
    const app = appWith({ responseBytes: 50_000 });
    const small = await app.fetch(getUrl('{ event(slug: "zdarzenie-1") { title } }'));
    expect(small.status).toBe(200);
    const large = await app.fetch(getUrl("{ timeline }"));
    expect(large.status).toBe(400);
    expect(large.headers.get("cache-control")).toBe("no-store");
    const body = await large.json();
    expect(body.errors[0].extensions.code).toBe("RESPONSE_TOO_LARGE");
    expect(body.errors[0].message).toMatch(/over the limit of 50000/);
    expect(Number(/would be (\d+) bytes/.exec(body.errors[0].message)?.[1])).toBeGreaterThan(50_000);
  });

  it("counts bytes, not characters, at the bound", async () => {
    const measure = await appWith().fetch(getUrl('{ event(slug: "zdarzenie-1") { body } }'));
    const text = await measure.text();
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThan(text.length);
    expect((await appWith({ responseBytes: bytes }).fetch(getUrl('{ event(slug: "zdarzenie-1") { body } }'))).status).toBe(200);
    expect((await appWith({ responseBytes: bytes - 1 }).fetch(getUrl('{ event(slug: "zdarzenie-1") { body } }'))).status).toBe(400);
  });

  it("charges byte-heavy aliasing by what it returns: five timelines are refused before any is read", async () => {
    const response = await appWith().fetch(getUrl(aliasedField(5, "timeline")));
    expect((await response.json()).errors[0].extensions.code).toBe("COST_LIMIT_EXCEEDED");
  });

  it("keeps GET responses within the cache's byte bound, oldest out first", async () => {
    const app = appWith({ getCacheBytes: 12_000 });
    const queries = Array.from({ length: 8 }, (_, i) => `{ event(slug: "zdarzenie-${i}") { body } }`);
    for (const query of queries) expect((await app.fetch(getUrl(query))).headers.get("x-cache")).toBeNull();
    // Each answer is about 3 KB with its headers: the last ones are still kept, the first is gone.
    expect((await app.fetch(getUrl(queries[7]))).headers.get("x-cache")).toBe("hit");
    expect((await app.fetch(getUrl(queries[0]))).headers.get("x-cache")).toBeNull();
  });

  it("keeps answers out of shared caches when CORS names origins, so a CDN cannot hand one origin's answer to another", async () => {
    const open = await appWith().fetch(getUrl("{ revision { id } }"));
    expect(open.headers.get("cache-control")).toMatch(/^public,/);
    const restricted = createApp({ reads, tableName, log: false, corsOrigins: ["https://a.example"] });
    for (const headers of [{}, { origin: "https://a.example" }]) {
      const response = await restricted.fetch(getUrl("{ revision { id } }"), { headers });
      expect(response.headers.get("cache-control")).toMatch(/^private,/);
    }
  });

  it("never keeps a GET response larger than the entry bound", async () => {
    const app = appWith({ getCacheBytes: 64_000 });
    await app.fetch(getUrl("{ timeline }"));
    expect((await app.fetch(getUrl("{ timeline }"))).headers.get("x-cache")).toBeNull();
  });

  it("sends kept bytes only for the GraphQL path, not for any path with the same query string", async () => {
    const app = appWith();
    const query = "{ revision { id } }";
    expect((await app.fetch(getUrl(query))).status).toBe(200);
    expect((await app.fetch(getUrl(query))).headers.get("x-cache")).toBe("hit");
    const elsewhere = await app.fetch(getUrl(query, "/etc/passwd"));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get("x-cache")).toBeNull();
  });

  it("answers If-None-Match with 304 only for the request's own ETag", async () => {
    const app = appWith();
    const a = await app.fetch(getUrl("{ revision { id } }"));
    const tagOfA = a.headers.get("etag") as string;
    expect(tagOfA).toBeTruthy();
    const b = await app.fetch(getUrl('{ event(slug: "zdarzenie-2") { title } }'), { headers: { "if-none-match": tagOfA } });
    expect(b.status).toBe(200);
    expect((await b.json()).data.event.title).toBe("Zdarzenie 2");
    const tagOfB = b.headers.get("etag") as string;
    expect(tagOfB).not.toBe(tagOfA);
    const again = await app.fetch(getUrl('{ event(slug: "zdarzenie-2") { title } }'), {
      headers: { "if-none-match": `${tagOfA}, W/${tagOfB}` },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(tagOfB);
    const post = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "if-none-match": tagOfA },
      body: JSON.stringify({ query: '{ event(slug: "zdarzenie-3") { title } }' }),
    });
    expect(post.status).toBe(200);
    // The same query asked for as application/graphql-response+json is another representation.
    const other = await app.fetch(getUrl('{ event(slug: "zdarzenie-2") { title } }'), {
      headers: { accept: "application/graphql-response+json", "if-none-match": tagOfB },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(tagOfB);
  });

  it("answers a client that accepts no JSON with a short 406, and never streams", async () => {
    const app = appWith();
    const many = Array.from({ length: 500 }, (_, i) => `application/x-type-${i}`).join(", ");
    const refused = await app.fetch(getUrl("{ revision { id } }"), { headers: { accept: many } });
    expect(refused.status).toBe(406);
    const headerBytes = [...refused.headers].reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(headerBytes).toBeLessThan(1000);
    for (const accept of ["text/event-stream", "multipart/mixed"]) {
      const response = await app.fetch(getUrl("{ revision { id } }"), { headers: { accept } });
      expect(response.status, accept).toBe(406);
    }
    const either = await app.fetch(getUrl("{ revision { id } }"), { headers: { accept: "text/event-stream, application/json" } });
    expect(either.status).toBe(200);
    expect(either.headers.get("content-type")).toMatch(/^application\/json/);
    const multipartBody = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ revision { id } }"}\r\n--x--\r\n',
    });
    expect(multipartBody.status).toBe(415);
  });

  describe("over a real socket", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer(appWith());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("cuts a chunked POST without a content-length at the body limit", async () => {
      const chunk = new TextEncoder().encode(`{"query": "{ revision { id } }", "x": "${"y".repeat(10_000)}`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // Never ends by itself: only the limit stops it.
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          if (sent > 5 * defaultLimits.bodyBytes) controller.close();
        },
      });
      const response = await fetch(base, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).errors[0].extensions.code).toBe("REQUEST_TOO_LARGE");
    });
  });
});

describe("a byte-bounded cache", () => {
  it("evicts the least recently used entries to stay within its bytes, and refuses an entry over its own bound", () => {
    const cache = new ByteBoundedCache<string>({ maxBytes: 1000, maxEntryBytes: 400 });
    expect(cache.set("a", "A", 300)).toBe(true);
    expect(cache.set("b", "B", 300)).toBe(true);
    expect(cache.set("c", "C", 300)).toBe(true);
    expect(cache.get("a")).toBe("A");
    expect(cache.set("d", "D", 300)).toBe(true);
    // b was the least recently used once a was read.
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.set("e", "E", 401)).toBe(false);
    expect(cache.get("e")).toBeUndefined();
    cache.set("a", "A2", 10);
    expect(cache.get("a")).toBe("A2");
    expect(cache.bytes).toBe(10 + 2 + 300 + 2 + 300 + 2);
  });

  it("keys by content safely: the names of Object.prototype's members are ordinary keys", () => {
    const cache = new ByteBoundedCache<number>({ maxBytes: 10_000 });
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(cache.get(key)).toBeUndefined();
      cache.set(key, 1, 10);
      expect(cache.get(key)).toBe(1);
    }
  });
});
