// Content written to break the pipeline: words that are Object.prototype's members, oversized files,
// symlinks, YAML alias bombs and file names with terminal escapes. Each must give a diagnostic or work.
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { formatOutcome } from "../cli/format-plan";
import { htmlToText } from "../core/citations/html-text";
import { maxCitationsPerEvent } from "../core/content/list-limits";
import { loadContent } from "../core/content/load";
import { maxFileBytes, maxStoredBodyBytes } from "../core/content/size-limits";
import { validateContent } from "../core/content/validate";
import { itemBytes, maxItemBytes } from "../core/store/item-size";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { marshallItem } from "../core/sync/apply";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { type ContentFiles, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";
import { runCommand } from "./support/run-command";

/** constructor, __proto__, toString, hasOwnProperty, valueOf, isPrototypeOf, __defineGetter__, … */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
const quotedList = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;

const relative = (dir: string, file: string) => path.relative(dir, file);

async function checkFolder(dir: string) {
  const loaded = await loadContent(dir);
  const checked = validateContent(loaded.documents);
  return { ...checked, diagnostics: [...loaded.diagnostics, ...checked.diagnostics] };
}

/** Runs `content:check` on `dir`, which must fail with diagnostics only: no stack trace, no hang. */
async function checkFailsCleanly(dir: string): Promise<string> {
  const started = Date.now();
  const { code, stdout, stderr } = await runCommand("check", ["--content", dir]);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(stderr).toBe("");
  expect(code).toBe(1);
  return stdout;
}

describe("words that name Object.prototype's members", () => {
  // "constructor" is the one member that is a valid slug: a source and an event are named after it.
  const collection: ContentFiles = {
    "collection.yaml": "locale: pl\nlocales: [en]\n",
    "sources/constructor.yaml": sourceFile(`constructor ${prototypeNames.join(" ")}`),
    "events/constructor.md": `---
title: constructor
summary: ${JSON.stringify(prototypeNames.join(" "))}
date: { julian: 1917-10-25 }
tags: ${quotedList(prototypeNames)}
people: ${quotedList(prototypeNames)}
places: ${quotedList(prototypeNames)}
notes: ${quotedList(prototypeNames)}
sources:
  - source: constructor
    locator: constructor 12
    note: toString
related: [hasownproperty]
---
${prototypeNames.map((name) => `${name} __proto__.${name}`).join("\n\n")}
`,
    "events/constructor.en.md": `---\ntitle: toString valueOf\n---\nhasOwnProperty __proto__ constructor\n`,
    "events/hasownproperty.md": `---
title: hasOwnProperty valueOf
date: 1917-11-07
tags: ["__proto__", "constructor"]
sources:
  - source: constructor
related: [constructor]
---
Kolejne wydarzenie.
`,
    "events/hasownproperty.en.md": `---\ntitle: isPrototypeOf\n---\n`,
  };
  let dir: string;
  let env: ReturnType<typeof testClient>;
  let tableName: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    dir = await writeContentFolder(collection);
    env = testClient();
    tableName = await freshTable(env.client);
    app = createApp({ reads: sdkTableReads(env.client), tableName, log: false, responseCache: false });
  });

  it("pass content:check", async () => {
    const { code, stdout, stderr } = await runCommand("check", ["--content", dir, "--format", "json"]);
    expect(stderr).toBe("");
    const result = JSON.parse(stdout);
    expect(result.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    expect(result.summary).toEqual({ files: 6, events: 2, sources: 1 });
  });

  it("are planned, synced to DynamoDB Local and then found by search, filters and facets", async () => {
    const planned = await syncContent({ contentDir: dir, client: env.client, tableName, dryRun: true });
    expect(planned.status).toBe("planned");
    if (planned.status !== "planned") return;
    expect(planned.plan.counts.event.create).toBe(2);
    expect(planned.plan.counts.source.create).toBe(1);

    const applied = await syncContent({ contentDir: dir, client: env.client, tableName, revisionId: "r1" });
    expect(applied.status).toBe("applied");
    const items = await tableContents(env.client, tableName);
    const lists = items.filter((i) => i.pk === "EVENT#constructor" && String(i.sk).startsWith("IN#")).map((i) => i.sk);
    for (const name of prototypeNames) expect(lists).toEqual(expect.arrayContaining([`IN#TAG#${name}`, `IN#PERSON#${name}`]));
    expect(items.find((i) => i.pk === "REVISION")).toMatchObject({ id: "r1", eventCount: 2, sourceCount: 1 });

    for (const name of prototypeNames) {
      const { data, errors } = await postQuery(app, "query($q: String!) { search(query: $q) { edges { node { slug } } } }", {
        variables: { q: name },
      });
      expect(errors, name).toBeUndefined();
      expect(
        data.search.edges.map((e: { node: { slug: string } }) => e.node.slug),
        name,
      ).toContain("constructor");
    }
    const { data, errors } = await postQuery(
      app,
      `{ events(filter: { tags: ["__proto__", "constructor"] }) { edges { node { slug title citations { formatted(style: APA) } } } }
         facets { tags { value count } people { value count } }
         event(slug: "constructor") { title citations { source { slug } formatted } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.events.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(["constructor", "hasownproperty"]);
    expect(data.facets.tags).toEqual(
      expect.arrayContaining([
        { value: "__proto__", count: 2 },
        { value: "toString", count: 1 },
      ]),
    );
    expect(data.event.citations[0].source.slug).toBe("constructor");
    expect(data.event.citations[0].formatted).toContain("constructor");
  });

  it("are no character references when citation HTML becomes text", () => {
    for (const name of prototypeNames) expect(htmlToText(`a &${name}; b`)).toBe(`a &${name}; b`);
  });

  it("as keys of the front matter are unknown fields, each reported where it stands", async () => {
    const invalid = await writeContentFolder({
      "sources/zrodlo.yaml": `${sourceFile("Źródło")}constructor: x\n`,
      "events/klucze.md": `---
title: Klucze
date: { julian: 1917-10-25, toString: 1917 }
__proto__: { title: ukryty }
hasOwnProperty: 1
sources:
  - source: zrodlo
    valueOf: 2
---
`,
    });
    const { diagnostics } = await checkFolder(invalid);
    expect(
      diagnostics.filter((d) => d.severity === "error").map((d) => `${path.basename(d.file)}:${d.line} ${d.rule} ${d.message}`),
    ).toEqual(
      expect.arrayContaining([
        'zrodlo.yaml:4 unknown-field unknown field "constructor"',
        'klucze.md:4 unknown-field unknown field "__proto__"',
        'klucze.md:5 unknown-field unknown field "hasOwnProperty"',
        'klucze.md:8 unknown-field unknown field "sources[0].valueOf"',
      ]),
    );
    expect(diagnostics.some((d) => d.rule === "unknown-field" && d.message.includes("toString"))).toBe(true);
  });
});

/** "Billion laughs": nine anchors of nine aliases each, 9^9 values from some 400 bytes. */
function aliasBomb(): string {
  const lines = [`l0: &l0 [${Array(9).fill('"lol"').join(", ")}]`];
  for (let i = 1; i < 9; i += 1)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}
const aliasMessage = "aliases (*name) expand to more than 100 values: write the values out, or use fewer aliases [yaml-syntax]";
/** Control characters and bidirectional overrides. */
const rawControl = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe("hostile YAML and file names", () => {
  it("report a YAML alias bomb as yaml-syntax on each file that holds one, and go on checking the others", async () => {
    const dir = await writeContentFolder({
      "collection.yaml": `locale: pl\n${aliasBomb()}`,
      "sources/bomba.yaml": `type: book\ntitle: Bomba\n${aliasBomb()}`,
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/bomba.md": `---\ntitle: Bomba\n${aliasBomb()}---\nTreść.\n`,
      "events/zly.md": "---\ntitle: Zły\ndate: 1917-02-30\nsources: [{ source: opracowanie }]\n---\n",
    });
    const stdout = await checkFailsCleanly(dir);
    const lines = stdout.trim().split("\n");
    expect(lines.slice(0, -1).map((line) => line.slice(path.relative(process.cwd(), dir).length + 1))).toEqual([
      `collection.yaml:3:10: error: ${aliasMessage}`,
      `events/bomba.md:4:10: error: ${aliasMessage}`,
      "events/zly.md:3:7: error: 1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days) [date-invalid]",
      `sources/bomba.yaml:4:10: error: ${aliasMessage}`,
    ]);

    const env = testClient();
    const tableName = await freshTable(env.client);
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    expect(outcome.status).toBe("invalid");
    expect(outcome.diagnostics.filter((d) => d.rule === "yaml-syntax")).toHaveLength(3);
    expect(await tableContents(env.client, tableName)).toEqual([]);
  });

  it("print file names, messages and titles with their control characters written out", async () => {
    const valid = "date: 1917\nsources: [{ source: opracowanie }]\n---\n";
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/\u001b[31mczerwony\u0007.md": `---\ntitle: Czerwony\n${valid}`,
      "events/dwie\nlinie.md": `---\ntitle: Dwie linie\n${valid}`,
      "events/ekran.md": `---\ntitle: Ekran\n"\\e[8mukryte\\u202e": 1\n${valid}`,
    });
    const human = await runCommand("check", ["--content", dir]);
    expect(human.code).toBe(1);
    const lines = human.stdout.trim().split("\n");
    for (const line of lines) expect(line).not.toMatch(rawControl);
    const notSlug = "is not a slug: use lowercase a–z, digits and single hyphens, e.g. szturm-palacu-zimowego [slug]";
    expect(lines.slice(0, -1).map((line) => line.slice(path.relative(process.cwd(), dir).length + 1))).toEqual([
      `events/\\x1b[31mczerwony\\x07.md:2:1: error: file name "\\x1b[31mczerwony\\x07" ${notSlug}`,
      `events/dwie\\x0alinie.md:2:1: error: file name "dwie\\x0alinie" ${notSlug}`,
      'events/ekran.md:3:1: error: unknown field "\\x1b[8mukryte\\u202e" [unknown-field]',
    ]);

    const github = await runCommand("check", ["--content", dir, "--format", "github"]);
    const annotations = github.stdout.trim().split("\n").slice(0, -1);
    expect(annotations).toHaveLength(3);
    for (const line of annotations) {
      expect(line).toMatch(/^::error file=/);
      expect(line).not.toMatch(rawControl);
    }
    expect(annotations[0]).toContain("/events/\\x1b[31mczerwony\\x07.md,line=2,col=1,title=slug::");
    expect(annotations[1]).toContain("/events/dwie%0Alinie.md,line=2,col=1,title=slug::");

    // The plan prints titles: a title that would clear the screen is shown, not obeyed.
    const titled = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/ekran.md": `---\ntitle: "\\e[2J\\e[Hczysto\\a"\n${valid}`,
    });
    const env = testClient();
    const planned = await syncContent({ contentDir: titled, client: env.client, tableName: await freshTable(env.client), dryRun: true });
    const printed = formatOutcome(planned);
    for (const line of printed) expect(line).not.toMatch(rawControl);
    expect(printed).toContain("+ event ekran  (\\x1b[2J\\x1b[Hczysto\\x07)");
  });
});

describe("content too large for the table", () => {
  const opracowanie = sourceFile("Opracowanie");
  const frontMatter = (title: string) => `---\ntitle: ${title}\ndate: 1917\nsources: [{ source: opracowanie }]\n---\n`;
  /** One paragraph of n letters: stored as n (Markdown) + n + 8 (<p>…</p>\n) + n (text) bytes. */
  const paragraph = (n: number) => "x".repeat(n);

  it("is a body-size error at the body's first line just over the stored-body limit, and passes at it", async () => {
    const atLimit = Math.floor((maxStoredBodyBytes - 8) / 3);
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": opracowanie,
      "events/na-granicy.md": `${frontMatter("Na granicy")}${paragraph(atLimit)}\n`,
      "events/za-dlugi.md": `${frontMatter("Za długi")}\n\n${paragraph(atLimit + 1)}\n`,
      "events/przetlumaczony.md": `${frontMatter("Przetłumaczony")}${paragraph(60_000)}\n`,
      "events/przetlumaczony.en.md": `---\ntitle: Translated\n---\n${paragraph(60_000)}\n`,
    });
    const { diagnostics } = await checkFolder(dir);
    expect(diagnostics.map((d) => `${relative(dir, d.file)}:${d.line}:${d.col} ${d.rule}: ${d.message}`)).toEqual([
      "events/przetlumaczony.md:6:1 body-size: the body takes 360,016 bytes as stored (Markdown, HTML and text) (pl 180,008, en 180,008); an event's bodies may take at most 307,200: shorten it or split the event",
      "events/za-dlugi.md:8:1 body-size: the body takes 307,202 bytes as stored (Markdown, HTML and text); an event's bodies may take at most 307,200: shorten it or split the event",
    ]);
  });

  it("is a body-size error for a short body that renders large: a table, or one link reference used many times", async () => {
    const url = `https://example.org/${"x".repeat(1000)}`;
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": opracowanie,
      "events/odnosniki.md": `${frontMatter("Odnośniki")}${"[a][r] ".repeat(400)}\n\n[r]: ${url}\n`,
      "events/tabela.md": `${frontMatter("Tabela")}|${"a|".repeat(400)}\n|${"-|".repeat(400)}\n${"|\n".repeat(200)}`,
    });
    const { diagnostics } = await checkFolder(dir);
    expect(diagnostics.map((d) => `${relative(dir, d.file)} ${d.rule}`)).toEqual([
      "events/odnosniki.md body-size",
      "events/tabela.md body-size",
    ]);
  });

  it("is a file-size error naming a file over the file limit, which is not read, while the other files are checked", async () => {
    // Link definitions render to nothing: a file of exactly the limit that passes every other check.
    const definitions = (bytes: number) => {
      const head = frontMatter("Definicje");
      const line = "[a]: https://example.org/\n";
      const lines = line.repeat(Math.floor((bytes - head.length) / line.length));
      return `${head}${lines}${"\n".repeat(bytes - head.length - lines.length)}`;
    };
    const huge = `${frontMatter("Ogromny")}${"Słowo ".repeat(10 * 1024 * 1024)}`;
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": opracowanie,
      "events/na-granicy.md": definitions(maxFileBytes),
      "events/bajt-za-duzo.md": definitions(maxFileBytes + 1),
      "events/ogromny.md": huge,
      "events/zly.md": "---\ntitle: Zły\ndate: 1917-02-30\nsources: [{ source: opracowanie }]\n---\n",
    });
    const stdout = await checkFailsCleanly(dir);
    expect(
      stdout
        .trim()
        .split("\n")
        .slice(0, -1)
        .map((line) => line.slice(path.relative(process.cwd(), dir).length + 1)),
    ).toEqual([
      "events/bajt-za-duzo.md:1:1: error: the file has 131,073 bytes; a content file may have at most 131,072 (it was not read) [file-size]",
      `events/ogromny.md:1:1: error: the file has ${Buffer.byteLength(huge).toLocaleString("en")} bytes; a content file may have at most 131,072 (it was not read) [file-size]`,
      "events/zly.md:3:7: error: 1917-02-30 does not exist in the gregorian calendar (February 1917 has 28 days) [date-invalid]",
    ]);

    const env = testClient();
    const tableName = await freshTable(env.client);
    const outcome = await syncContent({ contentDir: dir, client: env.client, tableName });
    expect(outcome.status).toBe("invalid");
    expect(await tableContents(env.client, tableName)).toEqual([]);
  });

  it("measures an item no lower than DynamoDB Local does, and close to it, at the 400 KB boundary", async () => {
    const { client } = testClient();
    const TableName = await freshTable(client);
    // Day numbers, counts and a few others: 500 numbers, some negative, some fractional, some with trailing zeros.
    const numbers = Array.from({ length: 500 }, (_, i) => [2_400_000 + i * 37, -i, i / 4, i * 1000][i % 4]);
    const shapes: Record<string, (n: number) => Record<string, unknown>> = {
      text: (n) => ({ pk: "a", sk: "b", text: "ż".repeat(n) }),
      nested: (n) => ({ pk: "a", sk: "b", body: { markdown: "x".repeat(n), list: [1, -12, 3.5, "q", [true, null]], map: { a: {} } } }),
      numbers: (n) => ({ pk: "a", sk: "b", days: numbers, pad: "x".repeat(n) }),
    };
    const accepted = async (item: Record<string, unknown>) =>
      client.send(new PutItemCommand({ TableName, Item: marshallItem(item) })).then(
        () => true,
        () => false,
      );
    for (const [shape, make] of Object.entries(shapes)) {
      const measured = (n: number) => itemBytes(marshallItem(make(n)));
      // The largest n measured within the limit.
      let [low, high] = [1, 1024];
      while (measured(high) <= maxItemBytes) [low, high] = [high, high * 2];
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (measured(middle) <= maxItemBytes) low = middle;
        else high = middle;
      }
      expect(await accepted(make(low)), `${shape}: measured ${measured(low)}, within the limit`).toBe(true);
      // The smallest n DynamoDB Local refuses: the measure is not far above its count either (numbers are
      // measured generously: a byte or two each).
      let [fits, refused] = [low, low + 1];
      while (await accepted(make(refused))) [fits, refused] = [refused, refused + 2 * (refused - fits)];
      while (refused - fits > 1) {
        const middle = Math.floor((fits + refused) / 2);
        if (await accepted(make(middle))) fits = middle;
        else refused = middle;
      }
      expect(measured(refused) - maxItemBytes, shape).toBeLessThanOrEqual(shape === "numbers" ? 2 * numbers.length : 8);
    }
  });

  describe("slipping past the check", () => {
    const base: ContentFiles = {
      "sources/opracowanie.yaml": opracowanie,
      "sources/pipes.yaml": sourceFile("The Russian Revolution ".repeat(9).trim(), "book", "en"),
      "events/szturm.md": `${frontMatter("Szturm")}Krótko.\n`,
      "events/zjazd.md": `${frontMatter("Zjazd")}Krótko.\n`,
    };
    let env: ReturnType<typeof testClient>;
    let tableName: string;
    beforeAll(async () => {
      env = testClient();
    });

    async function syncedBase() {
      tableName = await freshTable(env.client);
      const first = await syncContent({ contentDir: await writeContentFolder(base), client: env.client, tableName, revisionId: "r1" });
      expect(first.status).toBe("applied");
      return tableContents(env.client, tableName);
    }

    it("an event whose formatted citations overflow its item refuses the whole sync, naming it, and writes nothing", async () => {
      const before = await syncedBase();
      // 20 citations (the most an event may carry) with long locators are 80 KB of front matter, but each is
      // stored formatted in two styles and two languages, as text and as HTML.
      const citations = Array.from(
        { length: maxCitationsPerEvent },
        (_, i) => `  - source: pipes\n    locator: s. ${i + 1}, ${"przypis ".repeat(500)}\n`,
      ).join("");
      const dir = await writeContentFolder({
        ...base,
        "sources/nowe.yaml": sourceFile("Nowe"),
        "events/szturm.md": `${frontMatter("Szturm Pałacu")}Zmieniony.\n`,
        "events/cytaty.md": `---\ntitle: Cytaty\ndate: 1917\nsources:\n${citations}---\nTreść.\n`,
      });
      expect((await checkFolder(dir)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const outcome = await syncContent({ contentDir: dir, client: env.client, tableName, revisionId: "r2" });
      expect(outcome.status).toBe("invalid");
      expect(outcome.diagnostics.map((d) => `${relative(dir, d.file)}:${d.line}:${d.col} ${d.rule}`)).toEqual([
        "events/cytaty.md:1:1 item-size",
      ]);
      expect(outcome.diagnostics[0].message).toMatch(
        /^its table item EVENT#cytaty EVENT would take [\d,]+ bytes; a DynamoDB item may take at most 409,600, so nothing was written: shorten the event's body, translations, notes or citations, or split it$/,
      );
      expect(formatOutcome(outcome).at(-1)).toBe("content has errors: nothing was written");
      expect(await tableContents(env.client, tableName)).toEqual(before);
    });

    it("an item over a lowered limit refuses the sync (and the plan) with the entity named, writing nothing", async () => {
      const before = await syncedBase();
      const dir = await writeContentFolder({ ...base, "events/zjazd.md": `${frontMatter("Zjazd")}${"Długi opis zjazdu. ".repeat(200)}\n` });
      for (const dryRun of [true, false]) {
        const outcome = await syncContent({
          contentDir: dir,
          client: env.client,
          tableName,
          revisionId: "r2",
          maxItemBytes: 8_000,
          dryRun,
        });
        expect(outcome.status).toBe("invalid");
        expect(outcome.diagnostics.map((d) => `${relative(dir, d.file)} ${d.rule} ${d.message.split(" would")[0]}`)).toEqual([
          "events/zjazd.md item-size its table item EVENT#zjazd EVENT",
        ]);
      }
      expect(await tableContents(env.client, tableName)).toEqual(before);
      const allowed = await syncContent({ contentDir: dir, client: env.client, tableName, revisionId: "r2", maxItemBytes: 20_000 });
      expect(allowed.status).toBe("applied");
    });
  });
});

