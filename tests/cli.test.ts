import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { slugify } from "../core/content/slug";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { runCommand } from "./support/run-command";

const run = promisify(execFile);
const cli = runCommand;

describe("content:check output formats", () => {
  const folder = () =>
    writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/bez-zrodel.md": eventFile({ title: "Bez źródeł", date: "{ julian: 1917-10-25 }" }),
      "events/zly.md": eventFile({ title: "Zły", date: "{ julian: 1917-10-25, gregorian: 1917-11-08 }", sources: ["opracowanie"] }),
    });

  it("prints GitHub annotations with file, line and column", async () => {
    const dir = await folder();
    const { code, stdout } = await cli("check", ["--content", dir, "--format", "github"]);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `::warning file=${path.relative(process.cwd(), dir)}/events/bez-zrodel.md,line=2,col=8,title=no-citation::the event cites no source; add one under sources:`,
    );
    expect(lines[1]).toMatch(
      /^::error file=.*events\/zly\.md,line=3,col=\d+,title=date-mismatch::julian 1917-10-25 is gregorian 1917-11-07, not 1917-11-08$/,
    );
  });

  it("prints JSON for tools", async () => {
    const { code, stdout } = await cli("check", ["--content", await folder(), "--format", "json"]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.diagnostics.map((d: { rule: string; severity: string }) => `${d.severity} ${d.rule}`)).toEqual([
      "warning no-citation",
      "error date-mismatch",
    ]);
    for (const diagnostic of result.diagnostics)
      expect(Object.keys(diagnostic)).toEqual(["file", "line", "col", "rule", "severity", "message"]);
    expect(result.summary).toEqual({ files: 3, events: 1, sources: 1 });
  });

  it("passes warnings alone, and fails them with --strict", async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/bez-zrodel.md": eventFile({ title: "Bez źródeł", date: "{ julian: 1917-10-25 }" }),
    });
    expect((await cli("check", ["--content", dir])).code).toBe(0);
    const strict = await cli("check", ["--content", dir, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("error: the event cites no source");
  });

  it("refuses an unknown format with a clear message", async () => {
    const { code, stderr } = await cli("check", ["--format", "xml"]);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be human, github or json, not "xml"');
  });
});

describe("content:new", () => {
  it("makes slugs from Polish titles", () => {
    expect(slugify("Dekret o prasie")).toBe("dekret-o-prasie");
    expect(slugify("Żółć, łódź i źdźbło — 1917!")).toBe("zolc-lodz-i-zdzblo-1917");
  });

  it("scaffolds an event as a draft that passes the check and is not published, and refuses to overwrite it", async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie-rewolucja-pazdziernikowa.yaml": sourceFile("Rewolucja październikowa", "article"),
    });
    const created = await cli("new", ["--content", dir, "event", "Dekret o prasie"]);
    expect(created.code).toBe(0);
    const file = path.join(dir, "events", "dekret-o-prasie.md");
    const text = await readFile(file, "utf8");
    expect(text).toContain('title: "Dekret o prasie"');
    expect(text).toContain("julian: 1917-10-25");
    expect(text).toContain("# gregorian: 1917-11-07");
    // Its date and citation are examples: a running `npm start` must not publish them before the editor is done.
    expect(text).toMatch(/^draft: true\b/m);
    const checked = await cli("check", ["--content", dir, "--format", "json"]);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout).summary).toEqual({ files: 2, events: 0, sources: 1 });
    const again = await cli("new", ["--content", dir, "event", "Dekret o prasie"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists: not overwritten");
  });

  it("scaffolds a source that passes the check", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kronika-new-"));
    await writeContentFolder({}, dir);
    expect((await cli("new", ["--content", dir, "source", "Historia Rosji"])).code).toBe(0);
    expect(await readFile(path.join(dir, "sources", "historia-rosji.yaml"), "utf8")).toContain('title: "Historia Rosji"');
    expect((await cli("check", ["--content", dir])).code).toBe(0);
  });

  it("scaffolds a person and a place, starting their folders, that pass the check", async () => {
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/zjazd.md": eventFile({
        title: "Zjazd",
        date: "1918-01-18",
        people: ["Lew Trocki"],
        places: ["Smolny"],
        sources: ["opracowanie"],
      }),
    });
    expect((await cli("new", ["--content", dir, "person", "Lew Trocki"])).code).toBe(0);
    expect((await cli("new", ["--content", dir, "place", "Smolny"])).code).toBe(0);
    expect(await readFile(path.join(dir, "people", "lew-trocki.yaml"), "utf8")).toContain('name: "Lew Trocki"');
    expect(await readFile(path.join(dir, "places", "smolny.yaml"), "utf8")).toContain('name: "Smolny"');
    const checked = await cli("check", ["--content", dir, "--strict"]);
    expect(checked.stdout).toContain("0 errors, 0 warnings");
    expect(checked.code).toBe(0);
  });
});

describe("commands that need the table", () => {
  // No endpoint, no region, no profile, and a home with no AWS configuration: nothing says which table to use.
  const nowhere = async () => ({
    DYNAMODB_ENDPOINT: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_PROFILE: undefined,
    HOME: await mkdtemp(path.join(tmpdir(), "kronika-home-")),
  });

  it("say in one line what is missing and how to point at the local table, and touch no AWS", async () => {
    const dir = await writeContentFolder({ "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article") });
    for (const flags of [["--plan"], []]) {
      const { code, stdout, stderr } = await cli("sync", [...flags, "--content", dir], await nowhere());
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toEqual([
        "no table to read: set DYNAMODB_ENDPOINT to a local DynamoDB (npm start prints its endpoint, e.g. DYNAMODB_ENDPOINT=http://127.0.0.1:8000), or set AWS_REGION (and AWS_PROFILE) to use the table in AWS",
      ]);
    }
  });

  it("say in one line that nothing answers at the endpoint given", async () => {
    const dir = await writeContentFolder({ "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article") });
    const { code, stderr } = await cli("sync", ["--plan", "--content", dir], {
      ...(await nowhere()),
      DYNAMODB_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      "nothing answers at DYNAMODB_ENDPOINT=http://127.0.0.1:9: is npm start running? It prints the endpoint of its DynamoDB",
    ]);
  });
});

