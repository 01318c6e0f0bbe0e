// CloudFront in front of the preview site (at /), the API (at /graphql) and the GraphiQL site (at /graphiql/).
// GET queries are cached at the edge by query, variables, operation name and Accept; POST passes through. The Function URL is reached only through
// origin access control: CloudFront signs each request, and the origin-request function supplies the
// body hash a signed POST needs (x-amz-content-sha256), so clients send plain GraphQL requests.
// A WAF web ACL rate-limits every request per IP address. The two static sites are in two private buckets,
// read through origin access control: each deployment replaces what its bucket holds, and the site at /
// needs no origin path.
import { Duration, RemovalPolicy, Stack, Token, Validations } from "aws-cdk-lib";
import {
  AllowedMethods,
  type BehaviorOptions,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  LambdaEdgeEventType,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  Function as ViewerFunction,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { FunctionUrlOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { IFunctionUrl, IVersion } from "aws-cdk-lib/aws-lambda";
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { mediaContentSecurityPolicy, mediaPath } from "../core/media/serving";
import { directoryIndexSource } from "./directory-index";
import type { PreviewSiteFolders } from "./preview-site";

export const graphqlPath = "/graphql";
export const graphiqlPath = "/graphiql/";
/** The preview site's page, served at `/`; its views are in the query string (`/?event=slug`). */
export const previewRootObject = "index.html";

/**
 * The preview site's page: browsers revalidate it on every visit (a 304 from the edge when unchanged), and
 * CloudFront keeps it for a day at most, until the next deploy of the site invalidates it.
 */
export const previewPageCacheControl = [
  CacheControl.setPublic(),
  CacheControl.maxAge(Duration.seconds(0)),
  CacheControl.sMaxAge(Duration.days(1)),
];
/** Its script and styles: named by a hash of their content, so a name never changes meaning. */
export const previewAssetCacheControl = [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()];

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
  /** The preview site's pages and fingerprinted assets (see preview-site.ts). */
  readonly previewSite: PreviewSiteFolders;
  /**
   * The bucket of media renditions, served at /media/* (its objects are under media/).
   * @default - no /media/ behaviour
   */
  readonly mediaBucket?: IBucket;
  /**
   * Delete the buckets and their files with the stack (non-production stages).
   * @default false - the buckets are retained
   */
  readonly destroyWithStack?: boolean;
}

export class ContentDelivery extends Construct {
  readonly distribution: Distribution;
  /** GraphiQL's files, under graphiql/. */
  readonly bucket: Bucket;
  /** The preview site's files, at the root. */
  readonly previewBucket: Bucket;

  constructor(scope: Construct, id: string, props: ContentDeliveryProps) {
    super(scope, id);
    const siteBucket = (bucketId: string) =>
      new Bucket(this, bucketId, {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
        autoDeleteObjects: props.destroyWithStack,
      });
    this.bucket = siteBucket("GraphiqlBucket");
    this.previewBucket = siteBucket("PreviewBucket");
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
    // S3 has no folder index: `/graphiql/` is served as `/graphiql/index.html` by this viewer-request function.
    const directoryIndex = new ViewerFunction(this, "DirectoryIndex", {
      code: FunctionCode.fromInline(directoryIndexSource),
      runtime: FunctionRuntime.JS_2_0,
      comment: "Kronika: serve index.html for addresses that end in /",
    });
    // Renditions: content addressed, so cached as long as the origin says (a year, immutable); every response
    // nosniff, and a CSP under which an SVG opened on its own runs and loads nothing.
    const mediaBehavior: Record<string, BehaviorOptions> = props.mediaBucket
      ? {
          [`${mediaPath}/*`]: {
            origin: S3BucketOrigin.withOriginAccessControl(props.mediaBucket),
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
            cachePolicy: CachePolicy.CACHING_OPTIMIZED,
            responseHeadersPolicy: new ResponseHeadersPolicy(this, "MediaHeaders", {
              comment: "Kronika media: nosniff, and a CSP that lets an SVG run nothing",
              securityHeadersBehavior: {
                contentTypeOptions: { override: true },
                contentSecurityPolicy: { contentSecurityPolicy: mediaContentSecurityPolicy, override: true },
                strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
              },
            }),
            compress: true,
          },
        }
      : {};
    this.distribution = new Distribution(this, "Distribution", {
      comment: "Kronika: preview site, GraphQL API and GraphiQL",
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      defaultRootObject: previewRootObject,
      // Everything but the API and GraphiQL: the preview site. The query string (the page's view) is not part
      // of the cache key, so every view is the one cached page.
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.previewBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      additionalBehaviors: {
        ...mediaBehavior,
        [graphqlPath]: {
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
        [`${graphiqlPath}*`]: {
          origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          compress: true,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: directoryIndex }],
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
    // The preview site's assets first, then the page that names them. Neither prunes: the other's files
    // share the bucket, and a page opened before a deploy keeps finding its script (a few tens of KB each).
    const previewAssets = new BucketDeployment(this, "PreviewAssets", {
      sources: [Source.asset(props.previewSite.assetsDir)],
      destinationBucket: this.previewBucket,
      cacheControl: previewAssetCacheControl,
      prune: false,
      memoryLimit: 512,
    });
    const previewPages = new BucketDeployment(this, "PreviewPages", {
      sources: [Source.asset(props.previewSite.pagesDir)],
      destinationBucket: this.previewBucket,
      cacheControl: previewPageCacheControl,
      prune: false,
      distribution: this.distribution,
      distributionPaths: ["/", `/${previewRootObject}`],
      memoryLimit: 512,
    });
    previewPages.node.addDependency(previewAssets);
    this.acknowledgeFindings();
  }

  /** cdk-nag findings this construct accepts, each for a stated reason. */
  private acknowledgeFindings() {
    const acknowledge = (scope: Construct, reasons: Record<string, string>) => {
      for (const [rule, reason] of Object.entries(reasons))
        Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
    };
    for (const bucket of [this.bucket, this.previewBucket]) {
      acknowledge(bucket, {
        S1: "The bucket holds only public static files (GraphiQL's, or the preview site's), written by the deployment and read through CloudFront; access logs would record nothing of value.",
      });
    }
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
        [`IAM5[Resource::<${stack.getLogicalId(this.previewBucket.node.defaultChild as never)}.Arn>/*]`]:
          "The preview site bucket's objects, which the deployment writes.",
        "IAM5[Resource::*]":
          "aws-cdk-lib grants BucketDeployment its CloudFront invalidation actions on all resources; the policy is generated by CDK.",
      });
    }
  }
}
