// CPU time, which a shared machine's load distorts far less than wall time: this process's, and another's
// (DynamoDB Local's JVM) from /proc where there is one.
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

/** CPU seconds (user + system) used so far by process `pid`, or undefined without /proc. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Runs `run` and says how much CPU it took: this process's, and `other`'s (e.g. DynamoDB Local) meanwhile. */
export async function withCpu<T>(run: () => Promise<T>, other?: number): Promise<{ value: T; ms: number; cpu: number; otherCpu?: number }> {
  const otherBefore = other === undefined ? undefined : processCpuSeconds(other);
  const before = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(before);
  const otherAfter = other === undefined ? undefined : processCpuSeconds(other);
  const otherCpu = otherBefore === undefined || otherAfter === undefined ? undefined : (otherAfter - otherBefore) * 1000;
  return { value, ms, cpu: (used.user + used.system) / 1000, otherCpu };
}

/** "CPU 1.2 s here + 0.4 s DynamoDB Local", for a figure's unit. */
export const cpuText = (runs: { cpu: number; otherCpu?: number }[], median: (values: number[]) => number) => {
  const here = median(runs.map((r) => r.cpu)) / 1000;
  const others = runs.map((r) => r.otherCpu).filter((v): v is number => v !== undefined);
  return `CPU ${here.toFixed(2)} s here${others.length === runs.length ? ` + ${(median(others) / 1000).toFixed(2)} s DynamoDB Local` : ""}`;
};
