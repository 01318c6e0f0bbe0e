// The preview site in Debian's Chromium, on `npm start` with a copy of the 1917 collection: the timeline,
// search and filters, an event page, people and places, drafts, live reload after a save, the error overlay,
// accessibility (axe-core) and a phone-width layout. Screenshots are kept in test-results/.
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import { freePort } from "./support/free-port";
import { jpegOf, sidecarFile, writeMediaFiles } from "./support/media-files";
import { type StartedProcess, startKronika } from "./support/start-process";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const draft = `---
title: Szkic o Smolnym
date: { julian: 1917-10-24 }
places: [Smolny]
sources:
  - source: opracowanie-rewolucja-pazdziernikowa
draft: true
---
Szkic wydarzenia, jeszcze nieopublikowany.
`;

describe("the preview site", () => {
  let kronika: StartedProcess;
  let browser: Browser;
  let base: string;
  let contentDir: string;

  const open = async (query = "", viewport = { width: 1200, height: 900 }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(String(error)));
    page.on("requestfailed", (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
    (page as Page & { failures: string[] }).failures = failures;
    await page.goto(`${base}/${query}`);
    await page.locator("main h1").first().waitFor({ timeout: 30_000 });
    return page;
  };
  const cards = (page: Page) => page.locator(".event-card h4 a").allInnerTexts();
  const accessibilityProblems = async (page: Page) => {
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(async () => (window as unknown as { axe: { run: () => Promise<any> } }).axe.run());
    return (results.violations as { id: string; impact: string; nodes: unknown[] }[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length})`);
  };

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(tmpdir(), "kronika-preview-"));
    await cp(path.resolve("tests/fixtures/collection-1917"), contentDir, { recursive: true });
    await writeFile(path.join(contentDir, "events", "szkic-o-smolnym.md"), draft);
    // An image made here, on the abdication's page.
    await writeMediaFiles(contentDir, {
      "gradient.jpg": await jpegOf(700, 400),
      "gradient.yaml": sidecarFile({ alt: "Gradient barw, obraz testowy", caption: "Obraz testowy" }),
    });
    const abdication = path.join(contentDir, "events", "abdykacja-mikolaja-ii.md");
    const text = await readFile(abdication, "utf8");
    await writeFile(abdication, text.replace(/^---\n/, "---\nmedia:\n  - media: gradient\n    caption: Podpis wydarzenia\n"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    kronika = startKronika(["--content", contentDir], { PORT: String(port) });
    await kronika.waitFor(/preview of the timeline/, 120_000);
    browser = await launchChromium();
    await mkdir("test-results", { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await kronika?.stop();
  });

  it("lists the collection by year and month, dates in both calendars, with the draft badged", async () => {
    const page = await open();
    await expect.poll(() => page.locator(".total").innerText()).toBe("34 wydarzenia");
    const titles = await cards(page);
    expect(titles[0]).toBe("Rewolucja lutowa");
    expect(await page.locator("section.year h2").first().innerText()).toBe("1917");
    expect(await page.locator(".event-card .date").first().innerText()).toBe("23–27 lutego (8–12 marca) 1917");
    const draftCard = page.locator('.event-card[data-slug="szkic-o-smolnym"]');
    expect(await draftCard.locator(".badge.draft").innerText()).toBe("SZKIC");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("pl");
    await page.screenshot({ path: "test-results/preview-timeline.png", fullPage: false });
    expect((page as Page & { failures: string[] }).failures).toEqual([]);
    await page.close();
  });

  it("never puts the draft in the public API", async () => {
    const response = await fetch(
      `${base}/graphql?query=${encodeURIComponent('{ event(slug: "szkic-o-smolnym") { title } events { totalCount } }')}`,
      {
        headers: { accept: "application/json" },
      },
    );
    expect(await response.json()).toEqual({ data: { event: null, events: { totalCount: 33 } } });
  });

  it("searches, and filters by a person's chip, reading the API by GET", async () => {
    const page = await open();
    const graphqlRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/graphql")) graphqlRequests.push(request.method());
    });
    await page.getByLabel("Szukaj wydarzeń").fill("Pałacu Zimowego");
    await page.getByRole("button", { name: "Szukaj" }).click();
    await expect.poll(() => page.locator(".snippet mark").count()).toBeGreaterThan(0);
    expect(await cards(page)).toContain("Szturm na Pałac Zimowy");
    expect(page.url()).toContain("q=Pa%C5%82acu+Zimowego");
    await page.locator("a.clear").click();
    await expect.poll(() => page.locator(".total").innerText()).toBe("34 wydarzenia");
    await page.locator(".chip", { hasText: "Lew Trocki" }).click();
    await expect.poll(() => page.locator(".total").innerText()).not.toBe("34 wydarzenia");
    expect(page.url()).toContain("who=lew-trocki");
    const total = Number((await page.locator(".total").innerText()).split(" ")[0]);
    expect(total).toBeGreaterThan(3);
    expect(await page.locator(".event-card").count()).toBe(total);
    expect(new Set(graphqlRequests)).toEqual(new Set(["GET"]));
    await page.close();
  });

  it("names every query by its persisted hash, never by its text, and gets answers", async () => {
    const page = await browser.newPage();
    const asked: { url: URL; status: Promise<number | undefined> }[] = [];
    page.on("request", (request) => {
      if (!request.url().includes("/graphql")) return;
      asked.push({ url: new URL(request.url()), status: request.response().then((response) => response?.status()) });
    });
    await page.goto(`${base}/?event=szturm-na-palac-zimowy`);
    await expect.poll(() => page.locator("main h1").innerText(), { timeout: 15_000 }).toBe("Szturm na Pałac Zimowy");
    await page.getByRole("link", { name: "Aleksandr Kiereński" }).first().click();
    await expect.poll(() => page.locator("main h1").innerText(), { timeout: 15_000 }).toBe("Aleksandr Kiereński");
    await page.goto(`${base}/?q=Aurory`);
    await expect.poll(() => page.locator(".snippet mark").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(asked.length).toBeGreaterThanOrEqual(4);
    for (const { url, status } of asked) {
      expect(url.searchParams.has("query"), url.search).toBe(false);
      const { persistedQuery } = JSON.parse(url.searchParams.get("extensions") ?? "{}");
      expect(persistedQuery?.sha256Hash, url.search).toMatch(/^[0-9a-f]{64}$/);
      expect(await status, url.search).toBe(200);
    }
    await page.close();
  });

  it("shows an event with its sources in Chicago or APA, its people and places, and follows their links", async () => {
    const page = await open("?event=szturm-na-palac-zimowy");
    expect(await page.locator("main h1").innerText()).toBe("Szturm na Pałac Zimowy");
    expect(await page.locator(".citations li").allInnerTexts()).toContain(
      "John Reed, Ten Days That Shook the World (New York: Boni & Liveright, 1919), rozdz. IV.",
    );
    await page.getByRole("link", { name: "APA" }).click();
    await expect.poll(() => page.locator(".citations li").allInnerTexts()).toContain("(Reed, 1919, Rozdział IV)");
    await page.getByRole("link", { name: "Pałac Zimowy" }).click();
    await expect.poll(() => page.locator("main h1").innerText()).toBe("Pałac Zimowy");
    await page.getByRole("link", { name: "Piotrogród" }).first().click();
    await expect.poll(() => page.locator("main h1").innerText()).toBe("Piotrogród");
    expect(await page.locator("main").innerText()).toContain("Leningrad");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it("shows an event's image from npm start's renditions, with srcset in AVIF, WebP and the original's format", async () => {
    const page = await open("?event=abdykacja-mikolaja-ii");
    const image = page.locator("main figure img");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await image.getAttribute("alt")).toBe("Gradient barw, obraz testowy");
    expect([await image.getAttribute("width"), await image.getAttribute("height")]).toEqual(["700", "400"]);
    const widths = (srcset: string | null) => (srcset ?? "").split(",").map((candidate) => candidate.trim().split(" ")[1]);
    expect(widths(await image.getAttribute("srcset"))).toEqual(["320w", "640w", "700w"]);
    for (const type of ["image/avif", "image/webp"]) {
      const srcset = await page.locator(`main figure source[type="${type}"]`).getAttribute("srcset");
      expect(widths(srcset), type).toEqual(["320w", "640w", "700w"]);
      // Each candidate is served, as what it says it is.
      for (const candidate of (srcset ?? "").split(",")) {
        const response = await page.request.get(`${base}${candidate.trim().split(" ")[0]}`);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe(type);
      }
    }
    const caption = await page.locator("main figure figcaption").innerText();
    expect(caption).toContain("Podpis wydarzenia");
    expect(caption).toContain("Kronika, test");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: "test-results/preview-event-image.png" });
    await page.close();
  });

  it("serves English when asked, with lang set", async () => {
    const page = await open("?event=szturm-na-palac-zimowy&lang=en");
    expect(await page.locator("main h1").innerText()).toBe("The storming of the Winter Palace");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.locator("main").getAttribute("lang")).toBe("en");
    expect(await page.locator(".date").first().innerText()).toContain("October");
    await page.close();
  });

  it("has no serious accessibility problems, and reads well at phone width", async () => {
    const page = await open("", { width: 390, height: 844 });
    expect(await accessibilityProblems(page)).toEqual([]);
    // Nothing wider than the screen, and the first event in the first screenful (the filters fold away).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await page.locator(".event-card").first().boundingBox())?.y).toBeLessThan(844);
    expect(await page.locator("details.filters").getAttribute("open")).toBeNull();
    await page.screenshot({ path: "test-results/preview-phone.png" });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.close();
  });

  it("follows a save without a reload, and shows a broken save as an overlay over the last good page", async () => {
    const page = await open("?event=szturm-na-palac-zimowy");
    const file = path.join(contentDir, "events", "szturm-na-palac-zimowy.md");
    const original = await readFile(file, "utf8");
    await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
    await writeFile(file, original.replace("title: Szturm na Pałac Zimowy", "title: Zdobycie Pałacu Zimowego"));
    // How soon is measured, not asserted here (these machines are shared): the page follows without a reload.
    await expect.poll(() => page.locator("main h1").innerText(), { timeout: 15_000, interval: 50 }).toBe("Zdobycie Pałacu Zimowego");
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    await writeFile(file, original.replace("julian: 1917-10-25/1917-10-26", "julian: 1917-10-25/1917-10-32"));
    const overlay = page.locator("#content-errors");
    await overlay.waitFor({ timeout: 15_000 });
    expect(await overlay.innerText()).toMatch(/szturm-na-palac-zimowy\.md:\d+:\d+ date-invalid/);
    expect(await page.locator("main h1").innerText()).toBe("Zdobycie Pałacu Zimowego");
    await page.screenshot({ path: "test-results/preview-overlay.png" });
    await writeFile(file, original);
    await overlay.waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(() => page.locator("main h1").innerText()).toBe("Szturm na Pałac Zimowy");
    await page.close();
  });
});
