// The AWS WAF web ACL in front of the CloudFront distribution: a per-IP rate limit on every request,
// cached or not. A CLOUDFRONT web ACL exists only in us-east-1; KronikaStack decides where it is made.
//
// AWS's managed rule groups are left out on purpose. The common rule set blocks query strings over 2 KB
// and bodies over 8 KB (GraphQL GET queries are often longer, and the API accepts 100 KB), and its XSS and
// SQL patterns match ordinary GraphQL text; the API has no SQL and escapes what it returns. Known bad
// inputs targets Java (Log4j, deserialization) and other stacks Kronika does not run. Each would add
// $1 a month and WCUs for little protection here; the rate rule is what bounds abuse and cost.
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

/**
 * Requests per IP address in 5 minutes: about 7 a second, room for a class or an office behind one
 * address browsing a timeline (a page view is a few queries), far below what a scripted flood sends.
 */
export const defaultApiRateLimit = 2000;

export interface ApiFirewallProps {
  /**
   * Requests per IP address in a 5-minute window before that address is blocked.
   * @default defaultApiRateLimit (2000)
   */
  readonly rateLimit?: number;
}

export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps = {}) {
    super(scope, id);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      metricName,
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, "WebAcl", {
      description: "Kronika: the GraphQL API and GraphiQL, behind CloudFront",
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: visibility("KronikaApi"),
      customResponseBodies: {
        "too-many-requests": { contentType: "TEXT_PLAIN", content: "Too many requests from this address; try again in a few minutes.\n" },
      },
      rules: [
        {
          name: "requests-per-ip",
          priority: 0,
          statement: {
            rateBasedStatement: { limit: props.rateLimit ?? defaultApiRateLimit, aggregateKeyType: "IP", evaluationWindowSec: 300 },
          },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: "too-many-requests" } } },
          visibilityConfig: visibility("KronikaRequestsPerIp"),
        },
      ],
    });
  }
}
