import path from "node:path";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { snippet } from "../core/search/snippet";
import { stem, terms } from "../core/search/terms";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

describe("search terms", () => {
  it("fold case, diacritics and ł, and meet inflected Polish forms", () => {
    expect(terms("Pałacu Zimowego", "pl")).toEqual(terms("pałac zimowy", "pl"));
    expect(terms("bolszewików", "pl")).toEqual(terms("bolszewicy", "pl"));
    expect(terms("Piotrogrodzie", "pl")).toEqual(terms("Piotrogród", "pl"));
    expect(stem("dekretu", "pl")).toBe(stem("dekret", "pl"));
    expect(terms("o ziemi", "pl")).toEqual(["ziem"]);
    expect(terms("The storming", "en")).toEqual(["storm"]);
  });

  it("make snippets that escape the text and mark the matches", () => {
    expect(snippet("Tekst <b>przed</b>. Szturm na Pałac Zimowy & dalej.", "palac", "pl")).toBe(
      "Tekst &lt;b&gt;przed&lt;/b&gt;. Szturm na <mark>Pałac</mark> Zimowy &amp; dalej.",
    );
  });
});

describe("search over the 1917 collection", () => {
  let env: ReturnType<typeof testClient>;
  let app: ReturnType<typeof createApp>;
  let tableName: string;
  const slugs = async (query: string, extra = "") => {
    const { data, errors } = await postQuery(
      app,
      `query($q: String!) { search(query: $q${extra}) { totalCount edges { node { slug } } } }`,
      { variables: { q: query } },
    );
    expect(errors).toBeUndefined();
    return data.search.edges.map((e: any) => e.node.slug) as string[];
  };

  beforeAll(async () => {
    env = testClient();
    tableName = await freshTable(env.client);
    await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client: env.client, tableName });
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
  });

  it("finds the Winter Palace however it is written, first", async () => {
    for (const query of ["palac zimowy", "Pałacu Zimowego", "PAŁAC ZIMOWY"]) expect((await slugs(query))[0]).toBe("szturm-na-palac-zimowy");
  });

  it("finds inflected forms: bolszewików, dekretu o ziemi, Piotrogrodzie", async () => {
    expect(await slugs("bolszewikow")).toEqual(expect.arrayContaining(["decyzja-o-powstaniu", "bolszewicy-wiekszosc-w-radach"]));
    expect((await slugs("dekretu o ziemi"))[0]).toBe("dekret-o-ziemi");
    expect((await slugs("Piotrogrodzie")).length).toBeGreaterThanOrEqual(10);
  });

  it("finds English text in translations, and serves the hit in English with a marked snippet", async () => {
    const { data } = await postQuery(
      app,
      `{ search(query: "storming palace", locale: EN) { edges { score snippet node { slug locale title } } } }`,
    );
    expect(data.search.edges[0].node).toEqual({ slug: "szturm-na-palac-zimowy", locale: "EN", title: "The storming of the Winter Palace" });
    expect(data.search.edges[0].snippet).toContain("<mark>");
  });

  it("combines with filters and pages with cursors", async () => {
    const withLenin = await slugs("bolszewikow", ', filter: { people: ["wlodzimierz-lenin"] }');
    expect(withLenin.length).toBeGreaterThan(0);
    expect(withLenin).not.toContain("obsadzenie-punktow-strategicznych");
    const { data } = await postQuery(
      app,
      `{ search(query: "Piotrogrodzie", first: 3) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`,
    );
    const next = await postQuery(
      app,
      `query($after: String) { search(query: "Piotrogrodzie", first: 3, after: $after) { edges { node { slug } } } }`,
      { variables: { after: data.search.pageInfo.endCursor } },
    );
    expect(data.search.pageInfo.hasNextPage).toBe(true);
    expect(next.data.search.edges.map((e: any) => e.node.slug)).not.toContain(data.search.edges[0].node.slug);
    const bad = await postQuery(app, `{ search(query: "x", after: "bm9wZQ") { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("loads the index once per revision and never scans", async () => {
    await slugs("Moskwa");
    for (const key of Object.keys(env.counts)) delete env.counts[key];
    await slugs("Smolny");
    expect(env.counts.ScanCommand).toBeUndefined();
    expect(env.counts.QueryCommand ?? 0).toBe(0);
  });

  it("keeps only the published revision's index after a new sync", async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja", "article"),
      "events/szturm.md": eventFile({ title: "Szturm na Pałac Zimowy", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
    });
    const table = await freshTable(env.client);
    await syncContent({ contentDir: dir, client: env.client, tableName: table, revisionId: "one" });
    await writeContentFolder(
      {
        "sources/opracowanie.yaml": sourceFile("Rewolucja", "article"),
        "events/szturm.md": eventFile({ title: "Zdobycie Pałacu", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
      },
      dir,
    );
    await syncContent({ contentDir: dir, client: env.client, tableName: table, revisionId: "two", allowMassDelete: true });
    const chunks = await env.client.send(
      new QueryCommand({ TableName: table, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "SEARCH" } } }),
    );
    expect((chunks.Items ?? []).map((i) => i.sk.S?.split("#")[0])).toEqual(["two"]);
    const fresh = createApp({ reads: sdkTableReads(env.client), tableName: table, log: false, responseCache: false });
    const { data } = await postQuery(fresh, `{ search(query: "zdobycie") { edges { node { title } } } }`);
    expect(data.search.edges).toEqual([{ node: { title: "Zdobycie Pałacu" } }]);
  });
});
