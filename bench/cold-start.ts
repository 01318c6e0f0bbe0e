// The cold start: a fresh `node` imports a function bundle and serves one Function URL event, then exits.
// Kronika's GraphQL bundle serving a page of 20 events with citations (DynamoDB Local) is measured beside
// the floor the stack allows (bench/reference/hello-world.ts, built the same way) and beside bare `node`,
// interleaved run by run, on each Node the machine offers (Lambda runs Node 22).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildFunction as buildAsDeployed } from "../infra/function-build";
import { functionUrlEvent } from "../tests/support/function-url-event";
import { bundleContents } from "./bundle-contents";
import { compileCacheSavings } from "./compile-cache";
import { notes, record } from "./figures";
import { loadAverage, median, range, runNode, timeNode } from "./measure";
import { nodeRuntimes } from "./node-runtimes";

export const timelineQuery = `{ events(first: 20) { totalCount edges { node { title date { label julian gregorian } citations { locator source { title } } } } pageInfo { hasNextPage endCursor } } }`;

/** Builds a function's entry as it is deployed (infra/function-build.ts); returns the bundle's path and contents. */
export async function buildFunction(entry: string, outdir: string) {
  const { outfile, metafile } = await buildAsDeployed({ entry, outdir });
  return { outfile, code: await readFile(outfile), contents: bundleContents(metafile, outfile) };
}

const postEvent = (query: string) =>
  JSON.stringify(functionUrlEvent({ method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json" } }));

export async function coldStart(env: NodeJS.ProcessEnv, work: string, runs: number) {
  console.log(`cold start (fresh process: import the bundle, serve one POST; median of ${runs}, interleaved)`);
  const ours = await buildFunction("functions/graphql.ts", path.join(work, "graphql"));
  const reference = await buildFunction("bench/reference/hello-world.ts", path.join(work, "hello-world"));
  const kib = (bytes: number) => bytes / 1024;
  record({
    figure: "GraphQL bundle",
    ours: kib(ours.code.byteLength),
    unit: `KiB minified, ${kib(gzipSync(ours.code).byteLength).toFixed(0)} KiB gzipped`,
    reference: kib(reference.code.byteLength),
    referenceName: "hello-world yoga + Pothos",
    ratio: ours.code.byteLength / reference.code.byteLength,
    target: "≤ 400 KiB",
    met: ours.code.byteLength <= 400 * 1024,
  });
  console.log(
    `    largest parts: ${ours.contents
      .slice(0, 16)
      .map((part) => `${part.name} ${kib(part.bytes).toFixed(1)}`)
      .join(", ")} (KiB)`,
  );
  notes.set("GraphQL bundle contents (bytes)", Object.fromEntries(ours.contents.map((part) => [part.name, part.bytes])));

  const oursEvent = postEvent(timelineQuery);
  const referenceEvent = postEvent("{ hello }");
  const load = [await loadAverage()];
  for (const runtime of nodeRuntimes(env)) {
    const times = { bare: [] as number[], reference: [] as number[], ours: [] as number[] };
    const cpu = { reference: [] as number[], ours: [] as number[] };
    const child = async (bundle: string, event: string, into: "reference" | "ours") => {
      const run = await runNode(["bench/cold-start-child.mjs", bundle, event], env, runtime.path);
      times[into].push(run.ms);
      cpu[into].push(run.cpuMs ?? Number.NaN);
    };
    for (let i = 0; i < runs; i += 1) {
      times.bare.push(await timeNode(["-e", ""], env, runtime.path));
      await child(reference.outfile, referenceEvent, "reference");
      await child(ours.outfile, oursEvent, "ours");
    }
    const lambdaRuntime = runtime.name === "Node 22";
    const ratio = median(times.ours) / median(times.reference);
    record({
      figure: `${runtime.name} (${runtime.version}): bare node -e ''`,
      ours: median(times.bare),
      unit: "ms",
      range: range(times.bare),
    });
    record({
      figure: `${runtime.name}: hello-world reference`,
      ours: median(times.reference),
      unit: "ms",
      range: range(times.reference),
      reference: median(times.bare),
      referenceName: "bare node",
      ratio: median(times.reference) / median(times.bare),
    });
    record({
      figure: `${runtime.name}: cold start, GraphQL bundle + first page of 20 events`,
      ours: median(times.ours),
      unit: "ms",
      range: range(times.ours),
      reference: median(times.reference),
      referenceName: "hello-world reference",
      ratio,
      ...(lambdaRuntime ? { target: "≤ 1.25×", met: ratio <= 1.25 } : {}),
    });
    record({
      figure: `${runtime.name}: the same, CPU time of the process (user + system)`,
      ours: median(cpu.ours),
      unit: "ms",
      range: range(cpu.ours),
      reference: median(cpu.reference),
      referenceName: "hello-world reference",
      ratio: median(cpu.ours) / median(cpu.reference),
    });
    record({
      figure: `${runtime.name}: cold start against bare node`,
      ours: median(times.ours),
      unit: "ms",
      reference: median(times.bare),
      referenceName: "bare node",
      ratio: median(times.ours) / median(times.bare),
    });
    if (lambdaRuntime) {
      await compileCacheSavings({ runtime, env, work, bundle: ours.outfile, event: oursEvent, runs });
    }
    load.push(await loadAverage());
  }
  notes.set("load average during the cold start (1 min, before and after each runtime)", load);
  console.log(`    load average (1 min): ${load.join(", ")}`);
}
