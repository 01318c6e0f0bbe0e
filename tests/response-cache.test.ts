import { beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";

const files = (title: string): ContentFiles => ({
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "events/szturm.md": eventFile({ title, date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
  "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
});

describe("the response cache", () => {
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let contentDir: string;
  let app: ReturnType<typeof createApp>;
  const lines: Record<string, unknown>[] = [];
  const url = `http://localhost/graphql?${new URLSearchParams({ query: "{ events { edges { node { title } } } }" })}`;
  const calls = () => Object.values(env.counts).reduce((sum, n) => sum + n, 0);

  beforeAll(async () => {
    env = testClient();
    tableName = await freshTable(env.client);
    contentDir = await writeContentFolder(files("Szturm"));
    await syncContent({ contentDir, client: env.client, tableName });
    // Read the revision on every request, so the test sees a new one at once.
    app = createApp({ reads: sdkTableReads(env.client), tableName, revisionMaxAgeMs: 0, log: (line) => lines.push(line) });
  });

  it("answers a repeated query from memory: revision reads only, no parse, validate or execute", async () => {
    const first = await app.fetch(url);
    const body = await first.text();
    const before = { all: calls(), revisionReads: env.counts.GetItemCommand ?? 0 };
    const again = await app.fetch(url);
    expect(await again.text()).toBe(body);
    // This app reads the revision on every use (deployed: at most every 5 s); nothing else touches DynamoDB.
    const revisionReads = (env.counts.GetItemCommand ?? 0) - before.revisionReads;
    expect(revisionReads).toBeGreaterThan(0);
    expect(calls() - before.all).toBe(revisionReads);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(lines.at(-1)).toMatchObject({ cacheHit: true, dynamodbCalls: 0 });
  });

  it("answers If-None-Match with 304 and no body", async () => {
    const first = await app.fetch(url);
    const etag = first.headers.get("etag") as string;
    const conditional = await app.fetch(url, { headers: { "if-none-match": etag } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe("");
  });

  it("keys on variables: other variables, another entry", async () => {
    const query = "query($slug: String!) { event(slug: $slug) { title } }";
    const one = await app.fetch(
      `http://localhost/graphql?${new URLSearchParams({ query, variables: JSON.stringify({ slug: "szturm" }) })}`,
    );
    const two = await app.fetch(`http://localhost/graphql?${new URLSearchParams({ query, variables: JSON.stringify({ slug: "zjazd" }) })}`);
    expect(one.headers.get("etag")).not.toBe(two.headers.get("etag"));
    expect((await two.json()).data.event.title).toBe("Zjazd");
  });

  it("serves the new content as soon as a sync publishes a new revision", async () => {
    const old = await app.fetch(url);
    const oldEtag = old.headers.get("etag");
    await writeContentFolder(files("Szturm na Pałac Zimowy"), contentDir);
    await syncContent({ contentDir, client: env.client, tableName });
    const fresh = await app.fetch(url);
    expect(fresh.headers.get("etag")).not.toBe(oldEtag);
    expect(JSON.stringify(await fresh.json())).toContain("Szturm na Pałac Zimowy");
    const stale = await app.fetch(url, { headers: { "if-none-match": oldEtag as string } });
    expect(stale.status).toBe(200);
  });

  it("sends a repeated GET's bytes without GraphQL, and drops them when the revision changes", async () => {
    const query = `http://localhost/graphql?${new URLSearchParams({ query: '{ event(slug: "zjazd") { title } }' })}`;
    const first = await app.fetch(query);
    expect(first.headers.get("x-cache")).toBeNull();
    const body = await first.text();
    const again = await app.fetch(query);
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(await again.text()).toBe(body);
    expect(lines.at(-1)).toMatchObject({ cacheHit: true, dynamodbCalls: 0 });
    const other = await app.fetch(query, { headers: { accept: "application/graphql-response+json" } });
    expect(other.headers.get("x-cache")).toBeNull();

    const renamed = files("Szturm");
    renamed["events/zjazd.md"] = renamed["events/zjazd.md"].replace('title: "Zjazd"', 'title: "II Zjazd Rad"');
    await writeContentFolder(renamed, contentDir);
    await syncContent({ contentDir, client: env.client, tableName });
    const fresh = await app.fetch(query);
    expect(fresh.headers.get("x-cache")).toBeNull();
    expect((await fresh.json()).data.event.title).toBe("II Zjazd Rad");
  });

  const post = (query: string, headers: Record<string, string> = {}) =>
    app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });

  it("answers a repeated POST from memory with the ETag and Last-Modified of the answer it kept", async () => {
    const query = '{ event(slug: "szturm") { title } }';
    const first = await post(query);
    const body = await first.text();
    expect(lines.at(-1)).toMatchObject({ cacheHit: false });
    const again = await post(query);
    expect(await again.text()).toBe(body);
    expect(lines.at(-1)).toMatchObject({ cacheHit: true, dynamodbCalls: 0 });
    expect(again.headers.get("etag")).toMatch(/^"[\w-]{8}-[\w-]{24}"$/);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("last-modified")).toBe(first.headers.get("last-modified"));
    expect((await post(query, { "if-none-match": first.headers.get("etag") as string })).status).toBe(304);
  });

  it("keeps no introspection of the whole schema, though the answer carries its ETag", async () => {
    const query = "{ __schema { queryType { name } } }";
    const first = await post(query);
    expect(await first.json()).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    expect(first.headers.get("etag")).toMatch(/^"[\w-]{8}-[\w-]{24}"$/);
    await post(query);
    expect(lines.at(-1)).toMatchObject({ cacheHit: false });
    const typeQuery = '{ __type(name: "Event") { name } }';
    await post(typeQuery);
    await post(typeQuery);
    expect(lines.at(-1)).toMatchObject({ cacheHit: true });
  });

  it("does not cache errors", async () => {
    const bad = `http://localhost/graphql?${new URLSearchParams({ query: "{ events(first: 0) { totalCount } }" })}`;
    const first = await app.fetch(bad);
    expect(first.headers.get("etag")).toBeNull();
    expect(first.headers.get("cache-control")).toBe("no-store");
  });
});
