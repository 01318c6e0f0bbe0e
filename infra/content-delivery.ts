// CloudFront in front of the API and the GraphiQL site. GET queries are cached at the edge by query,
// variables, operation name and Accept; POST passes through. The Function URL is reached only through
// origin access control: CloudFront signs each request, and the origin-request function supplies the
// body hash a signed POST needs (x-amz-content-sha256), so clients send plain GraphQL requests.
// A WAF web ACL rate-limits every request per IP address.
import { Duration, RemovalPolicy, Stack, Token, Validations } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  LambdaEdgeEventType,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { FunctionUrlOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { IFunctionUrl, IVersion } from "aws-cdk-lib/aws-lambda";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";

export const graphqlPath = "/graphql";
export const graphiqlPath = "/graphiql/";

/** Query-string parameters of a GraphQL GET request: the parts of the cache key besides the revision. */
export const cacheKeyQueryStrings = ["query", "variables", "operationName", "extensions"];

export interface ContentDeliveryProps {
  /** The GraphQL function's URL, with AWS_IAM auth: the distribution is given the right to call it. */
  readonly apiUrl: IFunctionUrl;
  /** The origin-request function's version (Lambda@Edge, in us-east-1). */
  readonly originRequest: IVersion;
  /** The ARN of a CLOUDFRONT-scope WAF web ACL (in us-east-1). */
  readonly webAclArn: string;
  /** A folder with GraphiQL's static files (see graphiql-site.ts). */
  readonly graphiqlSiteDir: string;
  /**
   * Delete the GraphiQL bucket and its files with the stack (non-production stages).
   * @default false - the bucket is retained
   */
  readonly destroyWithStack?: boolean;
}

export class ContentDelivery extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ContentDeliveryProps) {
    super(scope, id);
    this.bucket = new Bucket(this, "GraphiqlBucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      autoDeleteObjects: props.destroyWithStack,
    });
    const queryCache = new CachePolicy(this, "QueryCache", {
      comment: "Kronika GraphQL GET: keyed by query, variables, operation name, Accept and Accept-Language",
      queryStringBehavior: CacheQueryStringBehavior.allowList(...cacheKeyQueryStrings),
      headerBehavior: CacheHeaderBehavior.allowList("accept", "accept-language"),
      // The function says how long (Cache-Control); these only bound it.
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(10),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.distribution = new Distribution(this, "Distribution", {
      comment: "Kronika: GraphQL API and GraphiQL",
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      defaultBehavior: {
        // Creates the Lambda OAC and the function's permissions for this distribution alone.
        origin: FunctionUrlOrigin.withOriginAccessControl(props.apiUrl),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // The only set with POST; the origin-request function answers PUT, PATCH and DELETE with 405.
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        cachePolicy: queryCache,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
        // On cache misses only: cached GETs cost no invocation.
        edgeLambdas: [{ eventType: LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion: props.originRequest, includeBody: true }],
      },
      additionalBehaviors: {
        [`${graphiqlPath}*`]: {
          origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          compress: true,
        },
      },
    });
    new BucketDeployment(this, "GraphiqlSite", {
      sources: [Source.asset(props.graphiqlSiteDir)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: graphiqlPath.slice(1),
      distribution: this.distribution,
      distributionPaths: [`${graphiqlPath}*`],
      memoryLimit: 512,
    });
    this.acknowledgeFindings();
  }

  /** cdk-nag findings this construct accepts, each for a stated reason. */
  private acknowledgeFindings() {
    const acknowledge = (scope: Construct, reasons: Record<string, string>) => {
      for (const [rule, reason] of Object.entries(reasons))
        Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
    };
    acknowledge(this.bucket, {
      S1: "The bucket holds only GraphiQL's public static files, written by the deployment and read through CloudFront; access logs would record nothing of value.",
    });
    acknowledge(this.distribution, {
      CFR1: "Kronika publishes public historical content for readers anywhere; there is no country to exclude.",
      CFR3: "Every API request is logged by the function as structured JSON with its request id; CloudFront standard logs would duplicate them at extra cost.",
      CFR4: "The distribution uses the default *.cloudfront.net certificate, which fixes the TLS policy; a deployment with its own domain and certificate should set TLSv1.2_2021 (see docs/deploy.md).",
    });
    // BucketDeployment's copying function is a CDK singleton at stack level; its role and runtime are CDK's own.
    const stack = Stack.of(this);
    const assetRegion = Token.isUnresolved(stack.region) ? "<AWS::Region>" : stack.region;
    for (const child of stack.node.children.filter((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"))) {
      acknowledge(child, {
        L1: "The runtime of CDK's BucketDeployment function is chosen by aws-cdk-lib.",
        "IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]":
          "CDK's BucketDeployment function uses the basic execution role for its logs.",
        "IAM5[Action::s3:GetObject*]": "CDK's BucketDeployment reads the site from the CDK asset bucket.",
        "IAM5[Action::s3:GetBucket*]": "CDK's BucketDeployment reads the site from the CDK asset bucket.",
        "IAM5[Action::s3:List*]": "CDK's BucketDeployment lists the source and destination to sync them.",
        "IAM5[Action::s3:DeleteObject*]": "CDK's BucketDeployment removes files no longer in the site (prune).",
        "IAM5[Action::s3:Abort*]": "CDK's BucketDeployment may abort multipart uploads it started.",
        [`IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${assetRegion}/*]`]:
          "The CDK asset bucket, where the site's zip is staged.",
        [`IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/*]`]:
          "The GraphiQL bucket's objects, which the deployment writes.",
        "IAM5[Resource::*]":
          "aws-cdk-lib grants BucketDeployment its CloudFront invalidation actions on all resources; the policy is generated by CDK.",
      });
    }
  }
}
