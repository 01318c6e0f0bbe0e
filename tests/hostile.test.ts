import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { inRequestScope } from "../functions/request-scope";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";
import { aliasedField, nestedFragmentFan, siblingFragmentFan } from "./support/hostile-documents";

type Reply = { status: number; body: string; headers: Record<string, string> };
type Send = (request: { method?: string; query?: string; body?: string; headers?: Record<string, string> }) => Promise<Reply>;

const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "events/szturm.md": eventFile({
    title: "Szturm",
    date: "{ julian: 1917-10-25/1917-10-26 }",
    sources: ["opracowanie"],
    related: ["zjazd"],
  }),
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"], related: ["szturm"] }),
};

const json = { "content-type": "application/json" };
const post = (query: unknown, extra: Record<string, unknown> = {}) => ({
  method: "POST",
  headers: json,
  body: JSON.stringify({ query, ...extra }),
});
const get = (params: Record<string, string>) => ({ query: new URLSearchParams(params).toString() });
const base64 = (text: string) => Buffer.from(text).toString("base64");
const nested = (depth: number) => `{ event(slug: "szturm") { ${"related { ".repeat(depth)}title${" }".repeat(depth)} } }`;

/** Hostile and broken requests, each with what a correct answer looks like. */
const battery: { name: string; request: Parameters<Send>[0]; expect: { status?: number; code?: string; message?: RegExp } }[] = [
  { name: "malformed JSON", request: { method: "POST", headers: json, body: '{"query": "{ revision { id } }"' }, expect: { status: 400 } },
  {
    name: "wrong content type (a simple cross-site POST)",
    request: { method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ revision { id } }"}' },
    expect: { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  },
  {
    name: "form-encoded POST",
    request: {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B%20revision%20%7B%20id%20%7D%20%7D",
    },
    expect: { status: 415 },
  },
  { name: "empty body", request: { method: "POST", headers: json, body: "" }, expect: { status: 400 } },
  { name: "a 1 MB query", request: post(`{ ${"revision { id } ".repeat(70_000)} }`), expect: { status: 413, code: "REQUEST_TOO_LARGE" } },
  {
    name: "10,000 aliases",
    request: post(`{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: revision { id }`).join(" ")} }`),
    expect: { status: 413 },
  },
  {
    name: "600 aliases (1,800 tokens) in a GET",
    request: get({ query: `{ ${"a: __typename ".repeat(600)} }` }),
    expect: { code: "TOKEN_LIMIT_EXCEEDED", message: /1000 tokens/ },
  },
  {
    name: "16 aliases",
    request: post(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: revision { id }`).join(" ")} }`),
    expect: { code: "ALIAS_LIMIT_EXCEEDED", message: /limit of 15/ },
  },
  {
    name: "a fragment spread twice at each of 30 nested levels (2^30 paths)",
    request: get({ query: nestedFragmentFan(30) }),
    expect: { code: "DEPTH_LIMIT_EXCEEDED" },
  },
  {
    name: "a fragment spread twice at each of 30 sibling levels (2^30 fields)",
    request: get({ query: siblingFragmentFan(30) }),
    expect: { code: "COST_LIMIT_EXCEEDED" },
  },
  { name: "15 aliased timelines", request: get({ query: aliasedField(15, "timeline") }), expect: { code: "COST_LIMIT_EXCEEDED" } },
  { name: "a query that is a number", request: post(123), expect: { status: 400, code: "BAD_REQUEST" } },
  { name: "a query that is a list", request: post(["{ revision { id } }"]), expect: { status: 400, code: "BAD_REQUEST" } },
  {
    name: "an operation name that is an object",
    request: post("{ revision { id } }", { operationName: {} }),
    expect: { status: 400, code: "BAD_REQUEST" },
  },
  { name: "variables that are a string", request: post("{ revision { id } }", { variables: "{}" }), expect: { status: 400 } },
  {
    name: "a global ID whose slug is longer than a DynamoDB key",
    request: post(`{ node(id: "${base64(`Event:${"x".repeat(3000)}`)}") { id } }`),
    expect: {},
  },
  {
    name: "a source slug longer than a DynamoDB key, in a global ID",
    request: post(`{ node(id: "${base64(`Source:${"ł".repeat(1500)}`)}") { id } }`),
    expect: {},
  },
  { name: "depth 50", request: post(nested(50)), expect: { code: "DEPTH_LIMIT_EXCEEDED", message: /limit of 10/ } },
  {
    name: "51 directives",
    request: post(`{ revision { id ${"@include(if: true) ".repeat(51)} } }`),
    expect: { code: "DIRECTIVE_LIMIT_EXCEEDED" },
  },
  {
    name: "a connection inside a connection, 100 × 100",
    request: post("{ events(first: 100) { edges { node { citations { source { events(first: 100) { edges { node { title } } } } } } } } }"),
    expect: { code: "COST_LIMIT_EXCEEDED", message: /limit of 10000/ },
  },
  {
    name: "cost through variables",
    request: post(
      "query($n: Int) { events(first: $n) { edges { node { citations { source { events(first: $n) { edges { node { title date { label } } } } } } } } } }",
      { variables: { n: 100 } },
    ),
    expect: { code: "COST_LIMIT_EXCEEDED" },
  },
  {
    name: "a fragment cycle",
    request: post(
      'query { event(slug: "szturm") { ...A } } fragment A on Event { related { ...B } } fragment B on Event { related { ...A } }',
    ),
    expect: { message: /Cannot spread fragment/ },
  },
  {
    name: "an unknown operation name",
    request: post("query One { revision { id } }", { operationName: "Two" }),
    expect: { message: /operation/ },
  },
  {
    name: "variables of the wrong type",
    request: post("query($slug: String!) { event(slug: $slug) { title } }", { variables: { slug: 12 } }),
    expect: { message: /Variable "\$slug"/ },
  },
  {
    name: "a missing variable",
    request: post("query($slug: String!) { event(slug: $slug) { title } }"),
    expect: { message: /Variable "\$slug"/ },
  },
  {
    name: "a forged cursor",
    request: post('{ events(after: "eyJmb3JnZWQiOnRydWV9") { edges { cursor } } }'),
    expect: { code: "BAD_USER_INPUT", message: /invalid cursor/ },
  },
  {
    name: "a cursor of another list",
    request: post(
      `{ events(after: "${Buffer.from(JSON.stringify(["SOURCE#x", "SOURCE", "x"])).toString("base64url")}", filter: { tags: ["a"] }) { edges { cursor } } }`,
    ),
    expect: {},
  },
  { name: "a forged global ID", request: post('{ node(id: "not-an-id") { id } }'), expect: {} },
  { name: "a global ID of an unknown type", request: post(`{ node(id: "${base64("Nope:1")}") { id } }`), expect: {} },
  { name: "a global ID with a huge slug", request: post(`{ node(id: "${base64(`Event:${"x".repeat(5000)}`)}") { id } }`), expect: {} },
  {
    name: "first: 1000000",
    request: post("{ events(first: 1000000) { edges { cursor } } }"),
    expect: { code: "BAD_USER_INPUT", message: /between 1 and 100/ },
  },
  { name: "negative first", request: post("{ events(first: -5) { edges { cursor } } }"), expect: { code: "BAD_USER_INPUT" } },
  {
    name: "a huge string in a filter",
    request: post(`{ events(filter: { tags: ["${"x".repeat(50_000)}"] }) { totalCount } }`),
    expect: { code: "BAD_USER_INPUT" },
  },
  {
    name: "too many filter values",
    request: post(`{ events(filter: { people: [${Array.from({ length: 11 }, (_, i) => `"p${i}"`).join(",")}] }) { totalCount } }`),
    expect: { code: "BAD_USER_INPUT" },
  },
  {
    name: "NUL, a lone surrogate and RTL marks in arguments",
    request: {
      method: "POST",
      headers: json,
      body: '{"query":"query($s: String!) { event(slug: $s) { title } }","variables":{"s":"a\\u0000b\\ud800\\u202e"}}',
    },
    expect: {},
  },
  { name: "a huge slug", request: post(`{ event(slug: "${"ł".repeat(20_000)}") { title } }`), expect: {} },
  {
    name: "introspection nested 50 deep through ofType",
    request: post(`{ __schema { types { ${"ofType { ".repeat(50)}name${" }".repeat(50)} } } }`),
    expect: { code: "DEPTH_LIMIT_EXCEEDED" },
  },
  {
    name: "a batch",
    request: { method: "POST", headers: json, body: JSON.stringify([{ query: "{ revision { id } }" }, { query: "{ revision { id } }" }]) },
    expect: { status: 400 },
  },
  { name: "a mutation", request: post("mutation { revision { id } }"), expect: { message: /mutation/i } },
  { name: "a mutation over GET", request: get({ query: "mutation { x }" }), expect: { status: 405 } },
  { name: "GET without a query", request: get({}), expect: { code: "BAD_REQUEST" } },
  { name: "a nonsense method", request: { method: "DELETE" }, expect: { status: 405 } },
  {
    name: "variables that are not JSON",
    request: get({ query: "{ revision { id } }", variables: "{nope" }),
    expect: { status: 400, code: "BAD_REQUEST" },
  },
  { name: "variables that are a JSON array", request: get({ query: "{ revision { id } }", variables: "[1]" }), expect: { status: 400 } },
];

