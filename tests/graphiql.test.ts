import { mkdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { exampleTabs, withExampleTabs } from "../functions/example-query";
import { writeGraphiqlSite } from "../infra/graphiql-site";
import { launchChromium } from "./support/chromium";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { freePort } from "./support/free-port";
import { startKronika } from "./support/start-process";

describe("GraphiQL in Chromium", () => {
  let server: Server;
  let site: Server;
  let browser: Browser;
  let url: string;
  let siteUrl: string;

  beforeAll(async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const contentDir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({
        title: "Szturm na Pałac Zimowy",
        date: "{ julian: 1917-10-25/1917-10-26 }",
        sources: ["opracowanie"],
      }),
    });
    await syncContent({ contentDir, client, tableName });
    server = createServer(
      createApp({ reads: sdkTableReads(client), tableName, graphiql: { render: withExampleTabs(renderGraphiQL) }, log: false }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    // The deployed layout: the static GraphiQL site under /graphiql/ and the API at /graphql, on one origin.
    const siteDir = writeGraphiqlSite(path.join(tmpdir(), `kronika-graphiql-${process.pid}`), { endpoint: "/graphql" });
    const api = createApp({ reads: sdkTableReads(client), tableName, graphiql: { redirectTo: "/graphiql/" }, log: false });
    site = createServer(async (request, response) => {
      if (!request.url?.startsWith("/graphiql/")) return api(request, response);
      const name = request.url.slice("/graphiql/".length) || "index.html";
      const types: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css", ico: "image/x-icon" };
      try {
        const body = await readFile(path.join(siteDir, path.basename(name)));
        response.writeHead(200, { "content-type": types[name.split(".").pop() ?? ""] ?? "application/octet-stream" }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await new Promise<void>((resolve) => site?.close(() => resolve()));
  });

  async function runExampleQuery(address: string) {
    // A reader of the Polish collection: labels come in the language the browser asks for.
    const page = await browser.newPage({ locale: "pl-PL" });
    const external: string[] = [];
    page.on("request", (request) => {
      if (!/^(http:\/\/127\.0\.0\.1|data:|blob:)/.test(request.url())) external.push(request.url());
    });
    await page.goto(address);
    await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
    // Monaco renders spaces as no-break spaces and wraps long lines.
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, which is what this checks.
    const textOf = async (selector: string) => (await page.locator(selector).first().innerText()).replace(/[\s\u00a0]+/g, " ");
    await expect.poll(() => textOf(".graphiql-query-editor"), { timeout: 15_000 }).toContain("query Timeline");
    await page.locator(".graphiql-execute-button").first().click();
    await expect
      .poll(() => textOf(".graphiql-response"), { timeout: 15_000 })
      .toContain('"label": "25–26 października (7–8 listopada) 1917"');
    await page.close();
    return external;
  }

  it("opens offline with the example query and runs it, showing both calendars", async () => {
    expect(await runExampleQuery(url)).toEqual([]);
  });

  it("works as the deployed static site: a browser opening /graphql is sent to /graphiql/, which runs the query", async () => {
    expect(await runExampleQuery(`${siteUrl}/graphql`)).toEqual([]);
  });

  it("on npm start with the 1917 collection: example tabs, a result naming the Winter Palace, the Event type in the docs", async () => {
    const port = await freePort();
    const kronika = startKronika(["--content", "tests/fixtures/collection-1917"], { PORT: String(port) });
    try {
      await kronika.waitFor(/GraphQL and GraphiQL at/, 90_000);
      // Tall enough that Monaco renders the whole result, not only the lines in view.
      const page = await browser.newPage({ viewport: { width: 1400, height: 5000 } });
      const external: string[] = [];
      page.on("request", (request) => {
        if (!/^(http:\/\/(127\.0\.0\.1|localhost)|data:|blob:)/.test(request.url())) external.push(request.url());
      });
      await page.goto(`http://127.0.0.1:${port}/graphql`);
      await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees.
      const textOf = async (selector: string) => (await page.locator(selector).first().innerText()).replace(/[\s\u00a0]+/g, " ");
      await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 15_000 }).toBe(exampleTabs.length);
      await expect.poll(() => textOf(".graphiql-query-editor"), { timeout: 15_000 }).toContain("query Timeline");
      await page.locator(".graphiql-execute-button").first().click();
      // In the browser's language: Chromium asks for English.
      await expect.poll(() => textOf(".graphiql-response"), { timeout: 15_000 }).toMatch(/Pałac Zimowy|Winter Palace/);
      await page.locator('button[aria-label="Show Documentation Explorer"]').first().click();
      await page.locator(".graphiql-doc-explorer").first().getByText("Query", { exact: true }).first().click();
      await expect.poll(() => textOf(".graphiql-doc-explorer"), { timeout: 15_000 }).toContain("Event");
      await mkdir("test-results", { recursive: true });
      await page.screenshot({ path: "test-results/graphiql.png" });
      expect(external).toEqual([]);
      await page.close();
    } finally {
      await kronika.stop();
    }
  });
});
