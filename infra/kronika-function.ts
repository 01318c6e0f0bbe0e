// One Kronika Lambda function, as every one is built: Node.js 22 on arm64, an esbuild ESM bundle
// (function-bundling.ts), its own log group with a retention, and a role that may only write those logs until the caller grants more.
import { type Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { EnvironmentVariable } from "../core/environment";
import { type FunctionCodeOptions, functionCode, functionDefaults, functionHandler, runtimeAcknowledgement } from "./function-bundling";

/** What a function may be given: Kronika's declared variables, and NODE_OPTIONS for Node.js itself. */
export type FunctionEnvironment = { readonly [name in EnvironmentVariable | "NODE_OPTIONS"]?: string };

export interface KronikaFunctionProps {
  /** The handler's file under functions/, e.g. "graphql.ts". */
  readonly entry: string;
  /** Memory in MB (Lambda's CPU share grows with it). */
  readonly memorySize: number;
  /** How long one invocation may run. */
  readonly timeout: Duration;
  /** How long the function's log group keeps its logs. */
  readonly logRetention: RetentionDays;
  /**
   * Delete the log group with the stack.
   * @default false - the log group is retained
   */
  readonly destroyWithStack?: boolean;
  /** The function's environment: only variables core/environment.ts declares, and Node's own options. */
  readonly environment: FunctionEnvironment;
  /**
   * Cap on the function's concurrent executions.
   * @default - none: the function shares the account's unreserved concurrency
   */
  readonly reservedConcurrency?: number;
  /**
   * Packages left out of the bundle (see FunctionCodeOptions).
   * @default - none
   */
  readonly external?: FunctionCodeOptions["external"];
  /**
   * More files for the function's asset, beside its bundle (see FunctionCodeOptions).
   * @default - the bundle and its data files alone
   */
  readonly addFiles?: FunctionCodeOptions["addFiles"];
}

export function kronikaFunction(scope: Construct, props: KronikaFunctionProps): LambdaFunction {
  const logGroup = new LogGroup(scope, "Logs", {
    retention: props.logRetention,
    removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  const role = new Role(scope, "Role", { assumedBy: new ServicePrincipal("lambda.amazonaws.com") });
  logGroup.grantWrite(role);
  const fn = new LambdaFunction(scope, "Function", {
    ...functionDefaults,
    code: functionCode({ entry: `functions/${props.entry}`, external: props.external, addFiles: props.addFiles }),
    handler: functionHandler,
    memorySize: props.memorySize,
    timeout: props.timeout,
    reservedConcurrentExecutions: props.reservedConcurrency,
    logGroup,
    role,
    environment: Object.fromEntries(
      Object.entries(props.environment).filter((variable): variable is [string, string] => variable[1] !== undefined),
    ),
  });
  Validations.of(fn).acknowledge(runtimeAcknowledgement);
  return fn;
}
