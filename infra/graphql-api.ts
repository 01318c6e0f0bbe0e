// The public GraphQL API: one Lambda function behind a Function URL, allowed only to read the table.
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import type { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { type FunctionUrl, FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { environment, listIndex } from "../core/store/table-definition";
import { bundling, functionDefaults, runtimeAcknowledgement } from "./function-bundling";
import { functionRole } from "./function-role";

export interface GraphqlApiProps {
  table: TableV2;
  /** Where the GraphiQL site is served, for browsers that open the endpoint. */
  graphiqlPath: string;
  /** Memory in MB. Default 1024: Lambda's CPU share grows with memory, and parse, validate and execute are CPU-bound. */
  memorySize?: number;
  /** Cap on concurrent executions (reserved concurrency), to bound cost and DynamoDB load; unset means the account's pool. */
  reservedConcurrency?: number;
  /** How long request logs are kept. Default: one month. */
  logRetention?: RetentionDays;
  /** Delete the log group with the stack. */
  destroyWithStack?: boolean;
}

/** The actions the API may perform: reads by key and by index, never Scan, never writes. */
export const apiTableActions = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];

export class GraphqlApi extends Construct {
  readonly function: NodejsFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, "Logs", {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.function = new NodejsFunction(this, "Function", {
      ...functionDefaults,
      entry: fileURLToPath(new URL("../functions/graphql.ts", import.meta.url)),
      handler: "handler",
      memorySize: props.memorySize ?? 1024,
      // A request makes a handful of DynamoDB calls; 10 s leaves room for retries but not for a stuck request.
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      logGroup,
      role: functionRole(this, "Role", logGroup),
      environment: {
        [environment.tableName]: props.table.tableName,
        KRONIKA_GRAPHIQL_PATH: props.graphiqlPath,
        // No --enable-source-maps here: Node would parse the 4 MB map at every cold start (+25 ms measured);
        // the map ships beside the bundle for reading stack traces offline.
      },
      bundling: bundling(),
    });
    // The table and its one index, named: no wildcard over indexes.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: apiTableActions,
        resources: [props.table.tableArn, `${props.table.tableArn}/index/${listIndex.indexName}`],
      }),
    );
    Validations.of(this.function).acknowledge(runtimeAcknowledgement);
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
