import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listIndex, tableKeys } from "../core/store/table-definition";
import { KronikaStack } from "../infra/kronika-stack";
import { freshTable, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";

const run = promisify(execFile);
const contentDir = path.resolve("content");

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

describe("the CDK stack", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  let outdir: string;

  beforeAll(() => {
    const app = new App();
    const stack = new KronikaStack(app, "Kronika-test", { stage: "test", contentDir, revision: "abc123" });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
    outdir = app.synth().directory;
  });

  const functionNamed = (pathPart: string) => {
    const entry = Object.entries(resources).find(([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith(pathPart));
    if (!entry) throw new Error(`no function ${pathPart}`);
    return { id: entry[0], ...entry[1] };
  };
  const dynamoActionsOf = (functionId: string) => {
    const roleId = resources[functionId].Properties.Role["Fn::GetAtt"][0];
    return Object.values(resources)
      .filter((r) => r.Type === "AWS::IAM::Policy" && r.Properties.Roles.some((role: any) => role.Ref === roleId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement)
      .flatMap((s: any) => [s.Action].flat())
      .filter((a: string) => a.startsWith("dynamodb:"))
      .sort();
  };
  const assetDir = (fn: Resource) => path.join(outdir, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, "")}`);

  it("keeps the content in an on-demand table with point-in-time recovery, deletion protection and RETAIN", () => {
    template.hasResource("AWS::DynamoDB::GlobalTable", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        BillingMode: "PAY_PER_REQUEST",
        Replicas: [
          Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
      }),
    });
  });

  it("declares the same keys and index as the table the local store creates", async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const [cloud] = Object.values(resources).filter((r) => r.Type === "AWS::DynamoDB::GlobalTable");
    const sortBy = <T extends Record<string, any>>(list: T[], key: string) =>
      [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
    expect(sortBy(cloud.Properties.AttributeDefinitions, "AttributeName")).toEqual(
      sortBy(Table?.AttributeDefinitions ?? [], "AttributeName"),
    );
    expect(cloud.Properties.KeySchema).toEqual(Table?.KeySchema);
    expect(
      cloud.Properties.GlobalSecondaryIndexes.map((i: any) => ({
        IndexName: i.IndexName,
        KeySchema: i.KeySchema,
        Projection: i.Projection,
      })),
    ).toEqual(Table?.GlobalSecondaryIndexes?.map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection })));
    expect(cloud.Properties.KeySchema).toEqual([
      { AttributeName: tableKeys.partitionKey, KeyType: "HASH" },
      { AttributeName: tableKeys.sortKey, KeyType: "RANGE" },
    ]);
    expect(cloud.Properties.GlobalSecondaryIndexes[0].IndexName).toBe(listIndex.indexName);
  });

  it("runs the GraphQL function on Node.js 22 and arm64 behind a public Function URL", () => {
    const api = functionNamed("ApiFunction");
    expect(api.Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      MemorySize: 1024,
      Timeout: 10,
    });
    expect(api.Properties.Environment.Variables.KRONIKA_TABLE).toEqual({ Ref: expect.stringMatching(/^ContentTable/) });
    template.hasResourceProperties("AWS::Lambda::Url", { AuthType: "NONE", TargetFunctionArn: { "Fn::GetAtt": [api.id, "Arn"] } });
  });

  it("lets the API only read by key and by index, and only the sync write", () => {
    expect(dynamoActionsOf(functionNamed("ApiFunction").id)).toEqual(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"]);
    expect(dynamoActionsOf(functionNamed("SyncFunction").id)).toEqual(["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:Scan"]);
  });

  it("runs the sync at deploy time through a trigger, with the revision it was given", () => {
    const sync = functionNamed("SyncFunction");
    expect(sync.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Timeout: 600 });
    expect(sync.Properties.Environment.Variables).toMatchObject({ KRONIKA_REVISION: "abc123", KRONIKA_ALLOW_MASS_DELETE: "false" });
    template.resourceCountIs("Custom::Trigger", 1);
  });

  it("outputs the GraphQL URL and the table name", () => {
    template.hasOutput("GraphqlUrl", {});
    template.hasOutput("TableName", {});
  });

  it("ships bundles that sync the content and answer a Function URL event, each in a fresh Node process", async () => {
    const { client } = testClient();
    const tableName = await freshTable(client);
    const env = { ...process.env, DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"), KRONIKA_TABLE: tableName, AWS_REGION: "eu-central-1" };
    // Each function runs with the environment its template gives it (the table pointed at the test table).
    const invoke = async (functionId: string, event: unknown) => {
      const fn = functionNamed(functionId);
      const dir = assetDir(fn);
      const variables = Object.fromEntries(Object.entries(fn.Properties.Environment.Variables).filter(([, v]) => typeof v === "string"));
      const script = `const { handler } = await import(${JSON.stringify(path.join(dir, "index.mjs"))}); console.log(JSON.stringify(await handler(${JSON.stringify(event)})));`;
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...env, ...variables, KRONIKA_TABLE: tableName, LAMBDA_TASK_ROOT: dir },
      });
      return JSON.parse(stdout.trim().split("\n").pop() as string);
    };
    const synced = await invoke("SyncFunction", {});
    expect(synced.revision).toBe("abc123");
    expect(synced.counts.event.create).toBeGreaterThan(0);
    const response = await invoke(
      "ApiFunction",
      functionUrlEvent({ query: new URLSearchParams({ query: "{ revision { id eventCount } }" }).toString() }),
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { revision: { id: "abc123", eventCount: synced.counts.event.create } } });
  });
});
