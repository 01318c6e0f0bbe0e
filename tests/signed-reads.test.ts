import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SignatureV4 } from "@smithy/signature-v4";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sdkTableReads } from "../core/store/sdk-table-reads";
import { DynamoDbError, signedTableReads } from "../core/store/signed-table-reads";
import { signRequest } from "../core/store/sigv4";
import { localCredentials } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { freshTable, testClient } from "./support/dynamodb";
import { NodeSha256 } from "./support/node-sha256";

describe("Signature Version 4", () => {
  const now = new Date("2026-11-26T19:30:00Z");
  const body = JSON.stringify({ TableName: "kronika", Key: { pk: { S: "REVISION" }, sk: { S: "CURRENT" } } });
  const url = new URL("https://dynamodb.eu-central-1.amazonaws.com/");
  const headers = { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.GetItem" };

  for (const credentials of [
    { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "IQoJb3JpZ2luX2VjE//session" },
  ]) {
    it(`signs a DynamoDB request as the AWS SDK's signer does${credentials.sessionToken ? ", with a session token" : ""}`, async () => {
      const ours = signRequest({ method: "POST", url, headers, body }, credentials, { region: "eu-central-1", service: "dynamodb" }, now);
      const sdk = await new SignatureV4({
        credentials,
        region: "eu-central-1",
        service: "dynamodb",
        sha256: NodeSha256,
        applyChecksum: false,
      }).sign(
        { method: "POST", protocol: "https:", hostname: url.hostname, path: "/", query: {}, headers: { ...headers, host: url.host }, body },
        { signingDate: now },
      );
      expect(ours.authorization).toBe(sdk.headers.authorization);
      expect(ours["x-amz-security-token"]).toBe(sdk.headers["x-amz-security-token"]);
    });
  }

  it("matches the published SigV4 test suite's get-vanilla example", () => {
    const signed = signRequest(
      { method: "GET", url: new URL("https://example.amazonaws.com/"), headers: {}, body: "" },
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
      { region: "us-east-1", service: "service" },
      new Date("2015-08-30T12:36:00Z"),
    );
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });
});

describe("signed table reads", () => {
  let tableName: string;
  const local = () => signedTableReads({ region: "local", endpoint: inject("dynamodbEndpoint"), credentials: localCredentials });

  beforeAll(async () => {
    const { client } = testClient();
    tableName = await freshTable(client);
    expect((await syncContent({ contentDir: path.resolve("tests/fixtures/collection-1917"), client, tableName })).status).toBe("applied");
  });

  it("read from DynamoDB Local exactly what the AWS SDK reads", async () => {
    const sdk = sdkTableReads(testClient().client);
    const get = { TableName: tableName, Key: { pk: { S: "SOURCE#pipes-russian-revolution" }, sk: { S: "SOURCE" } } };
    expect((await local().getItem(get)).Item).toEqual((await sdk.getItem(get)).Item);
    const query = {
      TableName: tableName,
      IndexName: "byList",
      KeyConditionExpression: "listPk = :l",
      ExpressionAttributeValues: { ":l": { S: "TIMELINE" } },
      Limit: 7,
    };
    const [ours, theirs] = [await local().query(query), await sdk.query(query)];
    expect(ours.Items).toEqual(theirs.Items);
    expect(ours.Items?.length).toBe(7);
    expect(ours.LastEvaluatedKey).toEqual(theirs.LastEvaluatedKey);
    const batch = { RequestItems: { [tableName]: { Keys: [get.Key, { pk: { S: "EVENT#dni-lipcowe" }, sk: { S: "EVENT" } }] } } };
    const sortBySlug = (items: Record<string, { S?: string }>[] = []) =>
      [...items].sort((a, b) => String(a.slug.S).localeCompare(String(b.slug.S)));
    expect(sortBySlug((await local().batchGetItem(batch)).Responses?.[tableName])).toEqual(
      sortBySlug((await sdk.batchGetItem(batch)).Responses?.[tableName]),
    );
  });

  it("names DynamoDB's errors as the SDK does", async () => {
    const error = await local()
      .getItem({ TableName: "no-such-table", Key: { pk: { S: "x" }, sk: { S: "y" } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(DynamoDbError);
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.statusCode).toBe(400);
  });

  /** A stand-in for DynamoDB that gives the answers in turn (the last one again after that); returns what it was sent. */
  async function answering(answers: (readonly [number, unknown])[], use: (endpoint: string, seen: string[]) => Promise<void>) {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.headers["x-amz-target"]} ${String(request.headers.authorization).split(",")[0]}`);
      const [status, body] = answers[Math.min(seen.length - 1, answers.length - 1)];
      response.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
    } finally {
      server.close();
    }
  }

  it("does not retry a client error", async () => {
    await answering([[400, { __type: "com.amazon.coral.validate#ValidationException", message: "bad key" }]], async (endpoint, seen) => {
      const reads = signedTableReads({ region: "eu-central-1", endpoint, credentials: localCredentials });
      await expect(reads.query({ TableName: "t" })).rejects.toMatchObject({ name: "ValidationException", message: "bad key" });
      expect(seen).toHaveLength(1);
    });
  });

  it("retries throttling and server errors with backoff, up to its attempts", async () => {
    const answers = [
      [400, { __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", message: "slow down" }],
      [500, { __type: "com.amazon.coral.service#InternalFailure", message: "oops" }],
      [200, { Item: { pk: { S: "x" } } }],
    ] as const;
    await answering([...answers], async (endpoint, seen) => {
      const reads = signedTableReads({ region: "eu-central-1", endpoint, credentials: localCredentials });
      expect(await reads.getItem({ TableName: "t", Key: {} })).toEqual({ Item: { pk: { S: "x" } } });
      expect(seen).toHaveLength(3);
      for (const line of seen)
        expect(line).toMatch(/^DynamoDB_20120810\.GetItem AWS4-HMAC-SHA256 Credential=local\/\d{8}\/eu-central-1\/dynamodb\/aws4_request$/);
      seen.length = 0;
      // The first two answers are failures: two attempts are not enough.
      const twice = signedTableReads({ region: "eu-central-1", endpoint, credentials: localCredentials, maxAttempts: 2 });
      await expect(twice.getItem({ TableName: "t", Key: {} })).rejects.toMatchObject({
        name: "StoreUnavailableError",
        cause: { name: "InternalFailure", statusCode: 500 },
      });
      expect(seen.length).toBe(2);
    });
  });
});
