// What a V8 compile cache made at build time would save the GraphQL function's cold start on Node 22, and
// whether Node uses it from a read-only directory, as /var/task is on Lambda. The cache is made by one run
// of the bundle with NODE_COMPILE_CACHE, the directory is then made read-only, and the same bundle is timed
// with and without it, interleaved. Node keys the cache by its exact version, the CPU architecture, the
// user id and the module's path, so this measures the mechanism here; it is not shipped (docs/benchmark.md).
import { execFile } from "node:child_process";
import { chmod, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { record } from "./figures";
import { median, type RunAs, range, runNode, timeNode } from "./measure";
import type { NodeRuntime } from "./node-runtimes";

const execute = promisify(execFile);

/** Root ignores read-only permissions: then the runs go as `nobody`, who must be able to read the bundle. */
const nobody: RunAs | undefined = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

async function readOnly(dir: string) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await readOnly(path.join(dir, entry.name));
    else await chmod(path.join(dir, entry.name), 0o444);
  }
  await chmod(dir, 0o555);
}

export async function compileCacheSavings(options: {
  runtime: NodeRuntime;
  env: NodeJS.ProcessEnv;
  work: string;
  bundle: string;
  event: string;
  runs: number;
}) {
  const { runtime, env, work, bundle, event, runs } = options;
  const dir = path.join(work, "compile-cache");
  await mkdir(dir, { recursive: true });
  // Every folder on the way must be open to the user the runs go as.
  if (nobody) for (const folder of [work, path.dirname(bundle), dir]) await chmod(folder, 0o755);
  if (nobody) await chmod(dir, 0o777);
  const child = ["bench/cold-start-child.mjs", bundle, event];
  const withCache = { ...env, NODE_COMPILE_CACHE: dir };
  await timeNode(child, withCache, runtime.path, nobody);
  await readOnly(dir);
  // Node says what it does with the cache when NODE_DEBUG_NATIVE names it.
  const { stderr } = await execute(runtime.path, child, { env: { ...withCache, NODE_DEBUG_NATIVE: "COMPILE_CACHE" }, ...nobody });
  const used = new RegExp(`cache for file://${bundle.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} was accepted`).test(stderr);
  const times = { without: [] as number[], with: [] as number[] };
  const cpu = { without: [] as number[], with: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    for (const [variant, variantEnv] of [
      ["without", env],
      ["with", withCache],
    ] as const) {
      const run = await runNode(child, variantEnv, runtime.path, nobody);
      times[variant].push(run.ms);
      cpu[variant].push(run.cpuMs ?? Number.NaN);
    }
  }
  record({
    figure: `${runtime.name}: cold start with a build-time compile cache in a read-only directory (${used ? "used" : "NOT used"})`,
    ours: median(times.with),
    unit: "ms",
    range: range(times.with),
    reference: median(times.without),
    referenceName: "the same bundle without it, same runs",
    ratio: median(times.with) / median(times.without),
  });
  record({
    figure: `${runtime.name}: the same, CPU time`,
    ours: median(cpu.with),
    unit: "ms",
    range: range(cpu.with),
    reference: median(cpu.without),
    referenceName: "without it",
    ratio: median(cpu.with) / median(cpu.without),
  });
}
