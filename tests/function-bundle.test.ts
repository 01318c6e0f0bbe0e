// The GraphQL function's bundle as the functions' esbuild settings make it: what it carries, and that a
// fresh process serves Function URL events with it.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { environment } from "../core/environment";
import { syncContent } from "../core/sync/sync";
import { esbuildSettings } from "../infra/function-bundling";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";

const execute = promisify(execFile);

describe("the GraphQL function's bundle", () => {
  let bundle: string;
  let metafile: Metafile;
  let tableName: string;
  beforeAll(async () => {
    bundle = path.join(await mkdtemp(path.join(tmpdir(), "kronika-bundle-")), "index.mjs");
    ({ metafile } = await build({
      ...esbuildSettings,
      entryPoints: ["functions/graphql.ts"],
      outfile: bundle,
      metafile: true,
      logLevel: "warning",
    }));
    const { client } = testClient();
    tableName = await freshTable(client);
    await syncContent({ contentDir: "tests/fixtures/collection-1917", client, tableName });
  });

  /** The harness's last line for one mode (tests/support/bundle-harness.ts) with this event. */
  const harness = async (mode: "invoke" | "calls" | "again", event: unknown): Promise<unknown> => {
    const { stdout } = await execute(
      process.execPath,
      ["--import", "tsx", "tests/support/bundle-harness.ts", mode, bundle, JSON.stringify(event)],
      {
        env: {
          ...process.env,
          [environment.endpoint]: inject("dynamodbEndpoint"),
          [environment.tableName]: tableName,
          [environment.log]: "off",
          AWS_REGION: "local",
        },
      },
    );
    return JSON.parse(stdout.trim().split("\n").pop() as string);
  };
  interface Outcome {
    statusCode: number;
    body: string;
    headers: Record<string, string>;
    calls?: { whileLoading: string[]; whileInvoked: string[] };
  }
  const invoke = async (event: unknown, mode: "invoke" | "calls" = "invoke") => (await harness(mode, event)) as Outcome;
  const twice = async (event: unknown) => (await harness("again", event)) as { first: Outcome; second: Outcome; requestsBuilt: number };

  it("carries neither a Fetch API ponyfill, a multipart parser, a URLPattern polyfill nor an LRU cache package: Node 22's own and small stand-ins", () => {
    const packages = Object.keys(metafile.inputs).filter((file) =>
      /node_modules\/(@whatwg-node\/(node-)?fetch|@fastify\/busboy|urlpattern-polyfill|lru-cache)\//.test(file),
    );
    expect(packages).toEqual([]);
  });

  it("carries no response cache built for entity invalidation: Kronika's own keys on the revision", () => {
    const packages = Object.keys(metafile.inputs).filter((file) =>
      /node_modules\/@(envelop|graphql-yoga)\/(plugin-)?response-cache\//.test(file),
    );
    expect(packages).toEqual([]);
  });

  it("reads the revision while it loads: its first request makes no revision read of its own", async () => {
    const query = "{ events(first: 3) { edges { node { title } } } }";
    const first = await invoke(functionUrlEvent({ query: new URLSearchParams({ query }).toString() }), "calls");
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body).data.events.edges).toHaveLength(3);
    // The revision (the response cache's key, the date bounds) was read at load; the page is one Query.
    expect(first.calls).toEqual({ whileLoading: ["GetItem"], whileInvoked: ["Query"] });
  });

  it("answers a repeated GET from the bytes it keeps, as the app does, without building a Fetch API request", async () => {
    const query = '{ event(slug: "szturm-na-palac-zimowy") { title date { label } } }';
    const { first, second, requestsBuilt } = await twice(functionUrlEvent({ query: new URLSearchParams({ query }).toString() }));
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-cache"]).toBeUndefined();
    expect(second).toMatchObject({ statusCode: 200, body: first.body, isBase64Encoded: false });
    expect(second.headers["x-cache"]).toBe("hit");
    const { "x-cache": _, "x-request-id": secondId, ...same } = second.headers;
    const { "x-request-id": firstId, ...firstHeaders } = first.headers;
    expect(same).toEqual(firstHeaders);
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).not.toBe(firstId);
    expect(requestsBuilt).toBe(0);
    // A POST of the same query is the app's (its cache is GraphQL's, which needs the parsed body).
    const posted = await twice(
      functionUrlEvent({ method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json" } }),
    );
    expect(posted.second.statusCode).toBe(200);
    expect(posted.requestsBuilt).toBeGreaterThan(0);
  });

  it("answers its endpoint, and another path with 404, a multipart or form body with 415", async () => {
    const post = (contentType: string, body: string) =>
      functionUrlEvent({ method: "POST", body, headers: { "content-type": contentType } });
    const answered = await invoke(post("application/json", JSON.stringify({ query: "{ __typename }" })));
    expect([answered.statusCode, JSON.parse(answered.body)]).toEqual([200, { data: { __typename: "Query" } }]);
    const slash = await invoke(functionUrlEvent({ path: "/graphql/", query: "query=%7B__typename%7D" }));
    expect(slash.statusCode).toBe(200);
    expect((await invoke(functionUrlEvent({ path: "/elsewhere" }))).statusCode).toBe(404);
    expect((await invoke(functionUrlEvent({ path: "/graphql/x" }))).statusCode).toBe(404);
    const multipart = `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n`;
    for (const event of [
      post("multipart/form-data; boundary=x", multipart),
      post("application/x-www-form-urlencoded", "query=%7B__typename%7D"),
    ]) {
      const refused = await invoke(event);
      expect(refused.statusCode).toBe(415);
      expect(JSON.parse(refused.body).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });
});