describe("content:plan --format markdown", () => {
  it("summarizes a change for a pull request: counts, and per entity its title and changed fields with both calendars", async () => {
    const { inject } = await import("vitest");
    const { syncContent } = await import("../core/sync/sync");
    const { freshTable, testClient } = await import("./support/dynamodb");
    const { client } = testClient();
    const tableName = await freshTable(client);
    const base = {
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25 }", tags: ["a"], sources: ["opracowanie"] }),
      "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
      "events/pokoj.md": eventFile({ title: "Pokój", date: "1918-03-03", sources: ["opracowanie"] }),
    };
    const dir = await writeContentFolder(base);
    await syncContent({ contentDir: dir, client, tableName });
    const { "events/zjazd.md": _gone, ...kept } = base;
    await writeContentFolder(
      {
        ...kept,
        "events/szturm.md": eventFile({
          title: "Szturm na Pałac Zimowy",
          date: "{ julian: 1917-10-25/1917-10-26 }",
          tags: ["a", "b"],
          sources: ["opracowanie"],
        }),
        "events/dekret.md": eventFile({ title: "Dekret o pokoju", date: "{ julian: 1917-10-26 }", sources: ["opracowanie"] }),
      },
      dir,
    );
    const env = { ...process.env, DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"), KRONIKA_TABLE: tableName };
    const { stdout } = await run(process.execPath, ["cli/launch.mjs", "sync", "--plan", "--format", "markdown", "--content", dir], {
      env,
    });
    expect(stdout).toContain("| events | 1 | 1 | 1 | 1 |");
    expect(stdout).toContain("- **updated** event `szturm`: Szturm na Pałac Zimowy");
    expect(stdout).toContain("  - title: Szturm → Szturm na Pałac Zimowy");
    expect(stdout).toContain(
      "  - date: julian 1917-10-25 = gregorian 1917-11-07 → julian 1917-10-25/1917-10-26 = gregorian 1917-11-07/1917-11-08",
    );
    expect(stdout).toContain("  - tags: a → a, b");
    expect(stdout).toContain("- **created** event `dekret`: Dekret o pokoju");
    expect(stdout).toContain("  - date: julian 1917-10-26 = gregorian 1917-11-08");
    expect(stdout).toContain("- **deleted** event `zjazd`: Zjazd");
  });
});

describe("content:sync", () => {
  it("prints the Revision published event's detail after a sync that published, and none after one that changed nothing", async () => {
    const { inject } = await import("vitest");
    const { freshTable, testClient } = await import("./support/dynamodb");
    const { client } = testClient();
    const tableName = await freshTable(client);
    const files = {
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
    };
    const dir = await writeContentFolder(files);
    const sync = () => cli("sync", ["--content", dir], { DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"), KRONIKA_TABLE: tableName });
    const published = (stdout: string) =>
      stdout
        .split("\n")
        .filter((line) => line.startsWith("revision published: "))
        .map((line) => JSON.parse(line.slice("revision published: ".length)));
    const first = await sync();
    expect(first.code).toBe(0);
    const [detail, ...more] = published(first.stdout);
    expect(more).toEqual([]);
    expect(detail).toEqual({
      revision: expect.any(String),
      truncated: false,
      created: { events: ["szturm"], sources: ["opracowanie"], people: [], places: [], media: [] },
      updated: { events: [], sources: [], people: [], places: [], media: [] },
      deleted: { events: [], sources: [], people: [], places: [], media: [] },
    });
    expect(first.stdout).toContain(`synced revision ${detail.revision}`);
    expect(published((await sync()).stdout)).toEqual([]);

    await writeContentFolder(
      {
        ...files,
        "events/szturm.md": eventFile({ title: "Szturm na Pałac Zimowy", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
      },
      dir,
    );
    expect(published((await sync()).stdout)).toMatchObject([{ updated: { events: ["szturm"], sources: [] }, created: { events: [] } }]);
  });
});

describe("content:sync --drafts", () => {
  it("publishes drafts, marked as drafts, only when asked: for a preview table", async () => {
    const { inject } = await import("vitest");
    const { freshTable, testClient } = await import("./support/dynamodb");
    const { sdkTableReads } = await import("../core/store/sdk-table-reads");
    const { createApp } = await import("../functions/app");
    const { postQuery } = await import("./support/graphql");
    const { client } = testClient();
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article"),
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
      "events/szkic.md": eventFile({ title: "Szkic", date: "{ julian: 1917-10-26 }", sources: ["opracowanie"], draft: true }),
    });
    const drafted = async (flags: string[]) => {
      const tableName = await freshTable(client);
      const env = { ...process.env, DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"), KRONIKA_TABLE: tableName };
      await run(process.execPath, ["cli/launch.mjs", "sync", "--content", dir, ...flags], { env });
      const app = createApp({ reads: sdkTableReads(client), tableName, log: false });
      const { data } = await postQuery(app, "{ events { edges { node { slug draft } } } }");
      return data.events.edges.map((e: { node: unknown }) => e.node);
    };
    expect(await drafted([])).toEqual([{ slug: "szturm", draft: false }]);
    expect(await drafted(["--drafts"])).toEqual([
      { slug: "szturm", draft: false },
      { slug: "szkic", draft: true },
    ]);
  }, 60_000);
});
