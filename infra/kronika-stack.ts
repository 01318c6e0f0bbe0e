// One Kronika deployment (a stage): the table, the media bucket, the preview site and the GraphQL API behind CloudFront with
// GraphiQL beside them, CloudFront's web ACL and origin-request function (in us-east-1), the deploy-time
// content sync, and the alarms and dashboard that watch them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps, Token } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { AlarmTopic } from "./alarm-topic";
import { ApiFirewall } from "./api-firewall";
import { CdnErrorAlarm } from "./cdn-alarm";
import { ContentDelivery, graphiqlPath, graphqlPath } from "./content-delivery";
import { ContentSync } from "./content-sync";
import { ContentTable } from "./content-table";
import { writeGraphiqlSite } from "./graphiql-site";
import { GraphqlApi } from "./graphql-api";
import { MediaBucket } from "./media-bucket";
import { OperationsAlarms } from "./operations-alarms";
import { OperationsDashboard } from "./operations-dashboard";
import { OriginRequestFunction } from "./origin-request-function";
import { writePublishedPreviewSite } from "./preview-site";
import { RevisionEvents } from "./revision-events";
import { isPullRequestStage, productionStage } from "./stage";

/** Where CloudFront takes its web ACLs and Lambda@Edge functions from. */
export const edgeRegion = "us-east-1";

export interface KronikaStackProps extends StackProps {
  /**
   * The stage's name (e.g. `prod`, `dev`, `pr-42`): part of the stack's name. `prod` keeps its data; a pull
   * request's stage (`pr-<number>`) publishes drafts.
   */
  readonly stage: string;
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  /**
   * The revision id the deploy-time sync records (e.g. the git commit).
   * @default - a hash of the published content
   */
  readonly revision?: string;
  /**
   * Allow the deploy-time sync to delete more than half of what is published.
   * @default false
   */
  readonly allowMassDelete?: boolean;
  /**
   * Keep the table and logs when the stack is deleted.
   * @default - true for the "prod" stage only
   */
  readonly retainData?: boolean;
  /**
   * Publish drafts (marked as drafts) so the stage shows them; refused for `prod`.
   * @default - true for a pull request's stage (`pr-<number>`) only
   */
  readonly publishDrafts?: boolean;
  /**
   * Reserved concurrency of the GraphQL function.
   * @default defaultApiConcurrency (50, graphql-api.ts)
   */
  readonly apiReservedConcurrency?: number;
  /**
   * Requests per IP address in 5 minutes before the web ACL blocks it.
   * @default defaultApiRateLimit (2000, api-firewall.ts)
   */
  readonly apiRateLimit?: number;
  /**
   * HTTPS URLs that EventBridge delivers each "Revision published" event to.
   * @default - none: the event is put on the default bus only
   */
  readonly revisionWebhooks?: readonly string[];
  /**
   * An e-mail address subscribed to the stage's alarms.
   * @default - none: the alarms show in the CloudWatch console only
   */
  readonly alarmEmail?: string;
  /**
   * Make the API run only persisted operations (the manifest built by `npm run operations:manifest`).
   * @default false - any document runs: the API is public
   */
  readonly persistedOperationsOnly?: boolean;
}

export class KronikaStack extends Stack {
  /**
   * Outside us-east-1, the stack there (`<id>-edge`) that holds the web ACL and the origin-request function:
   * CloudFront takes both only from us-east-1. This stack reads their ARNs as the edge stack's outputs
   * (weak cross-region references: Fn::GetStackOutput), so a new version of the function, made whenever
   * its bundle changes, reaches the distribution on the next deploy; strong references (an SSM export
   * per value) refuse to change a value another stack uses. In us-east-1 everything is in this one stack.
   */
  readonly edgeStack?: Stack;
  /**
   * Outside us-east-1, the stack there (`<id>-cdn-alarms`) that holds the CloudFront 5xx alarm and a topic
   * of its own: CloudFront's metrics are only in us-east-1, and an alarm notifies only topics of its region.
   * It reads the distribution's id as this stack's output (weak reference), so it is deployed after it.
   */
  readonly cdnAlarmStack?: Stack;

