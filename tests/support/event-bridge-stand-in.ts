// A stand-in for EventBridge's endpoint, on loopback: records each request as it arrived (method, headers,
// body) and answers with the scripted responses in turn, then with PutEvents' success for one entry.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedResponse {
  status: number;
  body: unknown;
}

export interface EventBridgeStandIn {
  /** E.g. http://127.0.0.1:40123, for AWS_ENDPOINT_URL_EVENTBRIDGE. */
  endpoint: string;
  requests: RecordedRequest[];
  /** The entries of every PutEvents received, their Detail parsed. */
  entries(): { Source: string; DetailType: string; EventBusName?: string; Detail: any }[];
  /** Answers the next requests with these, in order. */
  script(...responses: ScriptedResponse[]): void;
  reset(): void;
  close(): Promise<void>;
}

export const throttled: ScriptedResponse = { status: 400, body: { __type: "ThrottlingException", message: "Rate exceeded" } };
export const denied: ScriptedResponse = {
  status: 400,
  body: { __type: "AccessDeniedException", message: "not authorized to perform: events:PutEvents" },
};
export const internalEntryFailure: ScriptedResponse = {
  status: 200,
  body: { FailedEntryCount: 1, Entries: [{ ErrorCode: "InternalFailure", ErrorMessage: "Internal service error" }] },
};

export async function startEventBridgeStandIn(): Promise<EventBridgeStandIn> {
  const requests: RecordedRequest[] = [];
  let scripted: ScriptedResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const next = scripted.shift() ?? { status: 200, body: { FailedEntryCount: 0, Entries: [{ EventId: `event-${requests.length}` }] } };
      response.writeHead(next.status, { "content-type": "application/x-amz-json-1.1" });
      response.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    entries: () =>
      requests.flatMap((r) => (JSON.parse(r.body).Entries as any[]).map((entry) => ({ ...entry, Detail: JSON.parse(entry.Detail) }))),
    script: (...responses) => {
      scripted = [...scripted, ...responses];
    },
    reset: () => {
      requests.length = 0;
      scripted = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
