// The Lambda@Edge function on the API's origin requests (functions/origin-request.ts): it hashes POST
// bodies for origin access control and refuses methods the API does not serve. Lambda@Edge asks for a
// function in us-east-1, on x86_64, without environment variables, and a role Lambda@Edge may assume;
// KronikaStack decides where it is made.
import { Aws, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import { CompositePrincipal, Policy, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, type CfnFunction, type IVersion, Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { functionCode, functionDefaults, functionHandler, runtimeAcknowledgement } from "./function-bundling";

export class OriginRequestFunction extends Construct {
  readonly function: LambdaFunction;
  /** The published version CloudFront runs (Lambda@Edge takes versions, not $LATEST). */
  readonly version: IVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new Role(this, "Role", {
      assumedBy: new CompositePrincipal(new ServicePrincipal("lambda.amazonaws.com"), new ServicePrincipal("edgelambda.amazonaws.com")),
    });
    this.function = new LambdaFunction(this, "Function", {
      runtime: functionDefaults.runtime,
      architecture: Architecture.X86_64,
      code: functionCode({ entry: "functions/origin-request.ts" }),
      handler: functionHandler,
      // A hash of at most 1 MB: the smallest memory is enough, and origin-request functions may take 30 s.
      memorySize: 128,
      timeout: Duration.seconds(5),
      role,
      // CloudFront keeps running a version until the distribution moves to the next one, and a replicated
      // version cannot be deleted for hours: old versions stay (they cost nothing) and go with the function.
      currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
    });
    // Lambda@Edge writes its logs in the region of the edge location that ran it, to a group named after
    // the function: every region, this one function's groups only.
    const logGroup = `arn:${Aws.PARTITION}:logs:*:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/us-east-1.${this.function.functionName}`;
    new Policy(this, "Logs", {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [logGroup, `${logGroup}:*`],
        }),
      ],
    });
    this.version = this.function.currentVersion;
    Validations.of(this.function).acknowledge(runtimeAcknowledgement);
    const functionId = Stack.of(this).getLogicalId(this.function.node.defaultChild as CfnFunction);
    const logGroupFinding = `arn:<AWS::Partition>:logs:*:<AWS::AccountId>:log-group:/aws/lambda/us-east-1.<${functionId}>`;
    const reason = "Lambda@Edge writes to this function's log group in the region of each edge location that runs it.";
    for (const resource of [logGroupFinding, `${logGroupFinding}:*`])
      Validations.of(this).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }
}
