import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { App, Stack, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { CachePolicy, ResponseHeadersPolicy } from "aws-cdk-lib/aws-cloudfront";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { environment } from "../core/environment";
import { listIndex, tableKeys } from "../core/store/table-definition";
import { syncContent } from "../core/sync/sync";
import { contextOption, deployOptions } from "../infra/deploy-options";
import { KronikaStack, type KronikaStackProps } from "../infra/kronika-stack";
import { isPullRequestStage, pullRequestStageName, stageOption } from "../infra/stage";
import { eventFile } from "./support/content-folder";
import { freshTable, tableContents, testClient } from "./support/dynamodb";
import { functionUrlEvent } from "./support/function-url-event";
import { environmentReads, moduleGraph, parseSource } from "./support/source-files";

const execute = promisify(execFile);
const contentDir = path.resolve("content");
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
  // The other stack of the deployment, if any: the one in us-east-1 that CloudFront's edge features need.
  const edge = app.node.children.find((c): c is Stack => Stack.isStack(c) && c !== stack);
  const edgeTemplate = edge ? Template.fromStack(edge) : undefined;
  return {
    app,
    stack,
    template,
    resources: template.toJSON().Resources as Record<string, Resource>,
    edge,
    edgeResources: (edgeTemplate?.toJSON().Resources ?? {}) as Record<string, Resource>,
    edgeOutputs: (edgeTemplate?.toJSON().Outputs ?? {}) as Record<string, { Value: unknown }>,
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

    it("declares the same keys and index as the table the local store creates", async () => {
      const { client } = testClient();
      const tableName = await freshTable(client);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const [[, cloud]] = ofType(prod.resources, "AWS::DynamoDB::GlobalTable");
      const byName = <T extends Record<string, any>>(list: T[]) =>
        [...list].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
      expect(byName(cloud.Properties.AttributeDefinitions)).toEqual(byName(Table?.AttributeDefinitions ?? []));
      expect(cloud.Properties.KeySchema).toEqual(Table?.KeySchema);
      const indexes = (list: any[]) => list.map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection }));
      expect(indexes(cloud.Properties.GlobalSecondaryIndexes)).toEqual(indexes(Table?.GlobalSecondaryIndexes ?? []));
      expect(cloud.Properties.KeySchema[0].AttributeName).toBe(tableKeys.partitionKey);
      expect(cloud.Properties.GlobalSecondaryIndexes[0].IndexName).toBe(listIndex.indexName);
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

    it("let the API only read the table and its one index by key, and only the sync write", () => {
      expect(actionsOf(functionNamed("ApiFunction").id, "dynamodb:")).toEqual([
        "dynamodb:BatchGetItem",
        "dynamodb:GetItem",
        "dynamodb:Query",
      ]);
      const apiResources = statementsOf(functionNamed("ApiFunction").id).find((s: any) =>
        [s.Action].flat().includes("dynamodb:Query"),
      ).Resource;
      expect(JSON.stringify(apiResources)).toContain(`/index/${listIndex.indexName}`);
      expect(JSON.stringify(apiResources)).not.toContain("/index/*");
      // The sync reads by key and through the index too, and never scans.
      expect(actionsOf(functionNamed("SyncFunction").id, "dynamodb:")).toEqual([
        "dynamodb:BatchWriteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
      ]);
      expect(actionsOf(functionNamed("SyncFunction").id, "cloudfront:")).toEqual(["cloudfront:CreateInvalidation"]);
      expect(actionsOf(functionNamed("ApiFunction").id, "cloudfront:")).toEqual([]);
    });

    it("cap the API at 50 concurrent executions unless a deployment sets another number", () => {
      expect(functionNamed("ApiFunction").Properties.ReservedConcurrentExecutions).toBe(50);
      const capped = synth("capped", { bundle: false, props: { apiReservedConcurrency: 7 } });
      const [[, api]] = ofType(capped.resources, "AWS::Lambda::Function").filter(([id]) => id.startsWith("ApiFunction"));
      expect(api.Properties.ReservedConcurrentExecutions).toBe(7);
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
          "NODE_OPTIONS",
        ].sort(),
      );
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
      expect(config.CacheBehaviors.map((b: any) => b.PathPattern).sort()).toEqual(["/graphiql/*", "/graphql"]);
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
      expect(ofType(preview.resources, "AWS::S3::Bucket")).toHaveLength(2);
      expect(ofType(preview.resources, "AWS::Logs::LogGroup").length).toBeGreaterThanOrEqual(2);
      for (const type of ["AWS::DynamoDB::GlobalTable", "AWS::S3::Bucket", "AWS::Logs::LogGroup"]) expect(kept(type), type).toEqual([]);
      preview.template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
      });
      expect(ofType(preview.resources, "Custom::S3AutoDeleteObjects")).toHaveLength(2);
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
      expect(options({})).toEqual({ apiReservedConcurrency: undefined, apiRateLimit: undefined });
      expect(options({ apiConcurrency: "20", apiRateLimit: "10" })).toEqual({ apiReservedConcurrency: 20, apiRateLimit: 10 });
      expect(options({ apiConcurrency: 1, apiRateLimit: 2_000_000_000 })).toEqual({
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

    it("stop a synth before anything is built, with the key and the value on stderr", async () => {
      const synthWith = (context: Record<string, string>) =>
        execute(process.execPath, ["--import", "tsx", "infra/app.ts"], {
          env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_DEFAULT_REGION: "eu-central-1" },
        }).then(
          () => "",
          (error: { stderr: string }) => error.stderr,
        );
      const [concurrency, rate, stage] = await Promise.all([
        synthWith({ apiConcurrency: "0" }),
        synthWith({ apiRateLimit: "lots" }),
        synthWith({ stage: "pr 7" }),
      ]);
      expect(concurrency).toContain('-c apiConcurrency="0"');
      expect(rate).toContain('-c apiRateLimit="lots"');
      expect(stage).toContain('-c stage="pr 7"');
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
    // Each function runs with the environment its template gives it, pointed at a test table.
    const environmentOf = (name: string, tableName: string, dir: string) => {
      const variables = Object.fromEntries(
        Object.entries(functionNamed(name).Properties.Environment.Variables).filter(([, v]) => typeof v === "string"),
      );
      return {
        ...variables,
        DYNAMODB_ENDPOINT: inject("dynamodbEndpoint"),
        AWS_REGION: "eu-central-1",
        KRONIKA_TABLE: tableName,
        LAMBDA_TASK_ROOT: dir,
      } as Record<string, string>;
    };
    const invoke = (name: string, tableName: string, event: unknown, dir = assetDir(functionNamed(name))) =>
      harness(["invoke", path.join(dir, "index.mjs"), JSON.stringify(event)], environmentOf(name, tableName, dir));

    // The API bundle reads a table filled with the shipped content.
    let tableName: string;
    beforeAll(async () => {
      const { client } = testClient();
      tableName = await freshTable(client);
      await syncContent({ contentDir, client, tableName, revisionId: "abc123" });
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

    it("API: carries neither the AWS SDK, the Markdown renderer nor a citation processor, and serves the citations the sync formatted", async () => {
      const bundle = async (name: string) => readFile(path.join(assetDir(functionNamed(name)), "index.mjs"), "utf8");
      // The SDK's DynamoDB client class name: the function reads through core/store/signed-table-reads.ts.
      expect((await bundle("ApiFunction")).includes("DynamoDBClient"), "API carries the AWS SDK").toBe(false);
      expect((await bundle("SyncFunction")).includes("DynamoDBClient"), "the sync carries the AWS SDK").toBe(true);
      // markdown-it's unsafe-link pattern, a citeproc-js method and a term of the pinned English locale:
      // regular expressions, property names and strings survive minifying.
      for (const marker of ["vbscript|javascript|file|data", "makeCitationCluster", "sub verbis"]) {
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
