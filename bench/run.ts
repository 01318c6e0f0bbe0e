// npm run bench — Kronika's speed, each figure beside a reference measured in the same run, as a ratio.
// Prints a table and writes bench/results/latest.json. Shared, noisy machines: medians, and ratios.
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { startDynamoDbLocal } from "../cli/dynamodb-local";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { environment } from "../core/environment";
import { folderStorage } from "../core/renditions/folder-storage";
import { createDynamoClient } from "../core/store/client";
import { ensureTable } from "../core/store/create-table";
import { queryItems } from "../core/store/paging";
import { createRevisionSource } from "../core/store/revision-source";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { createSearchIndexSource } from "../core/store/search-index-source";
import { syncContent } from "../core/sync/sync";
import { launchChromium } from "../tests/support/chromium";
import { countCommands } from "../tests/support/command-counter";
import { startKronika } from "../tests/support/start-process";
import { coldStart, timelineQuery } from "./cold-start";
import { figures, notes, record } from "./figures";
import { generateCollection } from "./generate-collection";
import { loadAverage, median, timed, timeNode } from "./measure";
import { type NodeRuntime, nodeRuntimes } from "./node-runtimes";
import { cpuText, withCpu } from "./process-cpu";

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as (
  options: object,
) => Promise<{ requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number }>;

const coldStartRuns = Number(process.env.BENCH_COLD_RUNS ?? 11);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const scale = { events: Number(process.env.BENCH_EVENTS ?? 10_000), sources: Number(process.env.BENCH_SOURCES ?? 1_000) };
/** Which parts to run (default all): BENCH_PARTS=cold,hot,pipeline,live. */
const parts = new Set((process.env.BENCH_PARTS ?? "cold,hot,pipeline,live").split(","));
const liveSaves = Number(process.env.BENCH_LIVE_SAVES ?? 7);
/** Runs of each editors' loop figure (check, no-op re-sync, sync after an edit): medians of these. */
const pipelineRuns = Number(process.env.BENCH_PIPELINE_RUNS ?? 5);
/** Runs of the same loop's commands each in a fresh process, as an editor runs them. */
const freshRuns = Number(process.env.BENCH_FRESH_RUNS ?? 3);

function startServer(
  mode: string,
  tableName: string,
  env: NodeJS.ProcessEnv,
  bodyFile = "",
  node = process.execPath,
): Promise<{ port: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ["--import", "tsx", "bench/servers.ts", mode, tableName, bodyFile], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.once("data", (chunk) => resolve({ port: Number(String(chunk).trim()), stop: () => child.kill() }));
    child.once("exit", (code) => reject(new Error(`server ${mode} exited ${code}`)));
  });
}

