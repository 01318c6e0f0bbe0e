// The GraphQL function's bundle as the functions' esbuild settings make it: what it carries, and that a
// fresh process serves Function URL events with it.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { environment } from "../core/environment";
import { buildOperationManifest, operationHash, operationManifestJson } from "../core/operations/operation-manifest";
import { syncContent } from "../core/sync/sync";
import { exampleTabs } from "../functions/example-query";
import { buildFunction, esbuildSettings, fileStandIns, filesBesideBundle } from "../infra/function-build";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";

const execute = promisify(execFile);

describe("the GraphQL function's bundle", () => {
  let bundle: string;
  let metafile: Metafile;
  /** The same function built with the packages' own files in place of fileStandIns: what it answered before them. */
  let withPackagesOwnFiles: string;
  let tableName: string;
  beforeAll(async () => {
    ({ outfile: bundle, metafile } = await buildFunction({
      entry: "functions/graphql.ts",
      outdir: await mkdtemp(path.join(tmpdir(), "kronika-bundle-")),
    }));
    const ownFiles = await mkdtemp(path.join(tmpdir(), "kronika-bundle-own-files-"));
    withPackagesOwnFiles = path.join(ownFiles, "index.mjs");
    await build({
      ...esbuildSettings,
      plugins: [],
      entryPoints: ["functions/graphql.ts"],
      outfile: withPackagesOwnFiles,
      logLevel: "warning",
    });
    for (const file of filesBesideBundle["functions/graphql.ts"]) await copyFile(file, path.join(ownFiles, path.basename(file)));
    const { client } = testClient();
    tableName = await freshTable(client);
    await syncContent({ contentDir: "tests/fixtures/collection-1917", client, tableName });
  });

  /** The harness's last line for one mode (tests/support/bundle-harness.ts) with this event. */
  const harness = async (mode: "invoke" | "calls" | "again" | "each", event: unknown, which = bundle): Promise<unknown> => {
    const { stdout } = await execute(
      process.execPath,
      ["--import", "tsx", "tests/support/bundle-harness.ts", mode, which, JSON.stringify(event)],
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

  it("carries neither yoga's landing page, its default GraphiQL page nor the server adapter's uWebSockets.js branch: stand-ins that refuse to be used", () => {
    const inputs = Object.keys(metafile.inputs);
    const replaced = Object.keys(fileStandIns).filter((file) => inputs.some((input) => input.endsWith(`node_modules/${file}`)));
    expect(replaced).toEqual([]);
    expect(inputs.filter((input) => input.startsWith("infra/bundle-stubs/")).sort()).toEqual(
      expect.arrayContaining(Object.values(fileStandIns).sort()),
    );
  });

  it("answers GET, POST, other paths, browsers, CORS preflights and persisted operations exactly as with the packages' own files", async () => {
    const query = '{ event(slug: "szturm-na-palac-zimowy") { title date { label } } }';
    const [, example] = exampleTabs;
    const byHash = (sha256Hash: string) =>
      new URLSearchParams({
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
        variables: example.variables ?? "{}",
      }).toString();
    const html = { accept: "text/html,application/xhtml+xml" };
    const cors = {
      origin: "https://timeline.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    };
    const events = [
      functionUrlEvent({ query: new URLSearchParams({ query }).toString(), headers: { origin: cors.origin } }),
      functionUrlEvent({
        method: "POST",
        body: JSON.stringify({ query }),
        headers: { "content-type": "application/json", origin: cors.origin },
      }),
      functionUrlEvent({ method: "OPTIONS", headers: cors }),
      functionUrlEvent({ query: byHash(operationHash(example.query)) }),
      functionUrlEvent({ query: byHash(operationHash(`${example.query} `)) }),
      // Where yoga would serve its landing page and its own GraphiQL page: browsers go to the GraphiQL site.
      functionUrlEvent({ path: "/", headers: html }),
      functionUrlEvent({ path: "/elsewhere", headers: html }),
      functionUrlEvent({ headers: html }),
      functionUrlEvent({ method: "POST", path: "/elsewhere", body: "{}", headers: { "content-type": "application/json" } }),
      functionUrlEvent({ path: "/graphql/x" }),
      functionUrlEvent({ method: "PUT", body: JSON.stringify({ query }), headers: { "content-type": "application/json" } }),
    ];
    const comparable = (outcomes: unknown) =>
      (outcomes as Outcome[]).map(({ headers, ...rest }) => {
        // A request's own id, and the time its process read the revision, differ from process to process.
        const { "x-request-id": _, "last-modified": readAt, ...same } = headers ?? {};
        return { ...rest, headers: same, revisionReadAt: readAt && !Number.isNaN(Date.parse(readAt)) };
      });
    const [ours, theirs] = await Promise.all([harness("each", events), harness("each", events, withPackagesOwnFiles)]);
    expect(comparable(ours)).toEqual(comparable(theirs));
    expect((ours as Outcome[]).map((outcome) => outcome.statusCode)).toEqual([200, 200, 204, 200, 404, 302, 302, 302, 404, 404, 405]);
    expect((ours as Outcome[])[2].headers["access-control-allow-origin"]).toBe("*");
  });

  it("carries the persisted-operation manifest beside its code, not in it", async () => {
    expect(Object.keys(metafile.inputs).filter((input) => input.endsWith(".json"))).toEqual([]);
    const dir = path.dirname(bundle);
    expect(await readdir(dir)).toContain("persisted-operations.json");
    expect(await readFile(path.join(dir, "persisted-operations.json"), "utf8")).toBe(
      await readFile("functions/persisted-operations.json", "utf8"),
    );
  });

  it("serves the operations of the manifest found beside it when it runs, not of one it was built with", async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), "kronika-bundle-manifest-"));
    await copyFile(bundle, path.join(elsewhere, "index.mjs"));
    const document = "{ __typename }";
    await writeFile(path.join(elsewhere, "persisted-operations.json"), operationManifestJson(buildOperationManifest([document])));
    const byHash = (hash: string) =>
      functionUrlEvent({
        query: new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) }).toString(),
      });
    const [known, shippedOnly] = (await harness(
      "each",
      [byHash(operationHash(document)), byHash(operationHash(exampleTabs[0].query))],
      path.join(elsewhere, "index.mjs"),
    )) as Outcome[];
    expect([known.statusCode, JSON.parse(known.body)]).toEqual([200, { data: { __typename: "Query" } }]);
    expect([shippedOnly.statusCode, JSON.parse(shippedOnly.body).errors[0].message]).toEqual([404, "PersistedQueryNotFound"]);
  });

  it("carries no persisted-operations package: Kronika's plugin serves the manifest in its own few lines", () => {
    const packages = Object.keys(metafile.inputs).filter((file) => /node_modules\/@graphql-yoga\/plugin-persisted-operations\//.test(file));
    expect(packages).toEqual([]);
  });

  it("writes the schema's own characters as UTF-8, not as \\u escapes six bytes long", async () => {
    const code = await readFile(bundle, "utf8");
    expect(code).toContain("1–100");
    expect(code).not.toMatch(/\\u(2013|0144|017a|0142)/i);
  });

  it("carries no response cache built for entity invalidation: Kronika's own keys on the revision", () => {
    const packages = Object.keys(metafile.inputs).filter((file) =>
      /node_modules\/@(envelop|graphql-yoga)\/(plugin-)?response-cache\//.test(file),
    );
    expect(packages).toEqual([]);
  });

  it("carries no date label code: dates come from the store with their labels, made at sync", () => {
    // Every file esbuild read is an input; what the bundle holds of each is in its output's inputs.
    const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint === "functions/graphql.ts");
    const held = Object.entries(output?.inputs ?? {}).filter(([, input]) => input.bytesInOutput > 0);
    expect(held.map(([file]) => file)).toContain("core/dates/edtf.ts");
    expect(held.filter(([file]) => file.endsWith("core/dates/label.ts"))).toEqual([]);
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
