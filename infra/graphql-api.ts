// The public GraphQL API: one Lambda function behind a Function URL that only CloudFront may call,
// allowed only to read the table.
import { Duration } from "aws-cdk-lib";
import type { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { type FunctionUrl, FunctionUrlAuthType, type Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { environment } from "../core/environment";
import { listIndexes } from "../core/store/table-definition";
import { kronikaFunction } from "./kronika-function";

export interface GraphqlApiProps {
  /** The content table the API reads. */
  readonly table: TableV2;
  /** Where the GraphiQL site is served, for browsers that open the endpoint. */
  readonly graphiqlPath: string;
  /**
   * Memory in MB: Lambda's CPU share grows with memory, and parse, validate and execute are CPU-bound.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Cap on concurrent executions (reserved concurrency), to bound cost and DynamoDB load.
   * @default defaultApiConcurrency (50)
   */
  readonly reservedConcurrency?: number;
  /**
   * How long request logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Delete the log group with the stack.
   * @default false - the log group is retained
   */
  readonly destroyWithStack?: boolean;
  /**
   * Run only persisted operations (functions/persisted-operations.json) and refuse documents sent as text.
   * @default false - any document runs: the API is public
   */
  readonly persistedOperationsOnly?: boolean;
}

/**
 * The GraphQL function's reserved concurrency unless a deployment sets one (`-c apiConcurrency`). It caps
 * what a flood can cost: at most 50 instances of 1 GB, 50 GB-seconds a second, and the DynamoDB reads they
 * make. Cached GETs never reach the function; at 50 ms a request, 50 serve a thousand uncached requests a
 * second. It stays well inside a default account's 1,000 concurrent executions, of which Lambda keeps 100
 * unreserved (an account with a lower quota must raise it first).
 */
export const defaultApiConcurrency = 50;

/** The actions the API may perform: reads by key and by index, never Scan, never writes. */
export const apiTableActions = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];

export class GraphqlApi extends Construct {
  readonly function: LambdaFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    this.function = kronikaFunction(this, {
      entry: "graphql.ts",
      memorySize: props.memorySize ?? 1024,
      // A request makes a handful of DynamoDB calls; 10 s leaves room for retries but not for a stuck request.
      timeout: Duration.seconds(10),
      logRetention: props.logRetention ?? RetentionDays.ONE_MONTH,
      destroyWithStack: props.destroyWithStack,
      reservedConcurrency: props.reservedConcurrency ?? defaultApiConcurrency,
      environment: {
        [environment.tableName]: props.table.tableName,
        [environment.graphiqlPath]: props.graphiqlPath,
        [environment.persistedOperationsOnly]: props.persistedOperationsOnly ? "true" : "false",
        // No --enable-source-maps here: Node would parse the 4 MB map at every cold start (+25 ms measured);
        // the map ships beside the bundle for reading stack traces offline.
      },
    });
    // The table and its indexes, named: no wildcard over indexes.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: apiTableActions,
        resources: [props.table.tableArn, ...listIndexes.map((index) => `${props.table.tableArn}/index/${index.indexName}`)],
      }),
    );
    // Only CloudFront may call it: the distribution signs its requests (origin access control), and the
    // function's resource policy allows that one distribution (see ContentDelivery).
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
  }
}
