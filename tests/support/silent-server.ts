// Stand-ins for a DynamoDB endpoint that stopped answering, on loopback, counting what reaches them:
// - "silent": accepts connections and never writes a byte (a black hole);
// - "trickle": answers 200 with a large declared body, then one byte per interval, so an idle timeout never fires;
// - "reset": accepts and drops every connection at once (a store that fails fast).
import { createServer, type Socket } from "node:net";

export type SilentMode = "silent" | "trickle" | "reset";

export interface SilentServer {
  /** E.g. http://127.0.0.1:40123, for DYNAMODB_ENDPOINT or a client's endpoint. */
  endpoint: string;
  /** Connections accepted so far. */
  connections(): number;
  /** HTTP requests whose request line arrived so far (each is one attempt of a client). */
  requests(): number;
  close(): Promise<void>;
}

const requestLine = /(?:^|\r\n)[A-Z]+ \S+ HTTP\/1\.[01]\r\n/g;

export async function startSilentServer(mode: SilentMode = "silent", options: { trickleEveryMs?: number } = {}): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  let requests = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    if (mode === "reset") {
      socket.resetAndDestroy();
      return;
    }
    let received = "";
    let answering = false;
    socket.on("data", (chunk: Buffer) => {
      // Count request lines in what this connection sent so far (bounded: a client sends a few KB).
      const before = received.match(requestLine)?.length ?? 0;
      received = (received + chunk.toString("latin1")).slice(-65_536);
      requests += Math.max(0, (received.match(requestLine)?.length ?? 0) - before);
      if (mode !== "trickle" || answering || !received.includes("\r\n\r\n")) return;
      answering = true;
      socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: 1000000\r\n\r\n{");
      const timer = setInterval(() => socket.writable && socket.write(" "), options.trickleEveryMs ?? 100);
      timers.add(timer);
      socket.on("close", () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
