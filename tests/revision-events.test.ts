import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { awsEndpointVariables, environment } from "../core/environment";
import type { SyncPlan } from "../core/sync/plan";
import { syncContent } from "../core/sync/sync";
import { putEvent } from "../functions/event-bridge";
import { announceRevision } from "../functions/revision-announcement";
import { eventFile, sourceFile, writeContentFolder } from "./support/content-folder";
import { freshTable, testClient } from "./support/dynamodb";
import { denied, type EventBridgeStandIn, internalEntryFailure, startEventBridgeStandIn, throttled } from "./support/event-bridge-stand-in";
import { NodeSha256 } from "./support/node-sha256";
import { startSilentServer } from "./support/silent-server";

const credentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "session//token",
};
const now = new Date("2026-11-26T19:30:00Z");

const planOf = (changes: SyncPlan["changes"], id = "3f2a9c1") => ({ changes, revision: { id } }) as Pick<SyncPlan, "changes" | "revision">;
const emptyLists = { events: [], sources: [], people: [], places: [], media: [] };

describe("the Revision published event, put on EventBridge after a sync", () => {
  let eventBridge: EventBridgeStandIn;
  let lines: string[];
  const env = () => ({
    [environment.eventBus]: "default",
    [environment.stage]: "prod",
    [awsEndpointVariables.eventBridge]: eventBridge.endpoint,
    AWS_REGION: "eu-central-1",
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
  });
  const announce = (plan: Pick<SyncPlan, "changes" | "revision">, options: Parameters<typeof announceRevision>[1] = {}) =>
    announceRevision(plan, { env: env(), write: (line) => lines.push(line), now: () => now, ...options });

  beforeAll(async () => {
    eventBridge = await startEventBridgeStandIn();
  });
  afterAll(() => eventBridge.close());
  beforeEach(() => {
    eventBridge.reset();
    lines = [];
  });

  it("announces what a sync published: one PutEvents on the default bus, with the slugs by kind and the stage", async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const source = { "sources/opracowanie.yaml": sourceFile("Rewolucja październikowa", "article") };
    const dir = await writeContentFolder({
      ...source,
      "events/szturm.md": eventFile({ title: "Szturm", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
      "events/zjazd.md": eventFile({ title: "Zjazd", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
    });
    await syncContent({ contentDir: dir, client, tableName, revisionId: "r1" });
    await writeContentFolder(
      {
        ...source,
        "events/szturm.md": eventFile({ title: "Szturm na Pałac Zimowy", date: "{ julian: 1917-10-25 }", sources: ["opracowanie"] }),
        "events/dekret.md": eventFile({ title: "Dekret o pokoju", date: "{ julian: 1917-10-26 }", sources: ["opracowanie"] }),
      },
      dir,
    );
    const outcome = await syncContent({ contentDir: dir, client, tableName, revisionId: "r2" });
    if (outcome.status !== "applied") throw new Error(outcome.status);

    expect(await announce(outcome.plan)).toBe("put");
    expect(eventBridge.entries()).toEqual([
      {
        Source: "kronika",
        DetailType: "Revision published",
        EventBusName: "default",
        Detail: {
          revision: "r2",
          stage: "prod",
          truncated: false,
          created: { ...emptyLists, events: ["dekret"] },
          updated: { ...emptyLists, events: ["szturm"] },
          deleted: { ...emptyLists, events: ["zjazd"] },
        },
      },
    ]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: "INFO", message: "revision published: r2", eventId: "event-1", truncated: false },
    ]);
  });

  it("signs the request for EventBridge in the function's region, as the AWS SDK's signer does", async () => {
    await announce(planOf([{ kind: "event", slug: "szturm", title: "Szturm", action: "create" }]));
    const [request] = eventBridge.requests;
    expect(request).toMatchObject({ method: "POST", path: "/" });
    expect(request.headers).toMatchObject({
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSEvents.PutEvents",
      "x-amz-security-token": credentials.sessionToken,
      "x-amz-date": "20261126T193000Z",
    });
    const url = new URL(eventBridge.endpoint);
    const signedHeaders = ["content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"];
    const sdk = await new SignatureV4({
      credentials,
      region: "eu-central-1",
      service: "events",
      sha256: NodeSha256,
      applyChecksum: false,
    }).sign(
      {
        method: "POST",
        protocol: "http:",
        hostname: url.hostname,
        port: Number(url.port),
        path: "/",
        query: {},
        headers: Object.fromEntries(signedHeaders.filter((h) => h !== "x-amz-security-token").map((h) => [h, String(request.headers[h])])),
        body: request.body,
      },
      { signingDate: now },
    );
    expect(request.headers.authorization).toBe(sdk.headers.authorization);
    expect(request.headers.authorization).toContain("/eu-central-1/events/aws4_request");
  });

  it("retries throttling and an entry EventBridge failed internally, then puts it once", async () => {
    eventBridge.script(throttled, internalEntryFailure);
    expect(await announce(planOf([]))).toBe("put");
    expect(eventBridge.requests).toHaveLength(3);
    expect(new Set(eventBridge.requests.map((r) => r.body)).size).toBe(1);
  });

  it("never fails the sync: a refused put is one ERROR line that is also a RevisionEventFailures metric for the stage", async () => {
    eventBridge.script(denied);
    expect(await announce(planOf([]))).toBe("failed");
    expect(eventBridge.requests).toHaveLength(1);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({
      level: "ERROR",
      revision: "3f2a9c1",
      Stage: "prod",
      RevisionEventFailures: 1,
      _aws: {
        Timestamp: now.getTime(),
        CloudWatchMetrics: [{ Namespace: "Kronika", Dimensions: [["Stage"]], Metrics: [{ Name: "RevisionEventFailures", Unit: "Count" }] }],
      },
    });
    expect(line.message).toContain("AccessDeniedException: not authorized to perform: events:PutEvents");
  });

  it("gives up on an endpoint that drops every connection after three attempts, and says so", async () => {
    const dropping = await startSilentServer("reset");
    try {
      const outcome = await announceRevision(planOf([]), {
        env: { ...env(), [awsEndpointVariables.eventBridge]: dropping.endpoint },
        write: (line) => lines.push(line),
      });
      expect(outcome).toBe("failed");
      expect(dropping.connections()).toBe(3);
      expect(JSON.parse(lines[0])).toMatchObject({ level: "ERROR", RevisionEventFailures: 1 });
    } finally {
      await dropping.close();
    }
  });

  it("puts nothing where no bus is configured (the CLI, npm start), and fails without credentials rather than look for them", async () => {
    const { [environment.eventBus]: _bus, ...withoutBus } = env();
    expect(await announceRevision(planOf([]), { env: withoutBus, write: (line) => lines.push(line) })).toBe("none");
    const { AWS_ACCESS_KEY_ID: _key, ...withoutKey } = env();
    expect(await announceRevision(planOf([]), { env: withoutKey, write: (line) => lines.push(line) })).toBe("failed");
    expect(eventBridge.requests).toEqual([]);
    expect(JSON.parse(lines[0]).message).toContain("no AWS credentials");
  });

  it("waits for the CDN to serve the revision before putting the event, and still puts it when that wait fails", async () => {
    const order: string[] = [];
    const served = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          order.push(`served, ${eventBridge.requests.length} put`);
          resolve();
        }, 50),
      );
    expect(await announce(planOf([]), { served })).toBe("put");
    expect(order).toEqual(["served, 0 put"]);
    expect(eventBridge.requests).toHaveLength(1);

    expect(await announce(planOf([]), { served: () => Promise.reject(new Error("invalidation still in progress")) })).toBe("put");
    expect(eventBridge.requests).toHaveLength(2);
    expect(JSON.parse(lines[1])).toMatchObject({ level: "WARN", message: expect.stringContaining("invalidation still in progress") });
  });

  it("refuses an entry without retrying when EventBridge answers that the request is wrong", async () => {
    eventBridge.script({ status: 400, body: { __type: "ValidationException", message: "Detail is malformed" } });
    await expect(
      putEvent(
        { source: "kronika", detailType: "Revision published", detail: {} },
        { region: "eu-central-1", endpoint: eventBridge.endpoint, credentials },
      ),
    ).rejects.toThrow("ValidationException: Detail is malformed");
    expect(eventBridge.requests).toHaveLength(1);
  });
});
