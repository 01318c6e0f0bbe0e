// Runs `npm start` (or its entry point) as a child process and follows its output.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface StartedProcess {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Resolves with the exit code once the process has ended by itself or been stopped. */
  exited: Promise<number | null>;
}

/** Starts `cli/start.ts` directly, or `throughNpm` as users do (`npm start`), so that signals pass through npm's shell. */
export function startKronika(
  args: string[],
  env: Record<string, string | undefined>,
  { throughNpm = false }: { throughNpm?: boolean } = {},
): StartedProcess {
  const [command, commandArgs] = throughNpm
    ? ["npm", ["start", "--silent", "--", ...args]]
    : [process.execPath, ["--import", "tsx", "cli/start.ts", ...args]];
  const child = spawn(command, commandArgs, {
    env: { ...process.env, DYNAMODB_ENDPOINT: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    waitFor: async (pattern, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Processes whose command line contains every one of `parts` (read from /proc). */
export function processesMatching(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      if (parts.every((part) => cmdline.includes(part))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}
