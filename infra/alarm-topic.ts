// The SNS topic the stage's alarms notify, with an e-mail subscription when the deployment names an
// address (`-c alarmEmail=…`). CloudWatch notifies only topics in the alarm's own region, so each region
// that holds alarms holds one of these.
import { ArnFormat, Stack, Validations } from "aws-cdk-lib";
import type { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

export interface AlarmTopicProps {
  /**
   * An address that gets every alarm and its recovery by e-mail (AWS first sends it a link to confirm).
   * @default - no subscription: the alarms show in the CloudWatch console only
   */
  readonly email?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = new Topic(this, "Topic", { displayName: `${stack.stackName} alarms`, enforceSSL: true });
    // The policy that enforces TLS replaces the topic's default one, so CloudWatch is let in by name, and
    // only for this account's alarms in this region.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ["sns:Publish"],
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            "aws:SourceArn": stack.formatArn({
              service: "cloudwatch",
              resource: "alarm",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { "aws:SourceAccount": stack.account },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    Validations.of(this.topic).acknowledge({
      id: "AwsSolutions::AwsSolutions-SNS2",
      reason:
        "Alarm notifications carry alarm names, thresholds and metric values, nothing confidential. CloudWatch cannot publish to a topic under the AWS managed SNS key, and a key of the stack's own would cost more than this data needs.",
    });
  }

  /** Notify the topic when the alarm goes off and when it recovers. */
  notify(alarm: Alarm) {
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
}
