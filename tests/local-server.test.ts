import { rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freePort } from "./support/free-port";
import { titleAt } from "./support/graphql";
import { processesMatching, type StartedProcess, startKronika } from "./support/start-process";

describe("npm start", () => {
  let kronika: StartedProcess;
  let contentDir: string;
  let url: string;
  let dynamoPort: string;

  const titleOf = (slug: string) => titleAt(url, slug);
  const eventually = async (check: () => Promise<boolean>, timeoutMs = 5000) => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms:\n${kronika.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - start;
  };

  beforeAll(async () => {
    contentDir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
      "events/zjazd.md": eventFile({ title: "II Zjazd Rad", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
    });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    kronika = startKronika(["--content", contentDir], { PORT: String(port) }, { throughNpm: true });
    [, dynamoPort] = await kronika.waitFor(/DynamoDB at http:\/\/127\.0\.0\.1:(\d+)/, 90_000);
  });
  afterAll(() => kronika?.stop());

  it("starts DynamoDB Local, syncs the content and serves it", async () => {
    expect(kronika.output()).toContain("+ event szturm");
    // The Revision published event's detail, as the deployed sync puts it on EventBridge.
    const [, printed] = /\n\s+revision published: (\{.*\})\n/.exec(kronika.output()) ?? [];
    expect(JSON.parse(printed ?? "null")).toMatchObject({
      truncated: false,
      created: { events: ["szturm", "zjazd"], sources: ["opracowanie"], people: [], places: [] },
    });
    expect(await titleOf("szturm")).toBe("Szturm");
  });

  it("serves GraphiQL from the package, with no third-party URL in the page", async () => {
    const response = await fetch(url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<title>Kronika</title>");
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
  });

  it("keeps seeing a file's saves after it was replaced by a rename, as `sed -i` and atomic saves do", async () => {
    const file = path.join(contentDir, "events", "zjazd.md");
    const zjazd = (title: string) => eventFile({ title, date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] });
    const replacement = path.join(contentDir, "events", ".zjazd.md.tmp");
    await writeFile(replacement, zjazd("II Zjazd Rad (podmieniony)"));
    await rename(replacement, file);
    await eventually(async () => (await titleOf("zjazd")) === "II Zjazd Rad (podmieniony)");

    // The same file, now written in place: the edit after the rename must be seen too.
    await writeFile(file, zjazd("II Ogólnorosyjski Zjazd Rad"));
    await eventually(async () => (await titleOf("zjazd")) === "II Ogólnorosyjski Zjazd Rad");
  });

  // How soon is the benchmark's to measure (npm run bench, "save to preview"): these machines are shared.
  it("re-syncs an edit, and keeps serving the old data after an invalid edit", async () => {
    const file = path.join(contentDir, "events", "szturm.md");
    await writeFile(
      file,
      eventFile({ title: "Szturm na Pałac Zimowy", date: "{ julian: 1917-10-25/1917-10-26 }", sources: ["opracowanie"] }),
    );
    await eventually(async () => (await titleOf("szturm")) === "Szturm na Pałac Zimowy", 15_000);
    await kronika.waitFor(/content changed: applied\n\s+~ event szturm/, 15_000);
    await kronika.waitFor(/revision published: \{[^\n]*"updated":\{"events":\["szturm"\]/, 15_000);

    await writeFile(file, eventFile({ title: "Zepsuty", date: "{ julian: 1917-10-25, gregorian: 1917-11-08 }", sources: ["opracowanie"] }));
    await kronika.waitFor(/szturm\.md:\d+:\d+: error: julian 1917-10-25 is gregorian 1917-11-07, not 1917-11-08 \[date-mismatch\]/, 15_000);
    expect(kronika.output()).toContain("content has errors, the served data is unchanged");
    expect(await titleOf("szturm")).toBe("Szturm na Pałac Zimowy");
  });

  it("stops DynamoDB Local with itself on SIGTERM", async () => {
    expect(processesMatching("DynamoDBLocal.jar", `-port ${dynamoPort}`)).toHaveLength(1);
    expect(await kronika.stop("SIGTERM")).toBe(0);
    await eventually(async () => processesMatching("DynamoDBLocal.jar", `-port ${dynamoPort}`).length === 0);
  });
});

describe("npm start on a busy port", () => {
  it("says the port is in use and how to choose another, and exits at once without starting DynamoDB Local", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const kronika = startKronika(["--content", "tests/fixtures/collection-1917"], { PORT: String(port) });
      const exited = await Promise.race([kronika.exited, new Promise((r) => setTimeout(() => r("still running"), 15_000))]);
      if (exited === "still running") await kronika.stop("SIGKILL");
      expect(exited).toBe(1);
      expect(kronika.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(kronika.output()).toContain(`PORT=${port + 1} npm start`);
      expect(kronika.output()).not.toContain("starting DynamoDB Local");
    } finally {
      busy.close();
    }
  });
});
