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

/** Milliseconds from spawning `node args` to its exit; rejects on a non-zero exit. */
export function timeNode(args: string[], env: Record<string, string | undefined> = process.env, node = process.execPath): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr}`)),
    );
  });
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}