describe("symbolic links in the content folder", () => {
  it("are each a symlink error with its path, whether to a file or a folder, at any depth, and are never read", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "kronika-outside-"));
    await writeFile(path.join(outside, "secret.md"), "---\ntitle: Sekret\ndate: 1917\n---\n");
    await mkdir(path.join(outside, "runner"));
    await writeFile(path.join(outside, "runner", "zrodlo.yaml"), sourceFile("Spoza folderu"));
    const dir = await writeContentFolder({
      "sources/opracowanie.yaml": sourceFile("Opracowanie"),
      "events/szturm.md": "---\ntitle: Szturm\ndate: 1917\nsources: [{ source: opracowanie }]\n---\n",
    });
    await mkdir(path.join(dir, "obrazy", "1917"), { recursive: true });
    await symlink(path.join(outside, "secret.md"), path.join(dir, "events", "sekret.md"));
    await symlink(path.join(outside, "runner"), path.join(dir, "sources", "katalog"));
    await symlink(path.join(outside, "runner", "zrodlo.yaml"), path.join(dir, "sources", "zrodlo.yaml"));
    await symlink(outside, path.join(dir, "obrazy", "1917", "wszystko"));

    const { diagnostics, collection } = await checkFolder(dir);
    expect(diagnostics.map((d) => `${relative(dir, d.file)}:${d.line}:${d.col} ${d.severity} ${d.rule}`)).toEqual([
      "events/sekret.md:1:1 error symlink",
      "obrazy/1917/wszystko:1:1 error symlink",
      "sources/katalog:1:1 error symlink",
      "sources/zrodlo.yaml:1:1 error symlink",
    ]);
    expect(diagnostics[0].message).toBe(
      "a symbolic link: content must be regular files inside the content folder (replace the link with the file)",
    );
    expect(collection.events.map((e) => e.slug)).toEqual(["szturm"]);
    expect(collection.sources.map((s) => s.slug)).toEqual(["opracowanie"]);
  });
});
