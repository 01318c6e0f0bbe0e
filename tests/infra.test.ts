import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { App, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { CachePolicy, ResponseHeadersPolicy } from "aws-cdk-lib/aws-cloudfront";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { awsEndpointVariables, environment, lambdaVariables } from "../core/environment";
import { operationHash } from "../core/operations/operation-manifest";
import { latestIndex, listIndex, listIndexes, tableKeys } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { exampleTabs } from "../functions/example-query";
import { contextOption, deployOptions, webhookOption } from "../infra/deploy-options";
import { KronikaStack, type KronikaStackProps } from "../infra/kronika-stack";
import { isPullRequestStage, pullRequestStageName, stageOption } from "../infra/stage";
import { eventFile } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";
import { type EventBridgeStandIn, startEventBridgeStandIn } from "./support/event-bridge-stand-in";
import { functionUrlEvent } from "./support/function-url-event";
import { environmentReads, moduleGraph, parseSource } from "./support/source-files";

const execute = promisify(execFile);
// A frozen copy of the 1917 collection, so that editing content/ cannot break the stack's tests.
const contentDir = path.resolve("tests/fixtures/collection-1917");
const lambdaResponseLimit = 6 * 1024 * 1024;
/** Variables Node.js itself reads, which a function may be given beside Kronika's. */
const nodeVariables = ["NODE_OPTIONS"];

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; DependsOn?: string[] };

interface SynthOptions {
  bundle: boolean;
  /** The API's region. Default: eu-central-1, so the edge protection has a stack of its own in us-east-1. */
  region?: string;
  props?: Partial<KronikaStackProps>;
}

function synth(stage: string, options: SynthOptions) {
  const app = new App(options.bundle ? {} : { context: { "aws:cdk:bundling-stacks": [] } });
  const env = { region: options.region ?? "eu-central-1" };
  const stack = new KronikaStack(app, `Kronika-${stage}`, { stage, contentDir, revision: "abc123", env, ...options.props });
  const template = Template.fromStack(stack);
  // The stacks in us-east-1 outside it, if any: CloudFront's edge features, and the alarm on CloudFront's metrics.
  const edge = stack.edgeStack;
  const edgeTemplate = edge ? Template.fromStack(edge) : undefined;
  const cdnAlarms = stack.cdnAlarmStack;
  return {
    app,
    stack,
    template,
    resources: template.toJSON().Resources as Record<string, Resource>,
    edge,
    edgeResources: (edgeTemplate?.toJSON().Resources ?? {}) as Record<string, Resource>,
    edgeOutputs: (edgeTemplate?.toJSON().Outputs ?? {}) as Record<string, { Value: unknown }>,
    cdnAlarms,
    cdnAlarmResources: (cdnAlarms ? Template.fromStack(cdnAlarms).toJSON().Resources : {}) as Record<string, Resource>,
    outdir: app.synth().directory,
  };
}

