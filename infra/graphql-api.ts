// The public GraphQL API: one Lambda function behind a Function URL, allowed only to read the table.
import { fileURLToPath } from "node:url";
import { Duration } from "aws-cdk-lib";
import type { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { type FunctionUrl, FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { Construct } from "constructs";
import { environment } from "../core/store/table-definition";
import { bundling, functionDefaults } from "./function-bundling";

export interface GraphqlApiProps {
  table: TableV2;
  /** Memory in MB. Default 1024: Lambda's CPU share grows with memory, and parsing plus DynamoDB calls are CPU-bound. */
  memorySize?: number;
  /** Cap on concurrent executions (reserved concurrency); unset means the account's pool. */
  reservedConcurrency?: number;
}

/** The actions the API may perform: reads by key and by index, never Scan, never writes. */
export const apiTableActions = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];

export class GraphqlApi extends Construct {
  readonly function: NodejsFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    this.function = new NodejsFunction(this, "Function", {
      ...functionDefaults,
      entry: fileURLToPath(new URL("../functions/graphql.ts", import.meta.url)),
      handler: "handler",
      memorySize: props.memorySize ?? 1024,
      // A request makes a handful of DynamoDB calls; 10 s leaves room for retries but not for a stuck request.
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { [environment.tableName]: props.table.tableName, NODE_OPTIONS: "--enable-source-maps" },
      bundling: bundling(),
    });
    props.table.grant(this.function, ...apiTableActions);
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
