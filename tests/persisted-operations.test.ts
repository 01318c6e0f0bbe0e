// Persisted operations through the Lambda handler, with Function URL events as AWS sends them: a GET that
// names a shipped document by its SHA-256 answers as the document sent in full does, is cacheable, and a
// deployment may refuse every document that is not persisted.
import path from "node:path";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { environment } from "../core/environment";
import { operationHash } from "../core/operations/operation-manifest";
import { syncContent } from "../core/sync/sync";
import { exampleTabs } from "../functions/example-query";
import { documentText } from "../preview/src/document-text";
import { EventPage, TimelinePage } from "../preview/src/queries";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";

type Handler = typeof import("../functions/graphql")["handler"];
type Body = { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const slug = "szturm-na-palac-zimowy";
const eventPage = documentText(EventPage);
const eventVariables = { slug, locale: "EN", style: "APA" };
const persisted = (hash: unknown, version: unknown = 1) => JSON.stringify({ persistedQuery: { version, sha256Hash: hash } });

/** The Lambda handler as a deployment with these variables loads it: a fresh module, reading them at import. */
async function handlerWith(variables: Record<string, string>): Promise<Handler> {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) process.env[name] = value;
  try {
    return (await import("../functions/graphql")).handler;
  } finally {
    for (const name of Object.keys(variables)) delete process.env[name];
  }
}

async function call(handler: Handler, params: Record<string, string>, headers: Record<string, string> = {}) {
  const result = (await handler(
    functionUrlEvent({ query: new URLSearchParams(params).toString(), headers }),
  )) as APIGatewayProxyStructuredResultV2;
  // A 304 has no body.
  const body = (result.body ? JSON.parse(result.body) : {}) as Body;
  return { status: result.statusCode, headers: result.headers ?? {}, body };
}

async function post(handler: Handler, body: Record<string, unknown>) {
  const result = (await handler(
    functionUrlEvent({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(result.body as string) as Body };
}

describe("persisted operations through the Lambda handler", () => {
  let tableName: string;
  let open: Handler;
  let persistedOnly: Handler;

  beforeAll(async () => {
    const { client } = testClient();
    tableName = await freshTable(client);
    const outcome = await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client, tableName });
    expect(outcome.status).toBe("applied");
    const table = { [environment.endpoint]: inject("dynamodbEndpoint"), [environment.tableName]: tableName };
    open = await handlerWith(table);
    persistedOnly = await handlerWith({ ...table, [environment.persistedOperationsOnly]: "true" });
  });

  it("answers a GET that names the preview's event page by hash with what the document sent in full answers", async () => {
    const byHash = await call(open, { extensions: persisted(operationHash(eventPage)), variables: JSON.stringify(eventVariables) });
    const inFull = await post(open, { query: eventPage, variables: eventVariables });
    expect(inFull.status).toBe(200);
    expect(inFull.body.errors).toBeUndefined();
    expect(inFull.body.data?.event).toMatchObject({ slug, title: "The storming of the Winter Palace" });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(inFull.body);
  });

  it("keeps a persisted GET short and cacheable: public Cache-Control and an ETag, then served again from the bytes it kept", async () => {
    const timelineVariables = JSON.stringify({ first: 20, locale: "PL" });
    const params = { extensions: persisted(operationHash(documentText(TimelinePage))), variables: timelineVariables };
    const inFullUrl = new URLSearchParams({ query: documentText(TimelinePage), variables: timelineVariables }).toString();
    expect(new URLSearchParams(params).toString().length).toBeLessThan(inFullUrl.length / 2);
    const first = await call(open, params);
    expect(first.status).toBe(200);
    expect(first.body.data?.events.totalCount).toBeGreaterThan(20);
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
    expect(first.headers.etag).toBeTruthy();
    const again = await call(open, params);
    expect(again.headers["x-cache"]).toBe("hit");
    expect(again.body).toEqual(first.body);
    const revalidated = await call(open, params, { "if-none-match": first.headers.etag as string });
    expect(revalidated.status).toBe(304);
  });

  it("serves GraphiQL's example queries by hash too, each one as its text answers", async () => {
    for (const tab of exampleTabs) {
      const variables = tab.variables ?? "{}";
      const byHash = await call(open, { extensions: persisted(operationHash(tab.query)), variables });
      const inFull = await call(open, { query: tab.query, variables });
      expect(byHash.status, tab.query.split("\n")[0]).toBe(200);
      expect(byHash.body.errors).toBeUndefined();
      expect(byHash.body).toEqual(inFull.body);
    }
  });

  it("answers a hash it does not know with PersistedQueryNotFound (404, never stored by a cache), not a 5xx", async () => {
    const unknown = await call(open, { extensions: persisted(operationHash(`${eventPage} `)), variables: JSON.stringify(eventVariables) });
    expect(unknown.status).toBe(404);
    expect(unknown.headers["cache-control"]).toBe("no-store");
    expect(unknown.body.data).toBeUndefined();
    expect(unknown.body.errors).toHaveLength(1);
    // The exact word clients match before they send the text instead; the hint says it in words.
    expect(unknown.body.errors?.[0]).toEqual({
      message: "PersistedQueryNotFound",
      extensions: { code: "PERSISTED_QUERY_NOT_FOUND", hint: expect.stringContaining("send the document's text as query instead") },
    });
  });

  it("refuses with a 400 a hash that is not 64 lowercase hexadecimal digits, or a persistedQuery that is not version 1", async () => {
    const hash = operationHash(eventPage);
    const malformed = [`${hash}0`, `${hash.slice(0, 63)}g`, hash.toUpperCase(), hash.slice(0, 32), 12345, "", null];
    for (const value of malformed) {
      const reply = await call(open, { extensions: persisted(value) });
      expect(reply.status, String(value)).toBe(400);
      expect(reply.body.errors?.[0].message, String(value)).toContain("sha256Hash must be 64 lowercase hexadecimal digits");
    }
    for (const extensions of [persisted(hash, 2), JSON.stringify({ persistedQuery: hash })]) {
      const reply = await call(open, { extensions });
      expect(reply.status, extensions).toBe(400);
      expect(reply.body.errors?.[0].message, extensions).toContain('extensions.persistedQuery must be { "version": 1');
    }
    // Beside a query the malformed hash is refused too, rather than ignored.
    const beside = await call(open, { query: "{ revision { id } }", extensions: persisted("x".repeat(64)) });
    expect(beside.status).toBe(400);
  });

  it("with only persisted operations, refuses a document sent as text (403, with a message) and serves the manifest's", async () => {
    const asText = await call(persistedOnly, { query: eventPage, variables: JSON.stringify(eventVariables) });
    expect(asText.status).toBe(403);
    expect(asText.headers["cache-control"]).toBe("no-store");
    expect(asText.body.errors?.[0]).toEqual({
      message: expect.stringContaining("only persisted operations"),
      extensions: { code: "PERSISTED_QUERY_ONLY" },
    });
    const byPost = await post(persistedOnly, { query: "{ revision { id } }" });
    expect(byPost.status).toBe(403);
    const byHash = await call(persistedOnly, {
      extensions: persisted(operationHash(eventPage)),
      variables: JSON.stringify(eventVariables),
    });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data?.event.slug).toBe(slug);
    const unknown = await call(persistedOnly, { extensions: persisted(operationHash("{ revision { id } }")) });
    expect(unknown.status).toBe(404);
    // The open deployment still takes any document.
    expect((await post(open, { query: "{ revision { id } }" })).status).toBe(200);
  });
});