describe("the CDK stack", () => {
  let prod: ReturnType<typeof synth>;
  let dev: ReturnType<typeof synth>;

  beforeAll(() => {
    prod = synth("prod", { bundle: true });
    dev = synth("dev", { bundle: false });
  });

  const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const functionNamed = (pathPart: string) => {
    const entry = ofType(prod.resources, "AWS::Lambda::Function").find(([id]) => id.startsWith(pathPart));
    if (!entry) throw new Error(`no function ${pathPart}`);
    return { id: entry[0], ...entry[1] };
  };
  const statementsOf = (functionId: string) => {
    const roleId = prod.resources[functionId].Properties.Role["Fn::GetAtt"][0];
    return ofType(prod.resources, "AWS::IAM::Policy")
      .filter(([, r]) => r.Properties.Roles.some((role: any) => role.Ref === roleId))
      .flatMap(([, r]) => r.Properties.PolicyDocument.Statement);
  };
  const actionsOf = (functionId: string, prefix: string) =>
    statementsOf(functionId)
      .flatMap((s: any) => [s.Action].flat())
      .filter((a: string) => a.startsWith(prefix))
      .sort();
  const assetDir = (fn: Resource) => path.join(prod.outdir, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, "")}`);
  const distributionConfig = (deployment: ReturnType<typeof synth>) =>
    ofType(deployment.resources, "AWS::CloudFront::Distribution")[0][1].Properties.DistributionConfig;
  const behaviorAt = (deployment: ReturnType<typeof synth>, pathPattern: string) => {
    const behavior = distributionConfig(deployment).CacheBehaviors.find((b: any) => b.PathPattern === pathPattern);
    if (!behavior) throw new Error(`no behavior for ${pathPattern}`);
    return behavior;
  };
  const originOf = (deployment: ReturnType<typeof synth>, behavior: any) =>
    distributionConfig(deployment).Origins.find((o: any) => o.Id === behavior.TargetOriginId);
  const rateRule = (acl: Resource) => acl.Properties.Rules.find((r: any) => r.Statement.RateBasedStatement).Statement.RateBasedStatement;
  /** What a value read from the edge stack (a weak cross-region reference: Fn::GetStackOutput) is there. */
  const crossRegionSource = (deployment: ReturnType<typeof synth>, value: any) => {
    const { StackName, Region, OutputName } = value["Fn::GetStackOutput"];
    expect({ StackName, Region }).toEqual({ StackName: deployment.edge?.stackName, Region: "us-east-1" });
    return deployment.edgeOutputs[OutputName].Value;
  };

  describe("the table", () => {
    it("is on demand with point-in-time recovery in every stage", () => {
      for (const { template } of [prod, dev]) {
        template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
          BillingMode: "PAY_PER_REQUEST",
          Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
        });
      }
    });

    it("is retained and deletion-protected in prod, and may be destroyed in dev", () => {
      prod.template.hasResource("AWS::DynamoDB::GlobalTable", {
        DeletionPolicy: "Retain",
        Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
      });
      dev.template.hasResource("AWS::DynamoDB::GlobalTable", {
        DeletionPolicy: "Delete",
        Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
      });
    });

    it("declares the same keys and indexes as the table the local store creates", async () => {
      const { client } = testClient();
      const tableName = await freshTable(client);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const [[, cloud]] = ofType(prod.resources, "AWS::DynamoDB::GlobalTable");
      const byName = <T extends Record<string, any>>(list: T[]) =>
        [...list].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
      expect(byName(cloud.Properties.AttributeDefinitions)).toEqual(byName(Table?.AttributeDefinitions ?? []));
      expect(cloud.Properties.KeySchema).toEqual(Table?.KeySchema);
      // DynamoDB lists indexes in an order of its own: compare them by name.
      const indexes = (list: any[]) =>
        list
          .map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection }))
          .sort((a, b) => a.IndexName.localeCompare(b.IndexName));
      expect(indexes(cloud.Properties.GlobalSecondaryIndexes)).toEqual(indexes(Table?.GlobalSecondaryIndexes ?? []));
      expect(cloud.Properties.KeySchema[0].AttributeName).toBe(tableKeys.partitionKey);
      expect(cloud.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual([
        listIndex.indexName,
        latestIndex.indexName,
      ]);
      expect(cloud.Properties.GlobalSecondaryIndexes[1].KeySchema).toEqual([
        { AttributeName: listIndex.partitionKey, KeyType: "HASH" },
        { AttributeName: latestIndex.sortKey, KeyType: "RANGE" },
      ]);
    });
  });

  describe("the functions", () => {
    it("run on Node.js 22 and arm64, with their own log groups kept for a set time", () => {
      for (const name of ["ApiFunction", "SyncFunction"]) {
        const fn = functionNamed(name);
        expect(fn.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Handler: "index.handler" });
        const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
        expect(prod.resources[logGroupId].Properties.RetentionInDays).toBeGreaterThan(0);
      }
      expect(functionNamed("ApiFunction").Properties).toMatchObject({ MemorySize: 1024, Timeout: 10 });
      expect(functionNamed("SyncFunction").Properties).toMatchObject({ MemorySize: 1769 });
      expect(functionNamed("SyncFunction").Properties.Timeout).toBe(900);
    });

    it("let the API only read the table and its two indexes by key, and only the sync write", () => {
      expect(actionsOf(functionNamed("ApiFunction").id, "dynamodb:")).toEqual([
        "dynamodb:BatchGetItem",
        "dynamodb:GetItem",
        "dynamodb:Query",
      ]);
      const apiResources = statementsOf(functionNamed("ApiFunction").id).find((s: any) =>
        [s.Action].flat().includes("dynamodb:Query"),
      ).Resource;
      expect(JSON.stringify(apiResources)).toContain(`/index/${listIndex.indexName}`);
      expect(JSON.stringify(apiResources)).toContain(`/index/${latestIndex.indexName}`);
      expect(JSON.stringify(apiResources)).not.toContain("/index/*");
      // The sync reads by key and through the index too, and never scans.
      expect(actionsOf(functionNamed("SyncFunction").id, "dynamodb:")).toEqual([
        "dynamodb:BatchWriteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
      ]);
      // It waits for its invalidation to complete before announcing the revision.
      expect(actionsOf(functionNamed("SyncFunction").id, "cloudfront:")).toEqual([
        "cloudfront:CreateInvalidation",
        "cloudfront:GetInvalidation",
      ]);
      expect(actionsOf(functionNamed("ApiFunction").id, "cloudfront:")).toEqual([]);
    });

    it("cap the API at 50 concurrent executions unless a deployment sets another number", () => {
      expect(functionNamed("ApiFunction").Properties.ReservedConcurrentExecutions).toBe(50);
      const capped = synth("capped", { bundle: false, props: { apiReservedConcurrency: 7 } });
      const [[, api]] = ofType(capped.resources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("ApiFunction"));
      expect(api.Properties.ReservedConcurrentExecutions).toBe(7);
    });

    it("let the API take any document unless the deployment accepts only persisted operations", () => {
      expect(functionNamed("ApiFunction").Properties.Environment.Variables[environment.persistedOperationsOnly]).toBe("false");
      const strict = synth("strict", { bundle: false, props: { persistedOperationsOnly: true } });
      const [[, api]] = ofType(strict.resources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("ApiFunction"));
      expect(api.Properties.Environment.Variables[environment.persistedOperationsOnly]).toBe("true");
    });

    it("use roles without AWS managed policies", () => {
      for (const name of ["ApiFunction", "SyncFunction"]) {
        const roleId = functionNamed(name).Properties.Role["Fn::GetAtt"][0];
        expect(prod.resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it("run the sync at deploy time through a trigger, with the revision it was given", () => {
      expect(functionNamed("SyncFunction").Properties.Environment.Variables).toMatchObject({
        KRONIKA_REVISION: "abc123",
        KRONIKA_ALLOW_MASS_DELETE: "false",
      });
      prod.template.resourceCountIs("Custom::Trigger", 1);
    });

    it("are given only variables the environment contract declares, each one read by that function's own code", () => {
      // Kronika's functions by the entry they are built from; CDK's own (custom resources) are not Kronika's contract.
      const entries: Record<string, string> = {
        ApiFunction: "functions/graphql.ts",
        SyncFunction: "functions/content-sync.ts",
        OriginRequestFunction: "functions/origin-request.ts",
      };
      const deployment = [...ofType(prod.resources, "AWS::Lambda::Function"), ...ofType(prod.edgeResources, "AWS::Lambda::Function")];
      const ours = deployment.filter(([id]) => !/^(Custom|AWSCDK)/.test(id));
      expect(ours.map(([id]) => Object.keys(entries).find((name) => id.startsWith(name)) ?? id).sort()).toEqual(
        Object.keys(entries).sort(),
      );
      const declared = new Map(Object.entries(environment).map(([key, name]) => [name as string, key]));
      for (const [id, fn] of ours) {
        const entry = entries[Object.keys(entries).find((name) => id.startsWith(name)) as string];
        const reads = new Set(moduleGraph(entry).flatMap((file) => [...environmentReads(parseSource(file), "environment")]));
        const variables = Object.keys(fn.Properties.Environment?.Variables ?? {}).filter((name) => !nodeVariables.includes(name));
        for (const name of variables) {
          expect(declared.has(name), `${id} is given ${name}, which core/environment.ts does not declare`).toBe(true);
          expect(reads.has(declared.get(name) as string), `${id} is given ${name}, which ${entry} never reads`).toBe(true);
        }
      }
      expect(Object.keys(functionNamed("SyncFunction").Properties.Environment.Variables).sort()).toEqual(
        [
          environment.tableName,
          environment.revision,
          environment.allowMassDelete,
          environment.publishDrafts,
          environment.distributionId,
          environment.eventBus,
          environment.stage,
          environment.mediaBucket,
          "NODE_OPTIONS",
        ].sort(),
      );
    });
  });

  describe("the Revision published event", () => {
    const hooks = ["https://example.org/hook", "https://site.example/api/revalidate"];
    /** A stage deployed with `-c revisionWebhooks=…`, as infra/app.ts reads it. */
    const withWebhooks = (webhooks: string[], stage = "hooks") => {
      const app = new App({ context: { "aws:cdk:bundling-stacks": [], revisionWebhooks: JSON.stringify(webhooks) } });
      const { revisionWebhooks } = deployOptions(app);
      const stack = new KronikaStack(app, `Kronika-${stage}`, { stage, contentDir, env: { region: "eu-central-1" }, revisionWebhooks });
      const template = Template.fromStack(stack).toJSON();
      return { resources: template.Resources as Record<string, Resource>, outputs: template.Outputs as Record<string, any> };
    };
    const webhookTypes = [
      "AWS::Events::Rule",
      "AWS::Events::ApiDestination",
      "AWS::Events::Connection",
      "AWS::SecretsManager::Secret",
      "AWS::SQS::Queue",
    ];

    it("lets the sync function put events on the default bus only, and tells it the bus and its stage", () => {
      const sync = functionNamed("SyncFunction");
      expect(actionsOf(sync.id, "events:")).toEqual(["events:PutEvents"]);
      const [put] = statementsOf(sync.id).filter((s: any) => [s.Action].flat().includes("events:PutEvents"));
      expect(JSON.stringify(put.Resource)).toMatch(/:event-bus\/default"\]\]\}$/);
      expect(sync.Properties.Environment.Variables).toMatchObject({ [environment.eventBus]: "default", [environment.stage]: "prod" });
      expect(actionsOf(functionNamed("ApiFunction").id, "events:")).toEqual([]);
    });

    it("makes no rule, API destination, connection, secret or queue without webhooks in the context", () => {
      for (const type of webhookTypes) expect(ofType(prod.resources, type), type).toEqual([]);
      expect(Object.keys(prod.template.toJSON().Outputs).filter((name) => name.startsWith("WebhookSecret"))).toEqual([]);
    });

    it("delivers to each webhook through a rule for its stage, an API destination with its own secret header, retries and a dead-letter queue", () => {
      const { resources, outputs } = withWebhooks(hooks);
      const ref = (value: any) => value?.["Fn::GetAtt"]?.[0] ?? value?.Ref;
      const [[queueId, queue]] = ofType(resources, "AWS::SQS::Queue");
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const rules = ofType(resources, "AWS::Events::Rule");
      expect(rules).toHaveLength(2);
      const secrets = new Set<string>();
      const delivered = rules.map(([, rule]) => {
        expect(rule.Properties.EventPattern).toEqual({
          source: ["kronika"],
          "detail-type": ["Revision published"],
          detail: { stage: ["hooks"] },
        });
        expect(rule.Properties.EventBusName).toBeUndefined();
        const [target] = rule.Properties.Targets;
        expect(rule.Properties.Targets).toHaveLength(1);
        expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 });
        expect(ref(target.DeadLetterConfig.Arn)).toBe(queueId);
        const destination = resources[ref(target.Arn)];
        expect(destination.Type).toBe("AWS::Events::ApiDestination");
        expect(destination.Properties.HttpMethod).toBe("POST");
        const connection = resources[ref(destination.Properties.ConnectionArn)];
        expect(connection.Properties.AuthorizationType).toBe("API_KEY");
        const { ApiKeyName, ApiKeyValue } = connection.Properties.AuthParameters.ApiKeyAuthParameters;
        expect(ApiKeyName).toBe("x-kronika-webhook-secret");
        // The header's value is a generated secret's, resolved by CloudFormation: never in the template.
        const [secretId = "none"] = JSON.stringify(ApiKeyValue).match(/RevisionEventsWebhook\w+Secret\w+/) ?? [];
        expect(JSON.stringify(ApiKeyValue)).toContain("{{resolve:secretsmanager:");
        expect(resources[secretId].Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
        secrets.add(secretId);
        // The target's role may invoke this destination and nothing else.
        const role = ref(target.RoleArn);
        const policies = ofType(resources, "AWS::IAM::Policy").filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role));
        expect(policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement)).toEqual([
          { Action: "events:InvokeApiDestination", Effect: "Allow", Resource: { "Fn::GetAtt": [ref(target.Arn), "Arn"] } },
        ]);
        return destination.Properties.InvocationEndpoint;
      });
      expect(delivered.sort()).toEqual([...hooks].sort());
      expect(secrets.size).toBe(2);
      // Receivers find their secret by the stack's outputs.
      const secretOutputs = Object.entries(outputs).filter(([name]) => name.startsWith("WebhookSecret"));
      expect(secretOutputs.map(([, o]) => o.Value.Ref).sort()).toEqual([...secrets].sort());
      for (const url of hooks)
        expect(
          secretOutputs.some(([, o]) => o.Description.includes(url)),
          url,
        ).toBe(true);
      // EventBridge may send to the queue for these rules only, and only over TLS.
      const [[, queuePolicy]] = ofType(resources, "AWS::SQS::QueuePolicy");
      const statements = queuePolicy.Properties.PolicyDocument.Statement;
      const sends = statements.filter((s: any) => s.Action === "sqs:SendMessage");
      expect(sends.map((s: any) => s.Principal)).toEqual([{ Service: "events.amazonaws.com" }, { Service: "events.amazonaws.com" }]);
      expect(sends.map((s: any) => ref(s.Condition.ArnEquals["aws:SourceArn"])).sort()).toEqual(rules.map(([id]) => id).sort());
      expect(statements.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false")).toBe(true);
    });

    it("keeps a webhook's secret, connection and rule when another webhook is added before it", () => {
      const ids = (resources: Record<string, Resource>) => Object.keys(resources).filter((id) => id.startsWith("RevisionEventsWebhook"));
      const one = ids(withWebhooks([hooks[1]]).resources);
      const both = ids(withWebhooks([hooks[0], hooks[1]]).resources);
      expect(one.length).toBeGreaterThanOrEqual(5);
      for (const id of one) expect(both, id).toContain(id);
    });

    it("passes cdk-nag with webhooks, every finding acknowledged", () => {
      const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
      new KronikaStack(app, "Kronika-prod", { stage: "prod", contentDir, env: { region: "eu-central-1" }, revisionWebhooks: hooks });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth()).not.toThrow();
    });
  });

  describe("media", () => {
    const mediaBucketId = () => {
      const [[id]] = ofType(prod.resources, "AWS::S3::Bucket").filter(([id]) => id.startsWith("MediaBucket"));
      return id;
    };
    const refersToMediaBucket = (resource: unknown) => JSON.stringify(resource ?? "").includes(mediaBucketId());

    it("keeps renditions in a private bucket, TLS only, that CloudFront alone reads and only the sync function writes", () => {
      const bucket = prod.resources[mediaBucketId()];
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.DeletionPolicy).toBe("Retain");
      const [[, policy]] = ofType(prod.resources, "AWS::S3::BucketPolicy").filter(([, r]) => refersToMediaBucket(r.Properties.Bucket));
      const statements = policy.Properties.PolicyDocument.Statement;
      expect(statements.filter((st: any) => st.Effect === "Deny")).toEqual([
        expect.objectContaining({ Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
      ]);
      const allowed = statements.filter((st: any) => st.Effect === "Allow");
      expect(allowed).toEqual([
        expect.objectContaining({
          Action: "s3:GetObject",
          Principal: { Service: "cloudfront.amazonaws.com" },
          Condition: expect.anything(),
        }),
      ]);
      // Every identity policy that may write or delete an object of the bucket is the sync function's role.
      const syncRole = functionNamed("SyncFunction").Properties.Role["Fn::GetAtt"][0];
      const writers = ofType(prod.resources, "AWS::IAM::Policy").filter(([, r]) =>
        r.Properties.PolicyDocument.Statement.some(
          (st: any) => refersToMediaBucket(st.Resource) && [st.Action].flat().some((a: string) => /^s3:(\*|Put|Delete)/.test(a)),
        ),
      );
      expect(writers.map(([, r]) => r.Properties.Roles.map((role: any) => role.Ref))).toEqual([[syncRole]]);
      expect(actionsOf(functionNamed("SyncFunction").id, "s3:")).toEqual([
        "s3:DeleteObject",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:PutObject",
      ]);
      expect(actionsOf(functionNamed("ApiFunction").id, "s3:")).toEqual([]);
      expect(functionNamed("SyncFunction").Properties.Environment.Variables[environment.mediaBucket]).toEqual({ Ref: mediaBucketId() });
    });

    it("serves /media/* from the bucket through origin access control, cached as the objects say (a year), nosniff and a CSP", () => {
      const behavior = behaviorAt(prod, "/media/*");
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: "redirect-to-https",
        CachePolicyId: CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      });
      expect(behavior.AllowedMethods ?? ["GET", "HEAD"]).toEqual(["GET", "HEAD"]);
      const origin = originOf(prod, behavior);
      expect(refersToMediaBucket(origin.DomainName)).toBe(true);
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
      const headers = prod.resources[behavior.ResponseHeadersPolicyId.Ref].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/^default-src 'none';.*sandbox$/);
    });
  });

  describe("CloudFront", () => {
    it("caches GET queries by query, variables, operation name, Accept and Accept-Language, compressed", () => {
      prod.template.hasResourceProperties("AWS::CloudFront::CachePolicy", {
        CachePolicyConfig: Match.objectLike({
          ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
            EnableAcceptEncodingGzip: true,
            EnableAcceptEncodingBrotli: true,
            QueryStringsConfig: { QueryStringBehavior: "whitelist", QueryStrings: ["query", "variables", "operationName", "extensions"] },
            HeadersConfig: { HeaderBehavior: "whitelist", Headers: ["accept", "accept-language"] },
            CookiesConfig: { CookieBehavior: "none" },
          }),
        }),
      });
    });

    it("serves the preview site at /, the API at /graphql (POST allowed, signed by origin access control) and GraphiQL at /graphiql/*", () => {
      const config = distributionConfig(prod);
      // The site: its one page is the root object, read from its own bucket through origin access control;
      // the query string (the page's view) is not part of the cache key, so every view is one cached page.
      expect(config.DefaultRootObject).toBe("index.html");
      const site = config.DefaultCacheBehavior;
      expect(site).toMatchObject({ Compress: true, ViewerProtocolPolicy: "redirect-to-https" });
      expect(site.AllowedMethods ?? ["GET", "HEAD"]).toEqual(["GET", "HEAD"]);
      expect(site.CachePolicyId).toBe(CachePolicy.CACHING_OPTIMIZED.cachePolicyId);
      expect(site.ResponseHeadersPolicyId).toBe(ResponseHeadersPolicy.SECURITY_HEADERS.responseHeadersPolicyId);
      expect(site.LambdaFunctionAssociations).toBeUndefined();
      expect(JSON.stringify(originOf(prod, site).DomainName)).toContain("PreviewBucket");
      expect(originOf(prod, site).OriginAccessControlId).toBeDefined();

      // CloudFront offers no method set with POST but without PUT, PATCH and DELETE: the origin-request
      // function refuses those (see "refuses every method but GET, HEAD, OPTIONS and POST").
      const api = behaviorAt(prod, "/graphql");
      expect(api).toMatchObject({
        AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
        CachedMethods: ["GET", "HEAD"],
        Compress: true,
        ViewerProtocolPolicy: "redirect-to-https",
      });
      const [[queryCacheId]] = ofType(prod.resources, "AWS::CloudFront::CachePolicy");
      expect(api.CachePolicyId).toEqual({ Ref: queryCacheId });
      expect(JSON.stringify(originOf(prod, api).DomainName)).toContain("FunctionUrl");
      expect(api.LambdaFunctionAssociations).toHaveLength(1);

      const graphiql = behaviorAt(prod, "/graphiql/*");
      expect(JSON.stringify(originOf(prod, graphiql).DomainName)).toContain("GraphiqlBucket");
      expect(originOf(prod, graphiql).OriginAccessControlId).toBeDefined();
      expect(graphiql.LambdaFunctionAssociations).toBeUndefined();
      expect(config.CacheBehaviors.map((b: any) => b.PathPattern).sort()).toEqual(["/graphiql/*", "/graphql", "/media/*"]);
    });

    it("answers /graphiql/ with GraphiQL's page: a viewer-request function adds index.html, which S3 does not", () => {
      const [association] = behaviorAt(prod, "/graphiql/*").FunctionAssociations;
      expect(association.EventType).toBe("viewer-request");
      const fn = prod.resources[association.FunctionARN["Fn::GetAtt"][0]];
      expect(fn.Properties.FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
      // The shipped source, run as CloudFront would run it.
      const handler = new Function(`${fn.Properties.FunctionCode}; return handler;`)() as (event: unknown) => { uri: string };
      const uri = (path: string) => handler({ request: { method: "GET", uri: path, querystring: {}, headers: {} } }).uri;
      expect(uri("/graphiql/")).toBe("/graphiql/index.html");
      expect(uri("/graphiql/graphiql.js")).toBe("/graphiql/graphiql.js");
      expect(uri("/graphiql/editor.worker.js")).toBe("/graphiql/editor.worker.js");
    });

    it("makes the Function URL reachable only through this distribution: IAM auth, a Lambda OAC, and an invoke permission for it alone", () => {
      const [[, url]] = ofType(prod.resources, "AWS::Lambda::Url");
      expect(url.Properties.AuthType).toBe("AWS_IAM");
      const apiOrigin = originOf(prod, behaviorAt(prod, "/graphql"));
      const oacId = apiOrigin.OriginAccessControlId["Fn::GetAtt"][0];
      expect(prod.resources[oacId].Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: "lambda",
        SigningBehavior: "always",
        SigningProtocol: "sigv4",
      });
      const permissions = ofType(prod.resources, "AWS::Lambda::Permission").map(([, p]) => p.Properties);
      const [distributionId] = ofType(prod.resources, "AWS::CloudFront::Distribution").map(([id]) => id);
      const viaUrl = permissions.filter((p) => p.Action === "lambda:InvokeFunctionUrl");
      expect(viaUrl.length).toBeGreaterThan(0);
      for (const permission of viaUrl) {
        expect(permission.Principal).toBe("cloudfront.amazonaws.com");
        expect(JSON.stringify(permission.SourceArn)).toContain(`:distribution/",{"Ref":"${distributionId}"}`);
        expect(permission.FunctionUrlAuthType).not.toBe("NONE");
      }
      expect(permissions.filter((p) => p.Principal === "*")).toEqual([]);
    });

    it("puts a web ACL with a per-IP rate limit on the distribution, made in us-east-1 for an API elsewhere", () => {
      expect(prod.edge?.region).toBe("us-east-1");
      const [[aclId, acl]] = ofType(prod.edgeResources, "AWS::WAFv2::WebACL");
      expect(ofType(prod.resources, "AWS::WAFv2::WebACL")).toEqual([]);
      expect(acl.Properties).toMatchObject({ Scope: "CLOUDFRONT", DefaultAction: { Allow: {} } });
      expect(rateRule(acl)).toMatchObject({ Limit: 2000, AggregateKeyType: "IP", EvaluationWindowSec: 300 });
      expect(crossRegionSource(prod, distributionConfig(prod).WebACLId)).toEqual({ "Fn::GetAtt": [aclId, "Arn"] });
    });

    it("keeps everything in one stack when the API is in us-east-1, and takes the rate limit from the deployment", () => {
      const east = synth("east", { bundle: false, region: "us-east-1", props: { apiRateLimit: 300 } });
      expect(east.edge).toBeUndefined();
      const [[aclId, acl]] = ofType(east.resources, "AWS::WAFv2::WebACL");
      expect(rateRule(acl).Limit).toBe(300);
      const config = distributionConfig(east);
      expect(config.WebACLId).toEqual({ "Fn::GetAtt": [aclId, "Arn"] });
      const [association] = behaviorAt(east, "/graphql").LambdaFunctionAssociations;
      const [versionId] = ofType(east.resources, "AWS::Lambda::Version").map(([id]) => id);
      expect(association).toEqual({ EventType: "origin-request", IncludeBody: true, LambdaFunctionARN: { Ref: versionId } });
    });

    it("refuses to build a deployment whose region is not known, since the edge protection's place depends on it", () => {
      const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
      expect(() => new KronikaStack(app, "Kronika-anywhere", { stage: "dev", contentDir })).toThrow(/region/);
    });

    describe("the origin-request function, as it ships", () => {
      const edgeBundle = () => {
        const [[, fn]] = ofType(prod.edgeResources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("OriginRequest"));
        return path.join(assetDir(fn), "index.mjs");
      };
      const originRequest = (method: string, options: { body?: string; headers?: Record<string, string>; truncated?: boolean } = {}) => ({
        Records: [
          {
            cf: {
              config: {
                distributionDomainName: "d111111abcdef8.cloudfront.net",
                distributionId: "E1",
                eventType: "origin-request",
                requestId: "r1",
              },
              request: {
                clientIp: "203.0.113.178",
                method,
                uri: "/graphql",
                querystring: "",
                headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name, [{ key: name, value }]])),
                ...(options.body === undefined
                  ? {}
                  : {
                      body: {
                        action: "read-only",
                        encoding: "base64",
                        data: Buffer.from(options.body).toString("base64"),
                        inputTruncated: options.truncated ?? false,
                      },
                    }),
              },
            },
          },
        ],
      });
      const invokeEdge = async (event: unknown) => {
        const outcome = await execute(process.execPath, [
          "--import",
          "tsx",
          "tests/support/bundle-harness.ts",
          "invoke",
          edgeBundle(),
          JSON.stringify(event),
        ]);
        return JSON.parse(outcome.stdout.trim().split("\n").pop() as string);
      };

      it("is attached to the API's requests with their bodies, and may run at the edge", () => {
        const [association] = behaviorAt(prod, "/graphql").LambdaFunctionAssociations;
        expect(association).toMatchObject({ EventType: "origin-request", IncludeBody: true });
        const [[versionId]] = ofType(prod.edgeResources, "AWS::Lambda::Version");
        expect(crossRegionSource(prod, association.LambdaFunctionARN)).toEqual({ Ref: versionId });
        const [[, fn]] = ofType(prod.edgeResources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("OriginRequest"));
        expect(fn.Properties.Runtime).toBe("nodejs22.x");
        expect(fn.Properties.Architectures ?? ["x86_64"]).toEqual(["x86_64"]);
        expect(fn.Properties.Environment).toBeUndefined();
        const role = prod.edgeResources[fn.Properties.Role["Fn::GetAtt"][0]];
        const principals = role.Properties.AssumeRolePolicyDocument.Statement.flatMap((s: any) => [s.Principal.Service].flat());
        expect(principals.sort()).toEqual(["edgelambda.amazonaws.com", "lambda.amazonaws.com"]);
      });

      it("refuses every method but GET, HEAD, OPTIONS and POST with 405 and an Allow header", async () => {
        for (const method of ["PUT", "PATCH", "DELETE"]) {
          const response = await invokeEdge(originRequest(method, { body: "{}" }));
          expect(response.status, method).toBe("405");
          expect(response.headers.allow).toEqual([{ key: "Allow", value: "GET, HEAD, OPTIONS, POST" }]);
        }
        for (const method of ["GET", "HEAD", "OPTIONS"]) {
          const request = await invokeEdge(originRequest(method));
          expect(request.method, method).toBe(method);
          expect(request.status).toBeUndefined();
        }
      });

      it("adds the SHA-256 of a POST body that origin access control signs, and never passes on the viewer's own", async () => {
        const body = JSON.stringify({ query: '{ event(slug: "szturm-na-palac-zimowy") { title } }', variables: { żółć: "Зимний" } });
        const forged = { "x-amz-content-sha256": "0".repeat(64) };
        const post = await invokeEdge(originRequest("POST", { body, headers: forged }));
        const expected = createHash("sha256").update(Buffer.from(body)).digest("hex");
        expect(post.headers["x-amz-content-sha256"]).toEqual([{ key: "x-amz-content-sha256", value: expected }]);
        expect(post.body.data).toBe(Buffer.from(body).toString("base64"));
        const empty = await invokeEdge(originRequest("POST", { body: "" }));
        expect(empty.headers["x-amz-content-sha256"][0].value).toBe(createHash("sha256").update("").digest("hex"));
        const get = await invokeEdge(originRequest("GET", { headers: forged }));
        expect(get.headers["x-amz-content-sha256"]).toBeUndefined();
      });

      it("answers 413 when CloudFront cut the body short, rather than sign a hash of part of it", async () => {
        const response = await invokeEdge(originRequest("POST", { body: "{", truncated: true }));
        expect(response.status).toBe("413");
      });
    });
    it("deploys a GraphiQL page whose every script, style and worker is in the same site", async () => {
      const [[, deployment]] = ofType(prod.resources, "Custom::CDKBucketDeployment").filter(([id]) => id.startsWith("CdnGraphiqlSite"));
      expect(deployment.Properties.DestinationBucketKeyPrefix).toBe("graphiql/");
      const assetHash = String(deployment.Properties.SourceObjectKeys[0]).replace(/\.zip$/, "");
      const siteDir = path.join(prod.outdir, `asset.${assetHash}`);
      const files = await readdir(siteDir);
      const page = await readFile(path.join(siteDir, "index.html"), "utf8");
      const referenced = [...page.matchAll(/(?:src|href)="([^"]+)"/g), ...page.matchAll(/"([a-z]+\.worker\.js)"/g)]
        .map((m) => m[1])
        .filter((ref) => !ref.startsWith("data:"));
      expect(referenced.length).toBeGreaterThanOrEqual(5);
      for (const ref of referenced) expect(files, ref).toContain(ref);
      expect(page).not.toMatch(/https?:\/\//);
      expect(page).toContain('"endpoint":"/graphql"');
      expect(Buffer.byteLength(page)).toBeLessThan(10_000);
    });

    it("deploys the preview site to its bucket: a page calling /graphql on the same origin, revalidated on every visit, naming only fingerprinted files beside it", async () => {
      const deployments = ofType(prod.resources, "Custom::CDKBucketDeployment");
      const deploymentNamed = (prefix: string) => {
        const found = deployments.find(([id]) => id.startsWith(prefix));
        if (!found) throw new Error(`no deployment ${prefix}`);
        return { id: found[0], ...found[1] };
      };
      const pages = deploymentNamed("CdnPreviewPages");
      const assets = deploymentNamed("CdnPreviewAssets");
      const [[bucketId]] = ofType(prod.resources, "AWS::S3::Bucket").filter(([id]) => id.startsWith("CdnPreviewBucket"));
      for (const deployment of [pages, assets]) {
        expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: bucketId });
        expect(deployment.Properties.DestinationBucketKeyPrefix).toBeUndefined();
        // Neither removes the other's files, nor the scripts a page opened before a deploy still loads.
        expect(deployment.Properties.Prune).toBe(false);
      }
      const siteDir = (deployment: Resource) =>
        path.join(prod.outdir, `asset.${String(deployment.Properties.SourceObjectKeys[0]).replace(/\.zip$/, "")}`);
      expect(await readdir(siteDir(pages))).toEqual(["index.html"]);
      const page = await readFile(path.join(siteDir(pages), "index.html"), "utf8");
      expect(page).toContain('data-endpoint="/graphql"');
      expect(page).not.toContain("data-live");
      expect(page).not.toMatch(/https?:\/\//);
      const referenced = [...page.matchAll(/(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1])
        .filter((ref) => !ref.startsWith("data:") && !ref.startsWith("#"));
      const assetFiles = await readdir(siteDir(assets));
      expect(referenced.sort()).toEqual(assetFiles.sort());
      for (const name of assetFiles) expect(name).toMatch(/^[\w-]+\.[0-9a-f]{10}\.(js|css)$/);
      expect(assetFiles.some((name) => name.endsWith(".js"))).toBe(true);
      expect(assetFiles.some((name) => name.endsWith(".css"))).toBe(true);

      // The page: browsers revalidate it on every visit, and the deploy invalidates it at the edge (after the
      // assets it names are in the bucket). The assets: kept for a year, since their names change with them.
      expect(pages.Properties.SystemMetadata).toEqual({ "cache-control": "public, max-age=0, s-maxage=86400" });
      expect(pages.Properties.DistributionPaths).toEqual(["/", "/index.html"]);
      expect(pages.DependsOn).toContain(assets.id);
      expect(assets.Properties.SystemMetadata).toEqual({ "cache-control": "public, max-age=31536000, immutable" });
      expect(assets.Properties.DistributionPaths).toBeUndefined();
    });

    it("outputs the site, GraphQL and GraphiQL URLs on CloudFront and the table name, each output the preview workflow reads", async () => {
      const outputs = prod.template.toJSON().Outputs;
      const workflow = await readFile(".github/workflows/preview.yml", "utf8");
      const read = [...workflow.matchAll(/'\.\[\$stack\]\.(\w+)'/g)].map((m) => m[1]);
      expect(read).toContain("SiteUrl");
      for (const name of read) expect(Object.keys(outputs), name).toContain(name);
      expect(JSON.stringify(outputs.GraphqlUrl.Value)).toMatch(/CdnDistribution\w*","DomainName"/);
      expect(JSON.stringify(outputs.GraphqlUrl.Value)).toContain("/graphql");
      expect(JSON.stringify(outputs.GraphiqlUrl.Value)).toContain("/graphiql/");
      expect(outputs.SiteUrl.Value).toEqual({
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [expect.stringMatching(/^CdnDistribution/), "DomainName"] }, "/"]],
      });
      expect(outputs.TableName.Value).toEqual({ Ref: expect.stringMatching(/^ContentTable/) });
    });
  });

  describe("operations: alarms, their topic and the dashboard", () => {
    const alarmsIn = (resources: Record<string, Resource>) =>
      ofType(resources, "AWS::CloudWatch::Alarm").map(([id, r]): Record<string, any> => ({ id, ...r.Properties }));
    const topicsIn = (resources: Record<string, Resource>) => ofType(resources, "AWS::SNS::Topic").map(([id]) => id);
    /** The alarm on one metric of one resource: the metric's name and the logical id its dimension refers to. */
    const alarmOn = (resources: Record<string, Resource>, metricName: string, resourcePrefix: string) => {
      const found = alarmsIn(resources).filter(
        (a) => a.MetricName === metricName && JSON.stringify(a.Dimensions ?? []).includes(`"Ref":"${resourcePrefix}`),
      );
      expect(found, `${metricName} of ${resourcePrefix}`).toHaveLength(1);
      return found[0];
    };
    const notifiesOnly = (alarm: Record<string, any>, topicId: string) => {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
    };
    /** The metric ids an alarm's expression uses, each with its metric. */
    const queriesOf = (alarm: Record<string, any>) =>
      Object.fromEntries((alarm.Metrics as any[]).filter((m) => m.MetricStat).map((m) => [m.Id, m.MetricStat]));
    const expressionOf = (alarm: Record<string, any>) => (alarm.Metrics as any[]).find((m) => m.ReturnData !== false).Expression;

    it("alarm on the GraphQL function's errors, throttles and p99 duration, each to the stage's one topic", () => {
      const [topic] = topicsIn(prod.resources);
      expect(topicsIn(prod.resources)).toHaveLength(1);
      const errors = alarmOn(prod.resources, "Errors", "ApiFunction");
      expect(errors).toMatchObject({ Namespace: "AWS/Lambda", Statistic: "Sum", Period: 300, Threshold: 5, EvaluationPeriods: 1 });
      expect(errors).toMatchObject({ ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: "notBreaching" });
      const throttles = alarmOn(prod.resources, "Throttles", "ApiFunction");
      expect(throttles).toMatchObject({ Statistic: "Sum", Period: 300, Threshold: 10, EvaluationPeriods: 1 });
      const latency = alarmOn(prod.resources, "Duration", "ApiFunction");
      expect(latency).toMatchObject({ ExtendedStatistic: "p99", Period: 300, Threshold: 2000, EvaluationPeriods: 3 });
      expect(latency.EvaluateLowSampleCountPercentile).toBe("ignore");
      for (const alarm of [errors, throttles, latency]) notifiesOnly(alarm, topic);
    });

    it("alarm on any failure of the deploy-time sync", () => {
      const failures = alarmOn(prod.resources, "Errors", "SyncFunction");
      expect(failures).toMatchObject({ Namespace: "AWS/Lambda", Statistic: "Sum", Period: 300, Threshold: 1 });
      expect(failures.ComparisonOperator).toBe("GreaterThanOrEqualToThreshold");
      notifiesOnly(failures, topicsIn(prod.resources)[0]);
    });

    it("alarm on throttled reads and on throttled writes, summed over the content table and every index", () => {
      const [topic] = topicsIn(prod.resources);
      for (const metricName of ["ReadThrottleEvents", "WriteThrottleEvents"]) {
        const found = alarmsIn(prod.resources).filter((a) => JSON.stringify(a.Metrics ?? []).includes(`"${metricName}"`));
        expect(found, metricName).toHaveLength(1);
        const [alarm] = found;
        expect(alarm).toMatchObject({ Threshold: 10, EvaluationPeriods: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
        const queries = queriesOf(alarm);
        const byName = (dimensions: { Name: string }[]) => [...dimensions].sort((a, b) => a.Name.localeCompare(b.Name));
        const table = { Name: "TableName", Value: { Ref: expect.stringMatching(/^ContentTable/) } };
        expect(Object.values(queries).map((q: any) => byName(q.Metric.Dimensions))).toEqual([
          [table],
          ...listIndexes.map((index) => [{ Name: "GlobalSecondaryIndexName", Value: index.indexName }, table]),
        ]);
        for (const query of Object.values(queries) as any[]) {
          expect(query).toMatchObject({ Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName }, Stat: "Sum", Period: 300 });
        }
        // No throttles is no data point, which must count as 0 rather than hide the other series.
        expect(expressionOf(alarm)).toBe(
          Object.keys(queries)
            .map((id) => `FILL(${id}, 0)`)
            .join(" + "),
        );
        notifiesOnly(alarm, topic);
      }
    });

    it("alarm on CloudFront's 5xx rate from us-east-1: a stack of its own there, deployed after the API's elsewhere", () => {
      expect(prod.cdnAlarms?.region).toBe("us-east-1");
      expect(prod.cdnAlarms?.stackName).toBe("Kronika-prod-cdn-alarms");
      const manifest = prod.app.synth();
      expect(manifest.getStackByName("Kronika-prod-cdn-alarms").dependencies.map((d) => d.id)).toContain("Kronika-prod");
      // Not in the main stack, whose region's CloudWatch has no CloudFront metrics.
      expect(alarmsIn(prod.resources).filter((a) => JSON.stringify(a).includes("AWS/CloudFront"))).toEqual([]);
      const [alarm] = alarmsIn(prod.cdnAlarmResources);
      expect(alarmsIn(prod.cdnAlarmResources)).toHaveLength(1);
      expect(alarm).toMatchObject({ Threshold: 5, EvaluationPeriods: 2, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
      expect(alarm.TreatMissingData).toBe("notBreaching");
      expect(expressionOf(alarm)).toBe("IF(requests >= 20, errorRate, 0)");
      const queries = queriesOf(alarm);
      expect(queries.errorRate).toMatchObject({
        Metric: { Namespace: "AWS/CloudFront", MetricName: "5xxErrorRate" },
        Stat: "Average",
        Period: 300,
      });
      expect(queries.requests).toMatchObject({ Metric: { Namespace: "AWS/CloudFront", MetricName: "Requests" }, Stat: "Sum", Period: 300 });
      for (const query of Object.values(queries) as any[]) {
        const [distribution, region] = query.Metric.Dimensions;
        expect(region).toEqual({ Name: "Region", Value: "Global" });
        expect(distribution.Name).toBe("DistributionId");
        const { StackName, Region, OutputName } = distribution.Value["Fn::GetStackOutput"];
        expect({ StackName, Region }).toEqual({ StackName: "Kronika-prod", Region: "eu-central-1" });
        expect((prod.template.toJSON().Outputs as any)[OutputName].Value).toEqual({ Ref: expect.stringMatching(/^CdnDistribution/) });
      }
      // Its topic is in us-east-1 too: CloudWatch notifies topics of the alarm's own region.
      notifiesOnly(alarm, topicsIn(prod.cdnAlarmResources)[0]);
    });

    it("keep every alarm in the one stack, to its one topic, when the API is in us-east-1", () => {
      const east = synth("dev", { bundle: false, region: "us-east-1" });
      expect(east.cdnAlarms).toBeUndefined();
      const [topic] = topicsIn(east.resources);
      expect(topicsIn(east.resources)).toHaveLength(1);
      const alarms = alarmsIn(east.resources);
      expect(alarms).toHaveLength(8);
      const cdn = alarms.filter((a) => JSON.stringify(a.Metrics ?? []).includes("5xxErrorRate"));
      expect(cdn).toHaveLength(1);
      for (const query of Object.values(queriesOf(cdn[0])) as any[]) {
        expect(query.Metric.Dimensions[0]).toEqual({ Name: "DistributionId", Value: { Ref: expect.stringMatching(/^CdnDistribution/) } });
      }
      for (const alarm of alarms) notifiesOnly(alarm, topic);
    });

    it("enforce TLS on each topic and let only this account's alarms in its region publish to it", () => {
      for (const [resources, region] of [
        [prod.resources, "eu-central-1"],
        [prod.cdnAlarmResources, "us-east-1"],
      ] as const) {
        const [[, policy]] = ofType(resources, "AWS::SNS::TopicPolicy");
        const statements = policy.Properties.PolicyDocument.Statement;
        expect(statements).toContainEqual(
          expect.objectContaining({ Effect: "Deny", Action: "sns:Publish", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        );
        const allow = statements.find((s: any) => s.Effect === "Allow");
        expect(allow).toMatchObject({ Action: "sns:Publish", Principal: { Service: "cloudwatch.amazonaws.com" } });
        expect(JSON.stringify(allow.Condition.ArnLike["aws:SourceArn"])).toContain(`:cloudwatch:${region}:`);
        expect(JSON.stringify(allow.Condition.ArnLike["aws:SourceArn"])).toContain(":alarm:*");
        expect(allow.Condition.StringEquals).toEqual({ "aws:SourceAccount": { Ref: "AWS::AccountId" } });
      }
    });

    it("subscribe the deployment's alarm address to each topic, and no address when none is given", () => {
      const withEmail = synth("dev", { bundle: false, props: { alarmEmail: "ops@example.org" } });
      for (const resources of [withEmail.resources, withEmail.cdnAlarmResources]) {
        const subscriptions = ofType(resources, "AWS::SNS::Subscription").map(([, r]) => r.Properties);
        expect(subscriptions).toEqual([{ Protocol: "email", Endpoint: "ops@example.org", TopicArn: { Ref: topicsIn(resources)[0] } }]);
      }
      for (const resources of [dev.resources, prod.resources, prod.cdnAlarmResources]) {
        expect(ofType(resources, "AWS::SNS::Subscription")).toEqual([]);
      }
    });

    it("read the alarm address from `-c alarmEmail`, and refuse anything but one address, naming the key", () => {
      const options = (context: Record<string, unknown>) => deployOptions(new App({ context }));
      expect(options({}).alarmEmail).toBeUndefined();
      expect(options({ alarmEmail: "ops@example.org" }).alarmEmail).toBe("ops@example.org");
      for (const wrong of ["ops", "ops@example", "a@example.org,b@example.org", "ops @example.org", 42, ""]) {
        expect(() => options({ alarmEmail: wrong }), String(wrong)).toThrow(/-c alarmEmail=.*must be one e-mail address/);
      }
    });

    it("alarm on a failed put of the Revision published event, and on any webhook delivery left in the dead-letter queue", () => {
      const [topic] = topicsIn(prod.resources);
      const [failures] = alarmsIn(prod.resources).filter((a) => a.MetricName === "RevisionEventFailures");
      expect(failures).toMatchObject({ Namespace: "Kronika", Statistic: "Sum", Period: 300, Threshold: 1, EvaluationPeriods: 1 });
      expect(failures.Dimensions).toEqual([{ Name: "Stage", Value: "prod" }]);
      notifiesOnly(failures, topic);
      // Without webhooks there is no queue to watch.
      expect(alarmsIn(prod.resources).filter((a) => a.Namespace === "AWS/SQS")).toEqual([]);
      const app = new App({ context: { "aws:cdk:bundling-stacks": [], revisionWebhooks: JSON.stringify(["https://example.org/hook"]) } });
      const stack = new KronikaStack(app, "Kronika-hooks", {
        stage: "hooks",
        contentDir,
        env: { region: "eu-central-1" },
        ...deployOptions(app),
      });
      const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
      const [[queueId]] = ofType(resources, "AWS::SQS::Queue");
      const found = alarmsIn(resources).filter((a) => a.MetricName === "ApproximateNumberOfMessagesVisible");
      expect(found).toHaveLength(1);
      const [deadLetters] = found;
      expect(deadLetters.Dimensions).toEqual([{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }]);
      expect(deadLetters).toMatchObject({ Namespace: "AWS/SQS", Statistic: "Maximum", Period: 300, Threshold: 1 });
      expect(deadLetters.ComparisonOperator).toBe("GreaterThanOrEqualToThreshold");
      notifiesOnly(deadLetters, topicsIn(resources)[0]);
      expect(deadLetters.AlarmDescription).toContain("docs/runbook.md#webhook-delivery-failed.");
    });

    it("describe each alarm in the runbook, at the section its description names", async () => {
      const runbook = await readFile("docs/runbook.md", "utf8");
      const anchors = new Set(
        [...runbook.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
          m[1]
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N} -]/gu, "")
            .replace(/ /g, "-"),
        ),
      );
      const alarms = [...alarmsIn(prod.resources), ...alarmsIn(prod.cdnAlarmResources)];
      expect(alarms).toHaveLength(8);
      for (const alarm of alarms) {
        const anchor = /docs\/runbook\.md#([a-z0-9-]+)/.exec(alarm.AlarmDescription)?.[1];
        expect(anchor, alarm.id).toBeDefined();
        expect(anchors.has(anchor as string), `${alarm.id}: #${anchor}`).toBe(true);
      }
    });

    it("draw a dashboard of requests, latency percentiles, CloudFront's cache hit ratio and DynamoDB calls per request", () => {
      const [[, dashboard]] = ofType(prod.resources, "AWS::CloudWatch::Dashboard");
      // The body is JSON with the function's name and the distribution's id joined in: put names in their place.
      const parts = dashboard.Properties.DashboardBody["Fn::Join"][1] as unknown[];
      const body = JSON.parse(parts.map((part) => (typeof part === "string" ? part : `<${Object.values(part as object)[0]}>`)).join(""));
      const widget = (title: string) => {
        const found = body.widgets.find((w: any) => w.properties.title === title);
        if (!found) throw new Error(`no widget ${title}`);
        return found.properties.metrics as unknown[][];
      };
      const apiFunction = `<${functionNamed("ApiFunction").id}>`;
      const distribution = expect.stringMatching(/^<CdnDistribution/);
      expect(widget("Requests")).toEqual([
        [
          "AWS/CloudFront",
          "Requests",
          "DistributionId",
          distribution,
          "Region",
          "Global",
          expect.objectContaining({ region: "us-east-1", stat: "Sum" }),
        ],
        ["AWS/Lambda", "Invocations", "FunctionName", apiFunction, expect.objectContaining({ stat: "Sum" })],
      ]);
      expect(widget("GraphQL function duration (ms)").map((m) => [m[1], m[3], (m[4] as any).stat])).toEqual([
        ["Duration", apiFunction, "p50"],
        ["Duration", apiFunction, "p90"],
        ["Duration", apiFunction, "p99"],
      ]);
      expect(widget("CloudFront cache hit ratio (%)")).toEqual([
        [
          "AWS/CloudFront",
          "CacheHitRate",
          "DistributionId",
          distribution,
          "Region",
          "Global",
          expect.objectContaining({ region: "us-east-1" }),
        ],
      ]);
      // The request log's own metric (functions/request-metrics.ts), by the function's name.
      // A dashboard leaves out the statistic when it is CloudWatch's default, the average.
      expect(widget("DynamoDB calls per request").map((m) => [m[0], m[1], m[2], m[3], (m[4] as any).stat ?? "Average"])).toEqual([
        ["Kronika", "dynamodbCalls", "functionName", apiFunction, "Average"],
        ["Kronika", "dynamodbCalls", "functionName", apiFunction, "p99"],
        ["Kronika", "dynamodbCalls", "functionName", apiFunction, "Maximum"],
      ]);
      // CloudFront publishes its cache hit rate only with its additional metrics on.
      prod.template.hasResourceProperties("AWS::CloudFront::MonitoringSubscription", {
        DistributionId: { Ref: Match.stringLikeRegexp("^CdnDistribution") },
        MonitoringSubscription: { RealtimeMetricsSubscriptionConfig: { RealtimeMetricsSubscriptionStatus: "Enabled" } },
      });
      // The state of the alarms in the dashboard's region: all but CloudFront's, which is in us-east-1.
      const statusWidget = body.widgets.find((w: any) => w.type === "alarm");
      expect(statusWidget.properties.alarms).toHaveLength(alarmsIn(prod.resources).length);
      expect(alarmsIn(prod.resources)).toHaveLength(7);
      expect(JSON.stringify(statusWidget.properties.alarms)).not.toContain("Cdn");
    });
  });

  it("passes cdk-nag's AwsSolutions checks, every accepted finding acknowledged with a reason, in and outside us-east-1, for prod and a pull request's stage", () => {
    for (const stage of ["prod", "pr-7"]) {
      for (const region of ["eu-central-1", "us-east-1"]) {
        const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
        new KronikaStack(app, `Kronika-${stage}`, { stage, contentDir, env: { region } });
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
        expect(() => app.synth(), `${stage} in ${region}`).not.toThrow();
      }
    }
  });

  it("synthesizes with `npm run synth` offline: no connection leaves the machine, and cdk-nag reports nothing unacknowledged", async () => {
    const outdir = await mkdtemp(path.join(tmpdir(), "kronika-synth-"));
    const blocker = path.resolve("tests/support/no-network.mjs");
    const { stderr } = await execute("npm", ["run", "synth", "--", "-o", outdir], {
      env: { ...process.env, NODE_OPTIONS: `--import ${blocker}`, AWS_REGION: "eu-central-1", CDK_DEFAULT_REGION: "eu-central-1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stderr).not.toContain("network access refused");
    const report = JSON.parse(await readFile(path.join(outdir, "validation-report.json"), "utf8"));
    expect(report.pluginReports.map((r: any) => [r.pluginName, r.conclusion, r.violations])).toEqual([["AwsSolutions", "success", []]]);
    const template = JSON.parse(await readFile(path.join(outdir, "Kronika-dev.template.json"), "utf8"));
    expect(Object.keys(template.Resources).some((id) => id.startsWith("CdnPreviewPages"))).toBe(true);
    // The blocker is in force in the processes the command starts: the same options refuse a real request.
    const probe = await execute(process.execPath, ["-e", 'fetch("https://example.com").catch(() => process.exit(3))'], {
      env: { ...process.env, NODE_OPTIONS: `--import ${blocker}` },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(probe).toMatchObject({ code: 3, stderr: expect.stringContaining("network access refused: example.com:443") });
  });

  describe("stages", () => {
    it("name a pull request's stage pr-<number>, and refuse a stage CloudFormation could not name", () => {
      expect(pullRequestStageName(42)).toBe("pr-42");
      for (const stage of ["pr-1", "pr-42", "pr-123456"]) expect(isPullRequestStage(stage), stage).toBe(true);
      for (const stage of ["prod", "dev", "pr-", "pr-0", "pr-07", "pr-4a", "PR-4", "xpr-4"])
        expect(isPullRequestStage(stage), stage).toBe(false);
      const stageOf = (context: Record<string, unknown>) => stageOption(new App({ context }));
      expect(stageOf({ stage: "pr-42" })).toBe("pr-42");
      expect(stageOf({})).toBe(process.env[environment.stage] ?? "dev");
      for (const stage of ["pr 42", "../prod", "", "-x", "a".repeat(65), "prod/edge"]) {
        expect(() => stageOf({ stage }), stage).toThrow(`-c stage=${JSON.stringify(stage)}`);
      }
    });

    it("deploy a pull request's stage as its own stacks, which publish drafts and are deleted with everything they hold", () => {
      const preview = synth("pr-7", { bundle: false });
      expect(preview.stack.stackName).toBe("Kronika-pr-7");
      expect(preview.edge?.stackName).toBe("Kronika-pr-7-edge");
      const variables = (deployment: ReturnType<typeof synth>) => {
        const [[, fn]] = ofType(deployment.resources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("SyncFunction"));
        return fn.Properties.Environment.Variables;
      };
      expect(variables(preview)[environment.publishDrafts]).toBe("true");
      expect(variables(prod)[environment.publishDrafts]).toBe("false");
      expect(variables(dev)[environment.publishDrafts]).toBe("false");
      // Data and logs go with the stack: the table, both buckets (emptied first) and every log group.
      const kept = (type: string) => ofType(preview.resources, type).filter(([, r]) => r.DeletionPolicy !== "Delete");
      expect(ofType(preview.resources, "AWS::DynamoDB::GlobalTable")).toHaveLength(1);
      // GraphiQL's, the preview site's and the media renditions'.
      expect(ofType(preview.resources, "AWS::S3::Bucket")).toHaveLength(3);
      expect(ofType(preview.resources, "AWS::Logs::LogGroup").length).toBeGreaterThanOrEqual(2);
      for (const type of ["AWS::DynamoDB::GlobalTable", "AWS::S3::Bucket", "AWS::Logs::LogGroup"]) expect(kept(type), type).toEqual([]);
      preview.template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
      });
      expect(ofType(preview.resources, "Custom::S3AutoDeleteObjects")).toHaveLength(3);
      // Production keeps the same things.
      for (const type of ["AWS::DynamoDB::GlobalTable", "AWS::S3::Bucket"]) {
        expect(
          ofType(prod.resources, type).every(([, r]) => r.DeletionPolicy === "Retain"),
          type,
        ).toBe(true);
      }
    });

    it("never publish drafts in prod", () => {
      const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
      expect(
        () => new KronikaStack(app, "Kronika-prod", { stage: "prod", contentDir, env: { region: "eu-central-1" }, publishDrafts: true }),
      ).toThrow(/never publishes drafts/);
    });
  });

  describe("the deployment's options", () => {
    it("read apiConcurrency and apiRateLimit as whole numbers in range, and leave them unset when absent", () => {
      const options = (context: Record<string, unknown>) => deployOptions(new App({ context }));
      expect(options({})).toEqual({ apiReservedConcurrency: undefined, apiRateLimit: undefined, revisionWebhooks: undefined });
      expect(options({ apiConcurrency: "20", apiRateLimit: "10" })).toMatchObject({ apiReservedConcurrency: 20, apiRateLimit: 10 });
      expect(options({ apiConcurrency: 1, apiRateLimit: 2_000_000_000 })).toMatchObject({
        apiReservedConcurrency: 1,
        apiRateLimit: 2_000_000_000,
      });
    });

    it("refuse a value that is not a whole number in range, naming the context key and the value", () => {
      const app = (key: string, value: unknown) => new App({ context: { [key]: value } });
      for (const value of ["0", "-1", "1.5", "abc", "", " 5", "1e3", "0x10", 0, 2.5, true]) {
        expect(() => contextOption(app("apiConcurrency", value), "apiConcurrency", { min: 1 }), String(value)).toThrow(
          `-c apiConcurrency=${JSON.stringify(value)}`,
        );
      }
      for (const value of ["9", "2000000001", "many"]) {
        expect(() => deployOptions(app("apiRateLimit", value)), value).toThrow(/apiRateLimit.*from 10 to 2000000000/);
      }
    });

    it("read revisionWebhooks as a JSON array of HTTPS URLs (or one URL), from -c or cdk.json", () => {
      const hooks = (value: unknown) => webhookOption(new App({ context: { revisionWebhooks: value } }), "revisionWebhooks");
      expect(hooks(undefined)).toBeUndefined();
      expect(hooks('["https://example.org/hook", "https://site.example/api/revalidate?x=1"]')).toEqual([
        "https://example.org/hook",
        "https://site.example/api/revalidate?x=1",
      ]);
      expect(hooks("https://example.org/hook")).toEqual(["https://example.org/hook"]);
      expect(hooks(["https://example.org/hook"])).toEqual(["https://example.org/hook"]);
      expect(hooks("[]")).toEqual([]);
    });

    it("refuse a webhook that is not HTTPS, a list that is not one, duplicates and too many, naming the value", () => {
      const hooks = (value: unknown) => () => webhookOption(new App({ context: { revisionWebhooks: value } }), "revisionWebhooks");
      for (const [value, why] of [
        ['["http://example.org/hook"]', '"http://example.org/hook" is not an HTTPS URL'],
        ['["https://user:pass@example.org/hook"]', "without credentials"],
        ["example.org/hook", "is not an HTTPS URL"],
        ['["https://example.org/hook",', "must be a JSON array of HTTPS URLs"],
        ['{"url": "https://example.org/hook"}', "must be a JSON array of HTTPS URLs"],
        ["[1]", "must be a JSON array of HTTPS URLs"],
        ['["https://example.org/hook", "https://example.org/hook"]', "listed twice"],
        [JSON.stringify(Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`)), "at most 10 webhooks"],
      ]) {
        expect(hooks(value), value).toThrow(`-c revisionWebhooks=${JSON.stringify(value)}`);
        expect(hooks(value), value).toThrow(why);
      }
    });

    it("read persistedOperationsOnly as true or false, and refuse anything else naming the key and the value", () => {
      const only = (value: unknown) => deployOptions(new App({ context: value === undefined ? {} : { persistedOperationsOnly: value } }));
      expect(only(undefined).persistedOperationsOnly).toBeUndefined();
      for (const value of ["true", true]) expect(only(value).persistedOperationsOnly, String(value)).toBe(true);
      for (const value of ["false", false]) expect(only(value).persistedOperationsOnly, String(value)).toBe(false);
      for (const value of ["yes", "1", "", "TRUE", 1]) {
        expect(() => only(value), String(value)).toThrow(`-c persistedOperationsOnly=${JSON.stringify(value)}: must be true or false`);
      }
    });

    it("stop a synth before anything is built, with the key and the value on stderr", async () => {
      const synthWith = (context: Record<string, string>) =>
        execute(process.execPath, ["--import", "tsx", "infra/app.ts"], {
          env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_DEFAULT_REGION: "eu-central-1" },
        }).then(
          () => "",
          (error: { stderr: string }) => error.stderr,
        );
      const [concurrency, rate, stage, webhooks] = await Promise.all([
        synthWith({ apiConcurrency: "0" }),
        synthWith({ apiRateLimit: "lots" }),
        synthWith({ stage: "pr 7" }),
        synthWith({ revisionWebhooks: "http://example.org/hook" }),
      ]);
      expect(concurrency).toContain('-c apiConcurrency="0"');
      expect(rate).toContain('-c apiRateLimit="lots"');
      expect(stage).toContain('-c stage="pr 7"');
      expect(webhooks).toContain('-c revisionWebhooks="http://example.org/hook"');
    });
  });

  describe("the bundles as they ship", () => {
    const harness = async (args: string[], env: Record<string, string>) => {
      const outcome = await execute(process.execPath, ["--import", "tsx", "tests/support/bundle-harness.ts", ...args], {
        env: { ...process.env, ...env },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { stdout: string }) => error);
      const result = JSON.parse(outcome.stdout.trim().split("\n").pop() as string);
      if (result.errorMessage) throw new Error(result.errorMessage);
      return result;
    };
    // Each function runs with the environment its template gives it, pointed at a test table, and with
    // credentials as Lambda gives them, for a stand-in EventBridge that records what the sync puts.
    let eventBridge: EventBridgeStandIn;
    const environmentOf = (name: string, tableName: string, dir: string) => {
      const variables = Object.fromEntries(
        Object.entries(functionNamed(name).Properties.Environment.Variables).filter(([, v]) => typeof v === "string"),
      );
      return {
        ...variables,
        DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"),
        AWS_REGION: "eu-central-1",
        AWS_ACCESS_KEY_ID: "ASIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        AWS_SESSION_TOKEN: "session",
        [awsEndpointVariables.eventBridge]: eventBridge.endpoint,
        KRONIKA_TABLE: tableName,
        LAMBDA_TASK_ROOT: dir,
      } as Record<string, string>;
    };
    const invoke = (name: string, tableName: string, event: unknown, dir = assetDir(functionNamed(name))) =>
      harness(["invoke", path.join(dir, "index.mjs"), JSON.stringify(event)], environmentOf(name, tableName, dir));

    // The API bundle reads a table filled with the 1917 collection.
    let tableName: string;
    beforeAll(async () => {
      eventBridge = await startEventBridgeStandIn();
      const { client } = testClient();
      tableName = await freshTable(client);
      await syncContent({ contentDir, client, tableName, revisionId: "abc123" });
      return () => eventBridge.close();
    });

    it("sync: creates everything, then writes nothing, then fails on invalid content and leaves the table as it was", async () => {
      const { client } = testClient();
      const tableName = await freshTable(client);
      const first = await invoke("SyncFunction", tableName, {});
      expect(first).toMatchObject({ revision: "abc123", wrote: true });
      expect(first.counts.event.create).toBeGreaterThanOrEqual(25);
      const afterFirst = await tableContents(client, tableName);
      const second = await invoke("SyncFunction", tableName, {});
      expect(second).toMatchObject({ changes: 0, wrote: false });
      expect(await tableContents(client, tableName)).toEqual(afterFirst);

      const broken = await mkdtemp(path.join(tmpdir(), "kronika-sync-"));
      await cp(assetDir(functionNamed("SyncFunction")), broken, { recursive: true });
      await writeFile(
        path.join(broken, "content/events/szturm-na-palac-zimowy.md"),
        eventFile({ title: "Szturm", date: "{ julian: 1917-10-25, gregorian: 1917-11-08 }" }),
      );
      await expect(invoke("SyncFunction", tableName, {}, broken)).rejects.toThrow(/date-mismatch/);
      expect(await tableContents(client, tableName)).toEqual(afterFirst);
    });

    it("sync: puts one Revision published event on the default bus after a sync that wrote, none after one that wrote nothing, and survives a refused put", async () => {
      const { client } = testClient();
      const tableName = await freshTable(client);
      eventBridge.reset();
      const first = await invoke("SyncFunction", tableName, {});
      expect(first).toMatchObject({ wrote: true, revisionEvent: "put" });
      const [entry, ...more] = eventBridge.entries();
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        Source: "kronika",
        DetailType: "Revision published",
        EventBusName: "default",
        Detail: { revision: "abc123", stage: "prod", truncated: false },
      });
      expect(entry.Detail.created.events).toHaveLength(first.counts.event.create);
      expect(entry.Detail.created.events).toContain("szturm-na-palac-zimowy");
      expect(entry.Detail.created.sources).toHaveLength(first.counts.source.create);
      expect(eventBridge.requests[0].headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/\d{8}\/eu-central-1\/events\/aws4_request/,
      );

      expect(await invoke("SyncFunction", tableName, {})).toMatchObject({ wrote: false, revisionEvent: "none" });
      expect(eventBridge.requests).toHaveLength(1);

      // A put EventBridge refuses: the sync still succeeds, having published the revision.
      const edited = await mkdtemp(path.join(tmpdir(), "kronika-sync-event-"));
      await cp(assetDir(functionNamed("SyncFunction")), edited, { recursive: true });
      await writeFile(
        path.join(edited, "content/events/nowe-wydarzenie.md"),
        eventFile({ title: "Nowe wydarzenie", date: "{ julian: 1917-03-03 }", sources: ["pipes-russian-revolution"] }),
      );
      eventBridge.script({ status: 400, body: { __type: "AccessDeniedException", message: "not authorized" } });
      const refused = await invoke("SyncFunction", tableName, {}, edited);
      expect(refused).toMatchObject({ wrote: true, revisionEvent: "failed", counts: { event: { create: 1 } } });
      expect((await tableContents(client, tableName)).some((item) => item.slug === "nowe-wydarzenie")).toBe(true);
    });

    it("sync: publishes a draft, marked as one, only when its stage says so (a pull request's preview)", async () => {
      const { client } = testClient();
      const withDraft = await mkdtemp(path.join(tmpdir(), "kronika-sync-draft-"));
      await cp(assetDir(functionNamed("SyncFunction")), withDraft, { recursive: true });
      await writeFile(
        path.join(withDraft, "content/events/szkic-do-podgladu.md"),
        eventFile({ title: "Szkic do podglądu", date: "{ julian: 1917-03-03 }", draft: true }),
      );
      const syncWith = async (publishDrafts: string) => {
        const table = await freshTable(client);
        const outcome = await harness(["invoke", path.join(withDraft, "index.mjs"), "{}"], {
          ...environmentOf("SyncFunction", table, withDraft),
          [environment.publishDrafts]: publishDrafts,
        });
        const items = await tableContents(client, table);
        return { outcome, drafts: new Set(items.filter((item) => item.draft === true).map((item) => item.slug)) };
      };
      const [published, preview] = await Promise.all([syncWith("false"), syncWith("true")]);
      expect(published.drafts).toEqual(new Set());
      expect(preview.drafts).toEqual(new Set(["szkic-do-podgladu"]));
      expect(preview.outcome.counts.event.create).toBe(published.outcome.counts.event.create + 1);
    });

    it("sync: carries sharp's native binary for Lambda's architecture (an AArch64 ELF), imported at run time; the API carries no sharp", async () => {
      const syncDir = assetDir(functionNamed("SyncFunction"));
      const lib = path.join(syncDir, "node_modules", "@img", "sharp-linux-arm64", "lib");
      const [binary] = (await readdir(lib)).filter((name) => /^sharp-linux-arm64.*\.node$/.test(name));
      const header = await readFile(path.join(lib, binary));
      // ELF magic, 64-bit (EI_CLASS 2), little endian (EI_DATA 1), e_machine 183: EM_AARCH64.
      expect([...header.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
      expect([header[4], header[5], header.readUInt16LE(18)]).toEqual([2, 1, 183]);
      expect(await readdir(path.join(syncDir, "node_modules", "@img"))).toEqual(
        expect.arrayContaining(["sharp-linux-arm64", "sharp-libvips-linux-arm64"]),
      );
      expect(await readFile(path.join(syncDir, "index.mjs"), "utf8")).toMatch(/import\(\s*["']sharp["']\s*\)/);
      const apiDir = assetDir(functionNamed("ApiFunction"));
      expect(await readdir(apiDir)).not.toContain("node_modules");
      expect(await readFile(path.join(apiDir, "index.mjs"), "utf8")).not.toMatch(/sharp|limitInputPixels/);
    });

    it("API: carries neither the AWS SDK, the Markdown renderer, a citation processor nor zod, and serves the citations the sync formatted", async () => {
      const bundle = async (name: string) => readFile(path.join(assetDir(functionNamed(name)), "index.mjs"), "utf8");
      // The SDK's DynamoDB client class name: the function reads through core/store/signed-table-reads.ts.
      expect((await bundle("ApiFunction")).includes("DynamoDBClient"), "API carries the AWS SDK").toBe(false);
      expect((await bundle("SyncFunction")).includes("DynamoDBClient"), "the sync carries the AWS SDK").toBe(true);
      // markdown-it's unsafe-link pattern, a citeproc-js method and a term of the pinned English locale:
      // regular expressions, property names and strings survive minifying.
      // ... and zod's base class name: the exports' shapes are zod declarations the API imports as types only.
      for (const marker of ["vbscript|javascript|file|data", "makeCitationCluster", "sub verbis", "$ZodType"]) {
        expect((await bundle("SyncFunction")).includes(marker), `sync carries ${marker}`).toBe(true);
        expect((await bundle("ApiFunction")).includes(marker), `API carries ${marker}`).toBe(false);
      }
      // The multipart parser's and the URLPattern polyfill's own words: function-bundling.ts stands in for both.
      for (const marker of ["Unexpected end of multipart data", "INVALID_CHAR"]) {
        expect((await bundle("ApiFunction")).includes(marker), `API carries ${marker}`).toBe(false);
      }
      const query = `{ source(slug: "pipes-russian-revolution") { citation(style: APA, locale: EN) } }`;
      const response = await invoke("ApiFunction", tableName, functionUrlEvent({ query: new URLSearchParams({ query }).toString() }));
      expect(JSON.parse(response.body)).toEqual({
        data: { source: { citation: "Pipes, R. (1990). The Russian Revolution. Alfred A. Knopf." } },
      });
    });

    it("API: logs each request as CloudWatch embedded metrics of its function, its DynamoDB calls and duration among them", async () => {
      const dir = assetDir(functionNamed("ApiFunction"));
      const query = `{ events(first: 3) { edges { node { title } } } }`;
      const event = functionUrlEvent({ query: new URLSearchParams({ query }).toString() });
      const { stdout } = await execute(
        process.execPath,
        ["--import", "tsx", "tests/support/bundle-harness.ts", "invoke", path.join(dir, "index.mjs"), JSON.stringify(event)],
        // As Lambda runs it: logging on (the suite turns it off), and the function's name set by the runtime.
        {
          env: {
            ...process.env,
            ...environmentOf("ApiFunction", tableName, dir),
            [environment.log]: "",
            [lambdaVariables.functionName]: "Kronika-prod-Api",
          },
        },
      );
      const lines = stdout
        .trim()
        .split("\n")
        .map((text) => JSON.parse(text));
      const request = lines.find((line) => line.msg === "request");
      expect(request).toMatchObject({ status: 200, functionName: "Kronika-prod-Api" });
      expect(request.dynamodbCalls).toBeGreaterThan(0);
      expect(request._aws.CloudWatchMetrics).toEqual([
        {
          Namespace: "Kronika",
          Dimensions: [["functionName"]],
          Metrics: [
            { Name: "dynamodbCalls", Unit: "Count" },
            { Name: "durationMs", Unit: "Milliseconds" },
          ],
        },
      ]);
      for (const { Name } of request._aws.CloudWatchMetrics[0].Metrics) expect(typeof request[Name], Name).toBe("number");
    });

    it("API: passes every MUST and SHOULD of the graphql-http server audit through Function URL events", async () => {
      const dir = assetDir(functionNamed("ApiFunction"));
      const results: { id: string; name: string; status: string; reason?: string }[] = await harness(
        ["audit", path.join(dir, "index.mjs")],
        environmentOf("ApiFunction", tableName, dir),
      );
      expect(results.length).toBeGreaterThan(30);
      const failing = results.filter((r) => (r.name.startsWith("MUST") || r.name.startsWith("SHOULD")) && r.status !== "ok");
      expect(failing).toEqual([]);
    });

    it("API: answers GET and POST, and a repeated GET with its ETag gets 304", async () => {
      const query = `{ event(slug: "szturm-na-palac-zimowy") { date { julian gregorian } } }`;
      const expected = { data: { event: { date: { julian: "1917-10-25/1917-10-26", gregorian: "1917-11-07/1917-11-08" } } } };
      const get = await invoke("ApiFunction", tableName, functionUrlEvent({ query: new URLSearchParams({ query }).toString() }));
      expect(get.statusCode).toBe(200);
      expect(JSON.parse(get.body)).toEqual(expected);
      expect(get.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
      expect(get.headers["x-request-id"]).toBeTruthy();
      const post = await invoke(
        "ApiFunction",
        tableName,
        functionUrlEvent({ method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json" } }),
      );
      expect(JSON.parse(post.body)).toEqual(expected);
      expect(post.headers["cache-control"]).toBe("no-store");

      // Both requests in one process, as a warm Lambda would serve them.
      const dir = assetDir(functionNamed("ApiFunction"));
      const script = `
        const { handler } = await import(${JSON.stringify(path.join(dir, "index.mjs"))});
        const event = ${JSON.stringify(functionUrlEvent({ query: new URLSearchParams({ query }).toString() }))};
        const first = await handler(event);
        const again = await handler({ ...event, headers: { ...event.headers, "if-none-match": first.headers.etag } });
        console.log(JSON.stringify({ etag: first.headers.etag, status: again.statusCode, body: again.body }));`;
      const { stdout } = await execute(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, ...environmentOf("ApiFunction", tableName, dir) },
      });
      const conditional = JSON.parse(stdout.trim().split("\n").pop() as string);
      expect(conditional.etag).toMatch(/^"[\w-]+"$/);
      expect(conditional.status).toBe(304);
      expect(conditional.body).toBe("");
    });

    it("API: carries the persisted-operation manifest, and answers a GET by hash as the same document sent in full", async () => {
      const [, example] = exampleTabs;
      const params = (first: Record<string, string>) => new URLSearchParams({ ...first, variables: example.variables ?? "{}" }).toString();
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operationHash(example.query) } });
      const byHash = await invoke("ApiFunction", tableName, functionUrlEvent({ query: params({ extensions }) }));
      const inFull = await invoke("ApiFunction", tableName, functionUrlEvent({ query: params({ query: example.query }) }));
      expect(byHash.statusCode).toBe(200);
      expect(JSON.parse(byHash.body).data.event.title).toBeTruthy();
      expect(JSON.parse(byHash.body)).toEqual(JSON.parse(inFull.body));
      expect(byHash.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
    });

    it("API: sends browsers to the GraphiQL site, and keeps every response under Lambda's 6 MB limit", async () => {
      const page = await invoke("ApiFunction", tableName, functionUrlEvent({ headers: { accept: "text/html,application/xhtml+xml" } }));
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe("/graphiql/");
      const biggest = `{ events(first: 100) { edges { node { title summary md: body html: body(format: HTML) text: body(format: TEXT) notes citations { source { title csl } } related { title } } } } }`;
      const response = await invoke(
        "ApiFunction",
        tableName,
        functionUrlEvent({ query: new URLSearchParams({ query: biggest }).toString() }),
      );
      expect(response.statusCode).toBe(200);
      expect(Buffer.byteLength(response.body)).toBeLessThan(lambdaResponseLimit);
      expect(Buffer.byteLength(page.body ?? "")).toBeLessThan(lambdaResponseLimit);
    });
  });
});
