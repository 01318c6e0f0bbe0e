// The bucket of media renditions: private (CloudFront reads it through origin access control, at /media/*),
// TLS only, written by the deploy-time sync function alone.
import { RemovalPolicy, Validations } from "aws-cdk-lib";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

export interface MediaBucketProps {
  /**
   * Delete the bucket and its renditions with the stack (non-production stages).
   * @default false - the bucket is retained
   */
  readonly destroyWithStack?: boolean;
}

export class MediaBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps = {}) {
    super(scope, id);
    this.bucket = new Bucket(this, "Bucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.destroyWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      autoDeleteObjects: props.destroyWithStack,
    });
    Validations.of(this.bucket).acknowledge({
      id: "AwsSolutions::AwsSolutions-S1",
      reason:
        "The bucket holds only public image renditions, written by the deploy-time sync and read through CloudFront; access logs would record nothing of value.",
    });
  }
}
