// Small measuring helpers: medians of repeated runs, wall time of a child process.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The smallest and largest of repeated measurements. */
export const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** The machine's load average over the last minute (/proc/loadavg), or undefined where there is none. */
export async function loadAverage(): Promise<number | undefined> {
  const text = await readFile("/proc/loadavg", "utf8").catch(() => undefined);
  return text === undefined ? undefined : Number(text.split(" ")[0]);
}

/** A user to run a child process as (root ignores read-only permissions, so a read-only check needs another user). */
export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Milliseconds from spawning `node args` to its exit, and the CPU time the child reports on a last line
 * `cpu <ms>` when it does (CPU time is what a busy machine disturbs least); rejects on a non-zero exit.
 */
export function runNode(
  args: string[],
  env: Record<string, string | undefined> = process.env,
  node = process.execPath,
  runAs?: RunAs,
): Promise<{ ms: number; cpuMs?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, args, { env, stdio: ["ignore", "pipe", "pipe"], ...runAs });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // The wall time ends when the process does; its output is read once its pipes close.
    let exitedAfter = 0;
    child.on("exit", () => {
      exitedAfter = performance.now() - started;
    });
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr}`));
      const cpu = /^cpu (\d+(?:\.\d+)?)$/m.exec(stdout);
      resolve({ ms: exitedAfter, ...(cpu ? { cpuMs: Number(cpu[1]) } : {}) });
    });
  });
}

/** Milliseconds from spawning `node args` to its exit; rejects on a non-zero exit. */
export async function timeNode(...args: Parameters<typeof runNode>): Promise<number> {
  return (await runNode(...args)).ms;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}
