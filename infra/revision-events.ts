// The "Revision published" event: the sync function may put it on the account's default bus, and each webhook
// of the deployment gets it through an EventBridge rule and API destination, with EventBridge's retries, a
// dead-letter queue, and a secret header of its own from the destination's connection. No delivery code of ours.
import { createHash } from "node:crypto";
import { CfnOutput, Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import type { IDistribution } from "aws-cdk-lib/aws-cloudfront";
import { Metric } from "aws-cdk-lib/aws-cloudwatch";
import { ApiDestination, Authorization, Connection, EventBus, HttpMethod, Rule } from "aws-cdk-lib/aws-events";
import { ApiDestination as ApiDestinationTarget } from "aws-cdk-lib/aws-events-targets";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { environment } from "../core/environment";
import { revisionPublished } from "../core/sync/revision-event";
import { revisionEventFailureMetric } from "../functions/revision-event-failures";

/** The header each delivery carries, whose value is the webhook's secret. */
export const webhookSecretHeader = "x-kronika-webhook-secret";

/** EventBridge keeps retrying a delivery for this long (its maximum), with its exponential backoff. */
export const deliveryMaxAge = Duration.hours(24);
/** ... and at most this many times (its maximum). */
export const deliveryRetryAttempts = 185;

export interface RevisionEventsProps {
  /** The sync function, which puts the event once it has published a revision. */
  readonly publisher: LambdaFunction;
  /** The stage's name: in each event, and what each webhook's rule matches (stages share the default bus). */
  readonly stage: string;
  /**
   * HTTPS URLs EventBridge delivers each event to.
   * @default - none: the event stays on the default bus, for rules of your own
   */
  readonly webhooks?: readonly string[];
  /**
   * The CDN whose invalidation the sync waits for before it puts the event.
   * @default - no CDN: the event is put at once
   */
  readonly distribution?: IDistribution;
  /**
   * Delete the dead-letter queue with the stack.
   * @default false - the queue is retained
   */
  readonly destroyWithStack?: boolean;
}

/** One webhook's parts. */
export interface RevisionWebhook {
  readonly url: string;
  readonly rule: Rule;
  readonly destination: ApiDestination;
  readonly secret: Secret;
}

export class RevisionEvents extends Construct {
  /** Where EventBridge leaves a delivery that ran out of retries (absent without webhooks). */
  readonly deadLetterQueue?: Queue;
  readonly webhooks: RevisionWebhook[];
  /** Failed puts of the event, by the sync function (functions/revision-event-failures.ts). */
  readonly putFailures: Metric;

  constructor(scope: Construct, id: string, props: RevisionEventsProps) {
    super(scope, id);
    const bus = EventBus.fromEventBusName(this, "DefaultBus", "default");
    bus.grantPutEventsTo(props.publisher);
    props.publisher.addEnvironment(environment.eventBus, bus.eventBusName);
    props.publisher.addEnvironment(environment.stage, props.stage);
    props.distribution?.grant(props.publisher, "cloudfront:GetInvalidation");
    this.putFailures = new Metric({
      namespace: revisionEventFailureMetric.namespace,
      metricName: revisionEventFailureMetric.name,
      dimensionsMap: { [revisionEventFailureMetric.dimension]: props.stage },
      statistic: "Sum",
      period: Duration.minutes(5),
    });

    const webhooks = props.webhooks ?? [];
    if (webhooks.length > 0) {
      this.deadLetterQueue = new Queue(this, "DeadLetters", {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
        removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      });
      Validations.of(this.deadLetterQueue).acknowledge({
        id: "AwsSolutions::AwsSolutions-SQS3",
        reason: "This queue is the dead-letter queue of the webhook deliveries; what lands here is inspected by hand (docs/deploy.md).",
      });
    }
    this.webhooks = webhooks.map((url) => this.webhook(url, props.stage, this.deadLetterQueue as Queue));
  }

  private webhook(url: string, stage: string, deadLetterQueue: Queue): RevisionWebhook {
    // Named by its URL, not its place in the list: adding or removing another leaves its secret as it was.
    const scope = new Construct(this, `Webhook${createHash("sha256").update(url).digest("hex").slice(0, 10)}`);
    const secret = new Secret(scope, "Secret", {
      description: `The ${webhookSecretHeader} header of Kronika's "${revisionPublished.detailType}" deliveries to ${url}`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(secret).acknowledge({
      id: "AwsSolutions::AwsSolutions-SMG4",
      reason: "The receiver holds a copy of this value to verify deliveries; it is rotated by hand, with the receiver (docs/deploy.md).",
    });
    const connection = new Connection(scope, "Connection", {
      description: `Kronika ${stage}: ${url}`,
      authorization: Authorization.apiKey(webhookSecretHeader, secret.secretValue),
    });
    const destination = new ApiDestination(scope, "Destination", { connection, endpoint: url, httpMethod: HttpMethod.POST });
    const rule = new Rule(scope, "Rule", {
      description: `Kronika ${stage}: "${revisionPublished.detailType}" to ${url}`,
      eventPattern: { source: [revisionPublished.source], detailType: [revisionPublished.detailType], detail: { stage: [stage] } },
      targets: [
        new ApiDestinationTarget(destination, { deadLetterQueue, maxEventAge: deliveryMaxAge, retryAttempts: deliveryRetryAttempts }),
      ],
    });
    new CfnOutput(scope, "SecretArn", {
      key: `WebhookSecret${scope.node.id.slice("Webhook".length)}`,
      value: secret.secretArn,
      description: `The secret ${url} verifies the ${webhookSecretHeader} header with`,
    });
    return { url, rule, destination, secret };
  }
}
