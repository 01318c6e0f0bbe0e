// One Kronika Lambda function, as every one is built: Node.js 22 on arm64, an esbuild ESM bundle, its own
// log group with a retention, and a role that may only write those logs until the caller grants more.
import { fileURLToPath } from "node:url";
import { type Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { type BundlingOptions, NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { bundling, functionDefaults, runtimeAcknowledgement } from "./function-bundling";

export interface KronikaFunctionProps {
  /** The handler's file under functions/, e.g. "graphql.ts". */
  entry: string;
  memorySize: number;
  timeout: Duration;
  logRetention: RetentionDays;
  /** Delete the log group with the stack. */
  destroyWithStack?: boolean;
  environment: Record<string, string>;
  reservedConcurrency?: number;
  bundling?: Partial<BundlingOptions>;
}

export function kronikaFunction(scope: Construct, props: KronikaFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, "Logs", {
    retention: props.logRetention,
    removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  const role = new Role(scope, "Role", { assumedBy: new ServicePrincipal("lambda.amazonaws.com") });
  logGroup.grantWrite(role);
  const fn = new NodejsFunction(scope, "Function", {
    ...functionDefaults,
    entry: fileURLToPath(new URL(`../functions/${props.entry}`, import.meta.url)),
    handler: "handler",
    memorySize: props.memorySize,
    timeout: props.timeout,
    reservedConcurrentExecutions: props.reservedConcurrency,
    logGroup,
    role,
    environment: props.environment,
    bundling: bundling(props.bundling),
  });
  Validations.of(fn).acknowledge(runtimeAcknowledgement);
  return fn;
}