async function throughput(env: NodeJS.ProcessEnv, tableName: string, work: string, runtime: NodeRuntime) {
  console.log(`hot path on ${runtime.name} ${runtime.version} (autocannon, 10 connections, ${loadSeconds} s each)`);
  const load = (port: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}/graphql?${new URLSearchParams({ query: timelineQuery })}`,
      connections: 10,
      duration: loadSeconds,
    });
  const app = await startServer("app", tableName, env, "", runtime.path);
  const warm = await fetch(`http://127.0.0.1:${app.port}/graphql?${new URLSearchParams({ query: timelineQuery })}`);
  const bodyFile = path.join(work, "timeline.json");
  await writeFile(bodyFile, Buffer.from(await warm.arrayBuffer()));
  const raw = await startServer("raw", tableName, env, bodyFile, runtime.path);
  const uncached = await startServer("uncached", tableName, env, "", runtime.path);
  try {
    const rawResult = await load(raw.port);
    const cachedResult = await load(app.port);
    const uncachedResult = await load(uncached.port);
    for (const [name, result] of [
      ["cached", cachedResult],
      ["uncached", uncachedResult],
    ] as const) {
      if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    const ratio = cachedResult.requests.average / rawResult.requests.average;
    record({
      figure: `${runtime.name}: timeline query, response cache warm`,
      ours: cachedResult.requests.average,
      unit: "req/s",
      reference: rawResult.requests.average,
      referenceName: "raw node:http, same bytes",
      ratio,
      target: "≥ 0.6×",
      met: ratio >= 0.6,
    });
    record({
      figure: "  p99 latency, cached",
      ours: cachedResult.latency.p99,
      unit: "ms",
      reference: rawResult.latency.p99,
      referenceName: "raw p99",
      ratio: cachedResult.latency.p99 / Math.max(rawResult.latency.p99, 1),
    });
    record({
      figure: `${runtime.name}: timeline query, uncached (DynamoDB Local)`,
      ours: uncachedResult.requests.average,
      unit: "req/s",
      reference: rawResult.requests.average,
      referenceName: "raw node:http",
      ratio: uncachedResult.requests.average / rawResult.requests.average,
    });
    record({ figure: "  p99 latency, uncached", ours: uncachedResult.latency.p99, unit: "ms" });
  } finally {
    for (const server of [app, raw, uncached]) server.stop();
  }
}

async function pipeline(client: ReturnType<typeof createDynamoClient>, work: string, env: NodeJS.ProcessEnv, dynamoPid?: number) {
  console.log(`content pipeline: ${scale.events} events, ${scale.sources} sources, on Node ${process.version}`);
  const dir = path.join(work, "collection");
  const slugs = await generateCollection(dir, scale.events, scale.sources);
  const checkRuns: Awaited<ReturnType<typeof withCpu>>[] = [];
  for (let i = 0; i < pipelineRuns; i += 1) {
    const run = await withCpu(async () => validateContent((await loadContent(dir)).documents));
    if (run.value.diagnostics.length > 0) throw new Error(`generated collection has ${run.value.diagnostics.length} problems`);
    checkRuns.push(run);
  }
  const checks = checkRuns.map((r) => r.ms);
  record({
    figure: `content check (load + validate, median of ${pipelineRuns})`,
    ours: median(checks),
    unit: `ms, ${cpuText(checkRuns, median)}`,
    range: [Math.min(...checks), Math.max(...checks)],
    target: "< 2000 ms",
    met: median(checks) < 2000,
  });

  const tableName = "kronika-bench-scale";
  await ensureTable(client, tableName);
  const counts = countCommands(client);
  const writes = (plan: { phases: { writes: unknown[] }[]; writesRevision: boolean }) =>
    plan.phases.reduce((n, p) => n + p.writes.length, 0) + (plan.writesRevision ? 1 : 0);
  const sync = () => syncContent({ contentDir: dir, client, tableName });
  // Only its figures are kept: its outcome holds every item it wrote (a gigabyte of heap), which would make every
  // later garbage collection of this process, and so the editors' figures below, dearer than in any real one.
  const first = await withCpu(async () => {
    const outcome = await sync();
    if (outcome.status !== "applied") throw new Error(outcome.status);
    return writes(outcome.plan);
  }, dynamoPid);
  const written = first.value;
  record({
    figure: "first full sync",
    ours: first.ms,
    unit: `ms, ${written} items (${(written / (first.ms / 1000)).toFixed(0)} items/s), ${cpuText([first], median)}`,
    target: "< 45000 ms",
    met: first.ms < 45_000,
  });

  const revision = await createRevisionSource(sdkTableReads(client), tableName)();
  // Every page: one Query answers at most 1 MB.
  const chunks = await queryItems((input) => client.send(new QueryCommand(input)), {
    TableName: tableName,
    KeyConditionExpression: "pk = :p",
    ExpressionAttributeValues: { ":p": { S: "SEARCH" } },
    ProjectionExpression: "sk, #d",
    ExpressionAttributeNames: { "#d": "data" },
  });
  const indexBytes = chunks.reduce((n, item) => n + (item.data?.S?.length ?? 0), 0);
  record({ figure: "search index", ours: indexBytes / 1024, unit: `KiB gzipped+base64 in ${revision?.searchChunks} items` });
  const loads: number[] = [];
  for (let i = 0; i < 3; i += 1) loads.push((await timed(() => createSearchIndexSource(sdkTableReads(client), tableName)(revision))).ms);
  record({ figure: "search index load, cold (median of 3)", ours: median(loads), unit: "ms" });

  const batchesBefore = counts.BatchWriteItemCommand ?? 0;
  const noopRuns: Awaited<ReturnType<typeof withCpu>>[] = [];
  let noopWrites = 0;
  for (let i = 0; i < pipelineRuns; i += 1) {
    const again = await withCpu(sync, dynamoPid);
    if (again.value.status !== "applied") throw new Error(again.value.status);
    noopWrites += writes(again.value.plan);
    noopRuns.push(again);
  }
  const noops = noopRuns.map((r) => r.ms);
  noopWrites += (counts.BatchWriteItemCommand ?? 0) - batchesBefore;
  record({
    figure: `no-op re-sync (median of ${pipelineRuns})`,
    ours: median(noops),
    unit: `ms, ${noopWrites} writes, ${cpuText(noopRuns, median)}`,
    range: [Math.min(...noops), Math.max(...noops)],
    target: "< 2000 ms, 0 writes",
    met: median(noops) < 2000 && noopWrites === 0,
  });

  // Each run retitles ten other events: a new edit, not the last one again.
  const changeTenFiles = async (run: number) => {
    for (const slug of slugs.slice(run * 10, run * 10 + 10)) {
      const file = path.join(dir, "events", `${slug}.md`);
      await writeFile(file, (await readFile(file, "utf8")).replace(/^title: "/m, 'title: "Zmieniono: '));
    }
  };
  const changeRuns: Awaited<ReturnType<typeof withCpu>>[] = [];
  let updated = 0;
  let indexedAnew = 0;
  for (let i = 0; i < pipelineRuns; i += 1) {
    await changeTenFiles(i);
    const changed = await withCpu(sync, dynamoPid);
    if (changed.value.status !== "applied") throw new Error(changed.value.status);
    updated += changed.value.plan.counts.event.update;
    indexedAnew += changed.value.searchIndex?.indexed ?? 0;
    changeRuns.push(changed);
  }
  const changes = changeRuns.map((r) => r.ms);
  record({
    figure: `sync after changing 10 files (median of ${pipelineRuns})`,
    ours: median(changes),
    unit: `ms, ${updated} events updated and ${indexedAnew} indexed anew in all, ${cpuText(changeRuns, median)}`,
    range: [Math.min(...changes), Math.max(...changes)],
    target: "< 3000 ms",
    met: median(changes) < 3000,
  });

  // The figures above are a long-lived process's (npm start's, a warm sync function's): JIT-compiled, its heap
  // grown, citeproc-js's engines set up. An editor's `npm run content:check` or `content:sync` is a fresh
  // process each time: the same two, from spawning the command as its npm script does (`node cli/launch.mjs`,
  // from the bundle it keeps) to its exit, against the same command run from its sources through tsx, beside
  // the floor (`node` of an empty file). The launcher builds its bundles in a first run, not measured.
  const syncEnv = { ...env, [environment.tableName]: tableName };
  const emptyFile = path.join(work, "empty.mjs");
  await writeFile(emptyFile, "export {};\n");
  let changed = pipelineRuns;
  await timeNode(["cli/launch.mjs", "check", "--content", dir], env);
  await changeTenFiles(changed++);
  await timeNode(["cli/launch.mjs", "sync", "--content", dir], syncEnv);
  const fresh = { floor: [] as number[], check: [] as number[], checkTsx: [] as number[], sync: [] as number[], syncTsx: [] as number[] };
  for (let i = 0; i < freshRuns; i += 1) {
    fresh.floor.push(await timeNode([emptyFile], env));
    fresh.check.push(await timeNode(["cli/launch.mjs", "check", "--content", dir], env));
    fresh.checkTsx.push(await timeNode(["--import", "tsx", "cli/check.ts", "--content", dir], env));
    await changeTenFiles(changed++);
    fresh.sync.push(await timeNode(["cli/launch.mjs", "sync", "--content", dir], syncEnv));
    await changeTenFiles(changed++);
    fresh.syncTsx.push(await timeNode(["--import", "tsx", "cli/sync.ts", "--content", dir], syncEnv));
  }
  record({ figure: `  fresh process: node of an empty file (median of ${freshRuns})`, ours: median(fresh.floor), unit: "ms" });
  for (const [figure, times, fromSources] of [
    ["content:check of the same collection", fresh.check, fresh.checkTsx],
    ["content:sync after changing 10 files", fresh.sync, fresh.syncTsx],
  ] as const) {
    record({
      figure: `  fresh process: ${figure} (median of ${freshRuns})`,
      ours: median(times),
      unit: `ms, spawn to exit; node of an empty file ${median(fresh.floor).toFixed(0)} ms`,
      range: [Math.min(...times), Math.max(...times)],
      reference: median(fromSources),
      referenceName: "its sources through tsx",
      ratio: median(times) / median(fromSources),
    });
  }
}

/**
 * From a save to the preview showing it: `npm start` on the 1917 collection, Debian's Chromium on an event's
 * page, the event's title saved anew each time. The reference is the floor under it: the same one-file
 * change synced in-process to a table of its own.
 */
async function livePreview(client: ReturnType<typeof createDynamoClient>, work: string) {
  console.log(`live preview: ${liveSaves} saves of one event, npm start and Chromium`);
  const dir = path.join(work, "live");
  await cp("tests/fixtures/collection-1917", dir, { recursive: true });
  const file = path.join(dir, "events", "szturm-na-palac-zimowy.md");
  const original = await readFile(file, "utf8");
  const retitle = (title: string) => writeFile(file, original.replace(/^title: .*$/m, `title: ${title}`));
  const port = 4900 + Math.floor(Math.random() * 90);
  const kronika = startKronika(["--content", dir], { [environment.port]: String(port) });
  const browser = await launchChromium();
  try {
    await kronika.waitFor(/preview of the timeline/, 180_000);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?event=szturm-na-palac-zimowy`);
    await page.locator("main h1").waitFor({ timeout: 30_000 });
    const latencies: number[] = [];
    for (let i = 0; i < liveSaves; i += 1) {
      const title = `Szturm, zapis ${i}`;
      const saved = performance.now();
      await retitle(title);
      await page.waitForFunction((expected) => document.querySelector("main h1")?.textContent === expected, title, {
        timeout: 30_000,
        polling: 10,
      });
      latencies.push(performance.now() - saved);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const tableName = "kronika-bench-live";
    await ensureTable(client, tableName);
    await syncContent({ contentDir: dir, client, tableName });
    const floors: number[] = [];
    for (let i = 0; i < liveSaves; i += 1) {
      await retitle(`Szturm, synchronizacja ${i}`);
      floors.push((await timed(() => syncContent({ contentDir: dir, client, tableName }))).ms);
    }
    const ours = median(latencies);
    record({
      figure: `save to preview (median of ${liveSaves})`,
      ours,
      unit: "ms",
      reference: median(floors),
      referenceName: "one in-process sync of the same edit",
      ratio: ours / median(floors),
      target: "< 2000 ms",
      met: ours < 2000,
    });
  } finally {
    await browser.close();
    await kronika.stop();
  }
}

// The generated collection, the bundles and the renditions: removed when the bench ends, whatever ends it.
const work = await mkdtemp(path.join(tmpdir(), "kronika-bench-"));
// A busy shared machine can take more than the default minute to start the JVM.
const local = await startDynamoDbLocal({ timeoutMs: 180_000 });
const client = createDynamoClient(local.endpoint);
const benchTable = "kronika-bench";
const env = {
  ...process.env,
  [environment.endpoint]: local.endpoint,
  [environment.tableName]: benchTable,
  [environment.log]: "off",
  AWS_REGION: "local",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};
try {
  await ensureTable(client, benchTable);
  await syncContent({
    contentDir: "content",
    client,
    tableName: benchTable,
    mediaStorage: folderStorage(path.join(work, "media")),
  });
  if (parts.has("cold")) await coldStart(env, work, coldStartRuns);
  if (parts.has("hot")) for (const runtime of nodeRuntimes(env)) await throughput(env, benchTable, work, runtime);
  if (parts.has("pipeline")) await pipeline(client, work, env, local.pid);
  if (parts.has("live")) await livePreview(client, work);
  await mkdir("bench/results", { recursive: true });
  const result = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: (await import("node:os")).cpus().length,
    loadAverageAtEnd: await loadAverage(),
    figures,
    notes: Object.fromEntries(notes),
  };
  await writeFile("bench/results/latest.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log("\nwrote bench/results/latest.json");
  const missed = figures.filter((f) => f.met === false);
  if (missed.length > 0) console.log(`targets missed: ${missed.map((f) => f.figure).join("; ")}`);
} finally {
  client.destroy();
  await local.stop();
  await rm(work, { recursive: true, force: true });
}
