import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { type ContentFiles, eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";

const months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const people = ["Włodzimierz Lenin", "Lew Trocki", "Aleksandr Kiereński"];

// 45 generated events, one every week of 1917 (Julian), plus a few hand-written ones.
const generated: ContentFiles = Object.fromEntries(
  Array.from({ length: 45 }, (_, i) => {
    const slug = `zdarzenie-${String(i + 1).padStart(2, "0")}`;
    const month = months[Math.floor(i / 4)];
    const day = String(1 + (i % 4) * 7).padStart(2, "0");
    return [
      `events/${slug}.md`,
      eventFile({
        title: `Zdarzenie ${i + 1}`,
        date: `{ julian: 1917-${month}-${day} }`,
        people: [people[i % 3]],
        tags: [i % 2 === 0 ? "parzyste" : "nieparzyste"],
        sources: i % 2 === 0 ? ["opracowanie", "pipes"] : ["figes"],
        related: i > 0 ? [`zdarzenie-${String(i).padStart(2, "0")}`] : [],
      }),
    ];
  }),
);

const collection: ContentFiles = {
  "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
  "sources/pipes.yaml":
    "type: book\ntitle: The Russian Revolution\nauthor:\n  - family: Pipes\n    given: Richard\nissued:\n  date-parts: [[1990]]\npublisher: Alfred A. Knopf\n",
  "sources/figes.yaml": sourceFile("A People's Tragedy"),
  "sources/dekret-o-pokoju.yaml": "type: legislation\ntitle: Dekret o pokoju\ndate:\n  julian: 1917-10-26\n",
  ...generated,
  "events/szturm.md": eventFile(
    {
      title: "Szturm na Pałac Zimowy",
      date: "{ julian: 1917-10-25/1917-10-26, gregorian: 1917-11-07/1917-11-08 }",
      people: ["Lew Trocki"],
      places: ["Pałac Zimowy"],
      sources: ["opracowanie"],
    },
    "Sygnał dała **Aurora**. <script>alert(1)</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>",
  ),
  "events/cezar.md": eventFile({ title: "Idy marcowe", date: "{ julian: -0043-03-15 }", sources: ["opracowanie"] }),
  "events/konstytuanta.md": eventFile({
    title: "Rozpędzenie Konstytuanty",
    date: "{ julian: 1918-01-06 }",
    people: ["Włodzimierz Lenin"],
    sources: ["opracowanie"],
  }),
  "events/wojna-domowa.md": eventFile({ title: "Wojna domowa", date: "1917-11/1922-10", sources: ["figes"] }),
  "events/szkic.md": eventFile({ title: "Szkic", date: "1917", draft: true }),
};

type GraphQLResult = { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe("GraphQL API", () => {
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let app: ReturnType<typeof createApp>;
  let server: Server;
  let baseUrl: string;
  let lambda: typeof import("../functions/graphql")["handler"];

  beforeAll(async () => {
    env = testClient();
    tableName = await freshTable(env.client);
    const outcome = await syncContent({ contentDir: await writeContentFolder(collection), client: env.client, tableName });
    expect(outcome.status).toBe("applied");
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.DYNAMODB_ENDPOINT = inject("dynamodbEndpoint");
    process.env.KRONIKA_TABLE = tableName;
    lambda = (await import("../functions/graphql")).handler;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<GraphQLResult>;
  };
  // Data access is counted with the response cache off: a cache hit would make no call at all.
  const counted = async (query: string, variables?: Record<string, unknown>) => {
    const uncached = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false, revisionMaxAgeMs: 0 });
    for (const key of Object.keys(env.counts)) delete env.counts[key];
    const response = await uncached.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as GraphQLResult;
    return { result, counts: { ...env.counts } };
  };

  describe("over HTTP", () => {
    it("serves the storming of the Winter Palace in both calendars with a label", async () => {
      const { data } = await post(
        `{ event(slug: "szturm") { title date { calendar edtf julian gregorian start end precision label en: label(locale: EN) } } }`,
      );
      expect(data?.event).toEqual({
        title: "Szturm na Pałac Zimowy",
        date: {
          calendar: "JULIAN",
          edtf: "1917-10-25/1917-10-26",
          julian: "1917-10-25/1917-10-26",
          gregorian: "1917-11-07/1917-11-08",
          start: "1917-11-07",
          end: "1917-11-08",
          precision: "DAY",
          label: "25–26 października (7–8 listopada) 1917",
          en: "25–26 October (7–8 November) 1917",
        },
      });
    });

    it("renders the body as sanitized HTML and as text", async () => {
      const { data } = await post(`{ event(slug: "szturm") { html: body(format: HTML) text: body(format: TEXT) markdown: body } }`);
      expect(data?.event.html).toContain("<strong>Aurora</strong>");
      expect(data?.event.html).not.toMatch(/<script|<img|href="javascript:/i);
      expect(data?.event.text).toBe(
        "Sygnał dała Aurora. <script>alert(1)</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>",
      );
      expect(data?.event.markdown).toContain("**Aurora**");
    });

    it("lists events chronologically across BCE and CE, and in reverse", async () => {
      const { data } = await post(
        `{ first: events(first: 2) { edges { node { slug } } } last: events(first: 2, order: REVERSE_CHRONOLOGICAL) { edges { node { slug } } } }`,
      );
      expect(data?.first.edges.map((e: any) => e.node.slug)).toEqual(["cezar", "zdarzenie-01"]);
      expect(data?.last.edges.map((e: any) => e.node.slug)).toEqual(["konstytuanta", "zdarzenie-45"]);
    });

    it("pages through every published event exactly once, drafts excluded", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 10; page += 1) {
        const { data } = await post(
          `query($after: String) { events(first: 7, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        total = data?.events.totalCount;
        seen.push(...(data?.events.edges ?? []).map((e: any) => e.node.slug));
        if (!data?.events.pageInfo.hasNextPage) break;
        after = data?.events.pageInfo.endCursor;
      }
      expect(total).toBe(49);
      expect(new Set(seen).size).toBe(49);
      expect(seen).not.toContain("szkic");
    });

    it("pages backwards with last and before", async () => {
      const { data } = await post(`{ events(last: 2) { edges { node { slug } } pageInfo { hasPreviousPage hasNextPage } } }`);
      expect(data?.events.edges.map((e: any) => e.node.slug)).toEqual(["zdarzenie-45", "konstytuanta"]);
      expect(data?.events.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
    });

    it("filters by person and by a Gregorian month, overlapping intervals included, in order", async () => {
      const { data } = await post(
        `{ events(first: 100, filter: { people: ["Lew Trocki"], from: "1917-11", to: "1917-11" }) { totalCount edges { node { slug date { julian } } } } }`,
      );
      // Julian 1917-11-22 (zdarzenie-44) is Gregorian 5 December: outside the month.
      expect(data?.events.edges.map((e: any) => e.node.slug)).toEqual(["szturm", "zdarzenie-41"]);
      expect(data?.events.totalCount).toBe(2);
      const wide = await post(`{ events(first: 100, filter: { from: "1920-01-01", to: "1920-12-31" }) { edges { node { slug } } } }`);
      expect(wide.data?.events.edges.map((e: any) => e.node.slug)).toEqual(["wojna-domowa"]);
    });

    it("reads from/to in the Julian calendar when asked", async () => {
      const { data } = await post(
        `{ events(filter: { calendar: JULIAN, from: "1917-10-25", to: "1917-10-25" }) { edges { node { slug } } } }`,
      );
      // The civil war starts with Gregorian November 1917, which is Julian 19 October: it overlaps.
      expect(data?.events.edges.map((e: any) => e.node.slug)).toEqual(["wojna-domowa", "szturm"]);
    });

    it("combines tag, person and source filters", async () => {
      const { data } = await post(
        `{ events(first: 100, filter: { tags: ["parzyste"], people: ["Włodzimierz Lenin"], source: "pipes" }) { totalCount edges { node { slug tags people { slug name } } } } }`,
      );
      const slugs = data?.events.edges.map((e: any) => e.node.slug);
      expect(slugs).toEqual([
        "zdarzenie-01",
        "zdarzenie-07",
        "zdarzenie-13",
        "zdarzenie-19",
        "zdarzenie-25",
        "zdarzenie-31",
        "zdarzenie-37",
        "zdarzenie-43",
      ]);
      expect(data?.events.totalCount).toBe(8);
    });

    it("serves sources with their citing events and their dates in both calendars", async () => {
      const { data } =
        await post(`{ source(slug: "pipes") { title authors issued publisher type events(first: 3) { totalCount edges { node { slug } } } }
        decree: source(slug: "dekret-o-pokoju") { date { gregorian label } } sources { totalCount edges { node { slug } } } }`);
      expect(data?.source).toEqual({
        title: "The Russian Revolution",
        authors: ["Richard Pipes"],
        issued: "1990",
        publisher: "Alfred A. Knopf",
        type: "book",
        events: {
          totalCount: 23,
          edges: [{ node: { slug: "zdarzenie-01" } }, { node: { slug: "zdarzenie-03" } }, { node: { slug: "zdarzenie-05" } }],
        },
      });
      expect(data?.decree.date).toEqual({ gregorian: "1917-11-08", label: "26 października (8 listopada) 1917" });
      expect(data?.sources.totalCount).toBe(4);
      expect(data?.sources.edges.map((e: any) => e.node.slug)).toEqual(["dekret-o-pokoju", "figes", "opracowanie", "pipes"]);
    });

    it("refetches events and sources by global ID", async () => {
      const { data } = await post(`{ event(slug: "szturm") { id } source(slug: "pipes") { id } }`);
      const again = await post(
        `query($e: ID!, $s: ID!) { e: node(id: $e) { id ... on Event { slug } } s: node(id: $s) { ... on Source { slug } } }`,
        { e: data?.event.id, s: data?.source.id },
      );
      expect(again.data).toEqual({ e: { id: data?.event.id, slug: "szturm" }, s: { slug: "pipes" } });
    });

    it("answers the revision", async () => {
      const { data } = await post(`{ revision { id eventCount sourceCount syncedAt } }`);
      expect(data?.revision).toMatchObject({ eventCount: 49, sourceCount: 4 });
      expect(data?.revision.id).toMatch(/^content-[0-9a-f]{16}$/);
    });

    it("rejects bad page sizes, cursors and dates with a clear client error", async () => {
      const tooMany = await post(`{ events(first: 101) { edges { cursor } } }`);
      expect(tooMany.errors?.[0]).toMatchObject({
        message: "first must be between 1 and 100, got 101",
        extensions: { code: "BAD_USER_INPUT" },
      });
      const zero = await post(`{ events(first: 0) { edges { cursor } } }`);
      expect(zero.errors?.[0].message).toBe("first must be between 1 and 100, got 0");
      const cursor = await post(`{ events(after: "bm9wZQ") { edges { cursor } } }`);
      expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      expect(cursor.errors?.[0].message).toMatch(/^invalid cursor/);
      const date = await post(`{ events(filter: { from: "1917-02-30" }) { edges { cursor } } }`);
      expect(date.errors?.[0].message).toBe("filter.from: 1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days)");
      const swapped = await post(`{ events(filter: { from: "1917-11-08", to: "1917-10" }) { edges { cursor } } }`);
      expect(swapped.errors?.[0]).toMatchObject({
        message: "filter.from 1917-11-08 is after filter.to 1917-10: no day lies between them",
        extensions: { code: "BAD_USER_INPUT" },
      });
      const sameMonth = await post(`{ events(filter: { from: "1917-11", to: "1917-11" }) { totalCount } }`);
      expect(sameMonth.errors).toBeUndefined();
    });
  });

  it("ignores a list membership the event no longer backs (one a sync has yet to remove)", async () => {
    const { PutItemCommand } = await import("@aws-sdk/client-dynamodb");
    const { marshall } = await import("@aws-sdk/util-dynamodb");
    const stale = { pk: "EVENT#cezar", sk: "IN#TAG#parzyste", listPk: "TAG#parzyste", listSk: "000000000#stale#cezar", slug: "cezar" };
    await env.client.send(new PutItemCommand({ TableName: tableName, Item: marshall(stale) }));
    const { data } = await post(`{ events(first: 100, filter: { tags: ["parzyste"] }) { edges { node { slug } } } }`);
    const slugs = data?.events.edges.map((e: any) => e.node.slug);
    const { DeleteItemCommand } = await import("@aws-sdk/client-dynamodb");
    await env.client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall({ pk: stale.pk, sk: stale.sk }) }));
    expect(slugs).toHaveLength(23);
    expect(slugs).not.toContain("cezar");
  });

  it("serves the labels the sync stored with a date, and the EDTF for an item stored before dates carried labels", async () => {
    const { GetItemCommand, PutItemCommand } = await import("@aws-sdk/client-dynamodb");
    const { marshall, unmarshall } = await import("@aws-sdk/util-dynamodb");
    const key = marshall({ pk: "EVENT#cezar", sk: "EVENT" });
    const stored = (await env.client.send(new GetItemCommand({ TableName: tableName, Key: key }))).Item;
    if (!stored) throw new Error("no stored event cezar");
    const item = unmarshall(stored);
    const query = `{ event(slug: "cezar") { date { edtf label en: label(locale: EN) } } }`;
    const labelled = (await post(query)).data?.event.date;
    expect(labelled.label).toBe(item.date.labels.pl);
    expect(labelled.en).toBe(item.date.labels.en);
    expect(labelled.label).not.toBe(labelled.edtf);
    const { labels: _labels, ...unlabelled } = item.date;
    await env.client.send(
      new PutItemCommand({ TableName: tableName, Item: marshall({ ...item, date: unlabelled }, { removeUndefinedValues: true }) }),
    );
    // Another text than the first query's, which the response cache keeps for this revision.
    const { data, errors } = await post(`{ event(slug: "cezar") { date { label en: label(locale: EN) edtf } } }`);
    await env.client.send(new PutItemCommand({ TableName: tableName, Item: stored }));
    expect(errors).toBeUndefined();
    expect(data?.event.date).toEqual({ edtf: labelled.edtf, label: labelled.edtf, en: labelled.edtf });
  });

  describe("DynamoDB access", () => {
    const page = `query($first: Int!) { events(first: $first) { edges { node { title date { label } citations { locator source { title } } related { title } } } } }`;

    it("costs the same small number of calls for a page of 20 as for 40, and never scans", async () => {
      const twenty = await counted(page, { first: 20 });
      const forty = await counted(page, { first: 40 });
      expect(twenty.result.errors).toBeUndefined();
      expect(forty.result.data?.events.edges).toHaveLength(40);
      // The timeline query returns whole events (related ones on the page come from it), which keep the title
      // and type of each source they cite: no read of the sources.
      expect(twenty.counts).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
      expect(forty.counts).toEqual(twenty.counts);
    });

    it("reads the cited sources, in one batch, only for a field beyond what the events keep of them, and answers the same", async () => {
      const fields = "slug title type authors issued citation";
      const query = `{ events(first: 40) { edges { node { citations { source { ${fields} } } } } } }`;
      const { result, counts } = await counted(query);
      expect(result.errors).toBeUndefined();
      expect(counts).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 1 });
      const cited = new Map<string, unknown>();
      for (const edge of result.data?.events.edges ?? []) for (const c of edge.node.citations) cited.set(c.source.slug, c.source);
      expect(cited.size).toBeGreaterThan(1);
      for (const [slug, source] of cited) {
        const direct = await post(`{ source(slug: "${slug}") { ${fields} } }`);
        expect(source).toEqual(direct.data?.source);
      }
    });

    it("loads a filtered page's events and related events in one batch each, whatever the page size", async () => {
      const filtered = `query($first: Int!) { events(first: $first, filter: { tags: ["parzyste"] }) { edges { node { title citations { source { title } } related { title } } } } }`;
      const ten = await counted(filtered, { first: 10 });
      const twenty = await counted(filtered, { first: 20 });
      expect(twenty.result.data?.events.edges).toHaveLength(20);
      expect(ten.counts).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 2 });
      expect(twenty.counts).toEqual(ten.counts);
    });

    it("makes a fixed number of calls for each representative query shape, whatever the page size", async () => {
      const shapes: [string, string, Record<string, unknown>, Record<string, number>][] = [
        ["timeline page of 20 with citations and sources", page, { first: 20 }, { GetItemCommand: 1, QueryCommand: 1 }],
        ["timeline page of 100 with citations and sources", page, { first: 100 }, { GetItemCommand: 1, QueryCommand: 1 }],
        [
          "timeline page of 20 with its total count, which the revision holds",
          `query($first: Int!) { events(first: $first) { totalCount edges { node { title citations { source { title } } } } } }`,
          { first: 20 },
          { GetItemCommand: 1, QueryCommand: 1 },
        ],
        [
          "event detail with related events and sources",
          `query($slug: String!) { event(slug: $slug) { title related { title date { label } } citations { source { title } } } }`,
          { slug: "zdarzenie-20" },
          // The revision says which language the collection is written in.
          { GetItemCommand: 1, BatchGetItemCommand: 2 },
        ],
        [
          "source with 20 of its events",
          `query($n: Int!) { source(slug: "pipes") { title events(first: $n) { totalCount edges { node { title citations { source { title } } } } } } }`,
          { n: 20 },
          { GetItemCommand: 1, QueryCommand: 2, BatchGetItemCommand: 2 },
        ],
        [
          "source with 5 of its events",
          `query($n: Int!) { source(slug: "pipes") { title events(first: $n) { totalCount edges { node { title citations { source { title } } } } } } }`,
          { n: 5 },
          { GetItemCommand: 1, QueryCommand: 2, BatchGetItemCommand: 2 },
        ],
      ];
      for (const [name, query, variables, expected] of shapes) {
        const { result, counts } = await counted(query, variables);
        expect(result.errors, name).toBeUndefined();
        expect(counts, name).toEqual(expected);
        expect(counts.ScanCommand, name).toBeUndefined();
      }
    });

    it("costs a constant number of calls for a filtered page and for a source's events", async () => {
      const filtered = await counted(
        `{ events(first: 10, filter: { people: ["Lew Trocki"] }) { edges { node { title citations { source { title } } } } } }`,
      );
      expect(filtered.counts).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 1 });
      const source = await counted(`{ source(slug: "figes") { events(first: 20) { edges { node { title } } } } }`);
      expect(source.counts).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 2 });
    });
  });

  describe("through the Lambda handler with Function URL events", () => {
    const query = `{ event(slug: "szturm") { title date { gregorian } } }`;
    const expected = { data: { event: { title: "Szturm na Pałac Zimowy", date: { gregorian: "1917-11-07/1917-11-08" } } } };

    it("answers a GET query from the query string", async () => {
      const result = await lambda(functionUrlEvent({ query: new URLSearchParams({ query }).toString() }));
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body as string)).toEqual(expected);
    });

    it("answers anniversaries in either calendar: the storming on 7 November and on Julian 25 and 26 October", async () => {
      const onThisDay = (args: string) =>
        lambda(
          functionUrlEvent({
            query: new URLSearchParams({ query: `{ onThisDay(${args}) { totalCount edges { node { slug } } } }` }).toString(),
          }),
        );
      const slugs = async (args: string) => {
        const result = await onThisDay(args);
        expect(result.statusCode).toBe(200);
        const { data } = JSON.parse(result.body as string);
        expect(data.onThisDay.totalCount).toBe(data.onThisDay.edges.length);
        return data.onThisDay.edges.map((e: { node: { slug: string } }) => e.node.slug);
      };
      // Julian 1917-10-25/26 is Gregorian 1917-11-07/08; konstytuanta is Julian 1918-01-06 (Gregorian 19 January).
      expect(await slugs("month: 11, day: 7")).toEqual(["szturm"]);
      expect(await slugs("month: 10, day: 26, calendar: JULIAN")).toEqual(["szturm"]);
      expect(await slugs("month: 1, day: 19")).toEqual(["konstytuanta"]);
      expect(await slugs("month: 1, day: 19, calendar: JULIAN")).toEqual([]);
      // Idy marcowe, 15 March 44 BCE (Julian): day precision across the era.
      expect(await slugs("month: 3, day: 15, calendar: JULIAN")).toContain("cezar");
      const bad = JSON.parse((await onThisDay("month: 2, day: 30")).body as string);
      expect(bad.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "day" });
    });

    it("answers a POST with a JSON body, plain or base64-encoded", async () => {
      const body = JSON.stringify({ query });
      for (const base64 of [false, true]) {
        const result = await lambda(
          functionUrlEvent({ method: "POST", body, base64, headers: { "content-type": "application/json" }, cookies: ["a=1", "b=2"] }),
        );
        expect(result.statusCode).toBe(200);
        expect(result.isBase64Encoded).toBe(false);
        expect(JSON.parse(result.body as string)).toEqual(expected);
      }
    });

    it("answers variables and operation names in a GET", async () => {
      const params = new URLSearchParams({
        query: "query One($slug: String!) { event(slug: $slug) { title } }",
        variables: JSON.stringify({ slug: "cezar" }),
        operationName: "One",
      });
      const result = await lambda(functionUrlEvent({ query: params.toString() }));
      expect(JSON.parse(result.body as string)).toEqual({ data: { event: { title: "Idy marcowe" } } });
    });

    it("rejects malformed JSON with a 4xx and no stack trace", async () => {
      const result = await lambda(functionUrlEvent({ method: "POST", body: "{not json", headers: { "content-type": "application/json" } }));
      expect(result.statusCode).toBeGreaterThanOrEqual(400);
      expect(result.statusCode).toBeLessThan(500);
      expect(result.body).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});