const normalQuery = `{ event(slug: "szturm") { title date { gregorian } } }`;
const normalAnswer = { data: { event: { title: "Szturm", date: { gregorian: "1917-11-07/1917-11-08" } } } };

describe("hostile and broken requests", () => {
  let server: Server;
  let tableName: string;
  const transports: Record<string, Send> = {};
  let lambdaHandler: typeof import("../functions/graphql")["handler"];

  beforeAll(async () => {
    const { client } = testClient();
    tableName = await freshTable(client);
    await syncContent({ contentDir: await writeContentFolder(collection), client, tableName });
    server = createServer(createApp({ reads: sdkTableReads(client), tableName, log: false }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    transports.http = async ({ method = "GET", query, body, headers }) => {
      const response = await fetch(query ? `${base}?${query}` : base, { method, headers, body: method === "GET" ? undefined : body });
      return { status: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) };
    };
    process.env.DYNAMODB_ENDPOINT = inject("dynamodbEndpoint");
    process.env.KRONIKA_TABLE = tableName;
    const { handler } = await import("../functions/graphql");
    lambdaHandler = handler;
    transports.lambda = async ({ method = "GET", query, body, headers }) => {
      const result = await handler(functionUrlEvent({ method, query, body, headers }), { awsRequestId: "test" } as never);
      return {
        status: result.statusCode ?? 200,
        body: String(result.body ?? ""),
        headers: (result.headers ?? {}) as Record<string, string>,
      };
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const transport of ["lambda", "http"]) {
    describe(`through the ${transport === "lambda" ? "Lambda handler" : "HTTP server"}`, () => {
      for (const { name, request, expect: expected } of battery) {
        it(`answers ${name} with a 4xx or a 200 with errors, then serves a normal query`, async () => {
          const send = transports[transport];
          const reply = await send(request);
          expect(reply.status, reply.body.slice(0, 300)).toBeLessThan(500);
          if (expected.status) expect(reply.status, reply.body.slice(0, 300)).toBe(expected.status);
          if (reply.status === 200) {
            const result = JSON.parse(reply.body);
            if (expected.code || expected.message) expect(result.errors?.length, reply.body.slice(0, 300)).toBeGreaterThan(0);
          }
          if (expected.code || expected.message) {
            const errors = JSON.parse(reply.body).errors as { message: string; extensions?: { code?: string } }[];
            if (expected.code) expect(errors.map((e) => e.extensions?.code)).toContain(expected.code);
            if (expected.message) expect(errors.map((e) => e.message).join("\n")).toMatch(expected.message);
          }
          expect(reply.body).not.toMatch(/\bat \S+\.(ts|js|mjs):\d+|DynamoDB|ValidationException|INTERNAL_SERVER_ERROR/);
          const normal = await send(post(normalQuery));
          expect(JSON.parse(normal.body)).toEqual(normalAnswer);
        });
      }
    });
  }

  it("answers a header HTTP cannot carry with a 400 through the Lambda handler, and ignores a forged host", async () => {
    for (const value of ["Łódź", "a\r\nx-injected: 1", "emoji 🙂", "nul\u0000"]) {
      const reply = await transports.lambda({ ...post(normalQuery), headers: { ...json, "accept-language": value } });
      expect(reply.status, value).toBe(400);
      expect(JSON.parse(reply.body).errors[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" }, message: /accept-language/ });
    }
    for (const host of ["exa mple.com", "[::1", "a/b?c#d", "%zz", "x".repeat(5000)]) {
      const reply = await transports.lambda({ ...post(normalQuery), headers: { ...json, "x-forwarded-host": host, host } });
      expect(reply.status, host).toBe(200);
      expect(JSON.parse(reply.body)).toEqual(normalAnswer);
    }
  });

  it("answers Function URL events the Fetch API cannot take with a 4xx, never a throw", async () => {
    const base = functionUrlEvent({ ...post(normalQuery), headers: json });
    const odd: [string, object][] = [
      ["TRACE", { ...base, requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method: "TRACE" } } }],
      ["CONNECT", { ...base, requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method: "CONNECT" } } }],
      ["a path that would name another host", { ...base, rawPath: "@evil.example/graphql" }],
      ["a path with a port", { ...base, rawPath: ":99999/graphql" }],
      ["a header name HTTP forbids", { ...base, headers: { ...base.headers, "bad header": "x" } }],
      ["a body that is not text", { ...base, body: { query: "{ revision { id } }" } }],
    ];
    for (const [name, event] of odd) {
      const result = await lambdaHandler(event as never, { awsRequestId: "test" } as never);
      expect(result.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(result.statusCode, name).toBeLessThan(500);
    }
    // Cookies are not read at all, so no cookie can break a request.
    for (const cookies of [["a=1"], ["a=ł"], ["\u0000"]]) {
      const withCookies = await lambdaHandler({ ...base, cookies } as never, { awsRequestId: "test" } as never);
      expect(JSON.parse(String(withCookies.body)), cookies[0]).toEqual(normalAnswer);
    }
  });

  it("never quotes a large request back: error messages are bounded", async () => {
    for (const transport of ["lambda", "http"]) {
      const invalid = await transports[transport]({ method: "POST", headers: json, body: "\u0001".repeat(90_000) });
      expect(invalid.status, transport).toBe(400);
      expect(invalid.body.length, transport).toBeLessThan(4000);
      const longId = await transports[transport](post(`{ node(id: "${"x".repeat(3000)}") { id } }`));
      expect(longId.status, transport).toBeLessThan(500);
      expect(longId.body.length, transport).toBeLessThan(1000);
    }
  });

  it("keeps memory bounded over many rounds of the battery", async () => {
    const send = transports.lambda;
    const rounds = async (n: number) => {
      for (let i = 0; i < n; i += 1) for (const { request } of battery) await send(request);
    };
    await rounds(2);
    const before = process.memoryUsage().heapUsed;
    await rounds(5);
    const growth = process.memoryUsage().heapUsed - before;
    expect(growth).toBeLessThan(150 * 1024 * 1024);
    expect(JSON.parse((await send(post(normalQuery))).body)).toEqual(normalAnswer);
  });

  it("masks internal errors and gives the client the request id that the log carries", async () => {
    const lines: Record<string, unknown>[] = [];
    const broken = createApp({ reads: sdkTableReads(testClient().client), tableName: "no-such-table", log: (line) => lines.push(line) });
    const response = await inRequestScope("req-123", () => broken.fetch("http://localhost/graphql", post(normalQuery)));
    const body = await response.json();
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("x-request-id")).toBe("req-123");
    expect(body.errors[0]).toMatchObject({
      message: "Unexpected error.",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-123" },
    });
    expect(JSON.stringify(body)).not.toMatch(/ResourceNotFound|non-existent table|no-such-table/);
    expect(lines.find((l) => l.level === "error")).toMatchObject({
      requestId: "req-123",
      error: expect.stringMatching(/ResourceNotFound|non-existent/),
    });
  });

  it("allows any origin by CORS, without credentials, and answers preflights", async () => {
    const reply = await transports.http({
      method: "OPTIONS",
      headers: {
        origin: "https://front.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(reply.status).toBeLessThan(300);
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    expect(reply.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});
