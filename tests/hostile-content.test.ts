// Content written to break the pipeline: words that are Object.prototype's members, oversized files,
// symlinks, YAML alias bombs and file names with terminal escapes. Each must give a diagnostic or work.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToText } from "../core/citations/html-text";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { syncContent } from "../core/sync/sync";
import { createApp } from "../functions/app";
import { type ContentFiles, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";
import { postQuery } from "./support/graphql";

const run = promisify(execFile);
const cli = async (script: string, args: string[]) =>
  run(process.execPath, ["--import", "tsx", `cli/${script}.ts`, ...args], { maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** constructor, __proto__, toString, hasOwnProperty, valueOf, isPrototypeOf, __defineGetter__, … */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
const quotedList = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;

async function checkFolder(dir: string) {
  const loaded = await loadContent(dir);
  const checked = validateContent(loaded.documents);
  return { ...checked, diagnostics: [...loaded.diagnostics, ...checked.diagnostics] };
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
    const { code, stdout, stderr } = await cli("check", ["--content", dir, "--format", "json"]);
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
