import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";

// Debian's Chromium, started as this machine allows: no sandbox as root, no background network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("GraphiQL in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let url: string;
  const external: string[] = [];

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
    server = createServer(createApp({ client, tableName, graphiql: { render: renderGraphiQL } }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it("opens offline with the example query and runs it, showing both calendars", async () => {
    const page = await browser.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith("http://127.0.0.1") && !request.url().startsWith("data:") && !request.url().startsWith("blob:"))
        external.push(request.url());
    });
    await page.goto(url);
    await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
    // Monaco renders spaces as no-break spaces and wraps long lines.
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, which is what this checks.
    const textOf = async (selector: string) => (await page.locator(selector).first().innerText()).replace(/[\s\u00a0]+/g, " ");
    await expect.poll(() => textOf(".graphiql-query-editor"), { timeout: 15_000 }).toContain("query Timeline");
    await page.locator(".graphiql-execute-button").first().click();
    await expect
      .poll(() => textOf(".graphiql-response"), { timeout: 15_000 })
      .toContain('"label": "25–26 października (7–8 listopada) 1917"');

    expect(external).toEqual([]);
  });
});