  constructor(scope: Construct, id: string, props: KronikaStackProps) {
    super(scope, id, props);
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
    if (Token.isUnresolved(this.region)) {
      throw new Error(
        `${id}: the stack needs an explicit region (env.region; the CDK CLI sets CDK_DEFAULT_REGION), since CloudFront's web ACL and edge function must be made in ${edgeRegion}`,
      );
    }
    if (this.region !== edgeRegion) {
      this.edgeStack = new Stack(scope, `${id}-edge`, {
        env: { account: props.env?.account, region: edgeRegion },
        description: `The ${edgeRegion} part of ${id}: CloudFront's web ACL and origin-request function.`,
      });
    }
    const edge = this.edgeStack ?? this;
    const firewall = new ApiFirewall(edge, "Firewall", { rateLimit: props.apiRateLimit });
    const originRequest = new OriginRequestFunction(edge, "OriginRequest");
    const retain = props.retainData ?? props.stage === productionStage;
    const publishDrafts = props.publishDrafts ?? isPullRequestStage(props.stage);
    if (publishDrafts && props.stage === productionStage) throw new Error(`${id}: the ${productionStage} stage never publishes drafts`);
    const { table } = new ContentTable(this, "Content", { retain });
    const api = new GraphqlApi(this, "Api", {
      table,
      graphiqlPath,
      reservedConcurrency: props.apiReservedConcurrency,
      destroyWithStack: !retain,
      persistedOperationsOnly: props.persistedOperationsOnly,
    });
    const media = new MediaBucket(this, "Media", { destroyWithStack: !retain });
    const graphiqlSiteDir = writeGraphiqlSite(mkdtempSync(path.join(tmpdir(), "kronika-graphiql-")), { endpoint: graphqlPath });
    const cdn = new ContentDelivery(this, "Cdn", {
      apiUrl: api.url,
      originRequest: originRequest.version,
      webAclArn: firewall.webAcl.attrArn,
      graphiqlSiteDir,
      previewSite: writePublishedPreviewSite({ endpoint: graphqlPath }),
      mediaBucket: media.bucket,
      destroyWithStack: !retain,
    });
    const sync = new ContentSync(this, "Sync", {
      table,
      contentDir: props.contentDir,
      revision: props.revision,
      allowMassDelete: props.allowMassDelete,
      publishDrafts,
      distribution: cdn.distribution,
      mediaBucket: media.bucket,
      destroyWithStack: !retain,
    });
    sync.trigger.executeAfter(table);
    const revisionEvents = new RevisionEvents(this, "RevisionEvents", {
      publisher: sync.function,
      stage: props.stage,
      webhooks: props.revisionWebhooks,
      distribution: cdn.distribution,
      destroyWithStack: !retain,
    });
    const alarmTopic = new AlarmTopic(this, "Alarms", { email: props.alarmEmail });
    const alarms = new OperationsAlarms(this, "Operations", {
      topic: alarmTopic,
      api: api.function,
      sync: sync.function,
      table,
      revisionEvents,
    });
    if (this.region !== edgeRegion) {
      this.cdnAlarmStack = new Stack(scope, `${id}-cdn-alarms`, {
        env: { account: props.env?.account, region: edgeRegion },
        description: `The ${edgeRegion} part of ${id}'s alarms: CloudFront's 5xx rate, where CloudFront's metrics are.`,
      });
      CrossStackReferences.of(this.cdnAlarmStack).consume(ReferenceStrength.WEAK);
    }
    const cdnAlarmTopic = this.cdnAlarmStack ? new AlarmTopic(this.cdnAlarmStack, "Alarms", { email: props.alarmEmail }) : alarmTopic;
    const cdnAlarm = new CdnErrorAlarm(this.cdnAlarmStack ?? this, "CdnAlarm", {
      distributionId: cdn.distribution.distributionId,
      topic: cdnAlarmTopic,
    });
    // The dashboard shows the state of the alarms in its own region.
    new OperationsDashboard(this, "Dashboard", {
      api: api.function,
      distributionId: cdn.distribution.distributionId,
      alarms: this.cdnAlarmStack ? alarms.alarms : [...alarms.alarms, cdnAlarm.alarm],
    });
    const origin = `https://${cdn.distribution.distributionDomainName}`;
    new CfnOutput(this, "SiteUrl", { value: `${origin}/`, description: "The preview site: the timeline as readers see it." });
    new CfnOutput(this, "GraphqlUrl", { value: `${origin}${graphqlPath}`, description: "The GraphQL endpoint (CloudFront)." });
    new CfnOutput(this, "GraphiqlUrl", { value: `${origin}${graphiqlPath}`, description: "GraphiQL, for exploring the API." });
    new CfnOutput(this, "TableName", { value: table.tableName, description: "The content table." });
  }
}
