// The deploy-time sync: a Lambda function with the content folder bundled in, run by a CDK trigger on
// every deployment whose content (or sync code) changed. Invalid content fails the deployment.
import { closeSync, constants, cpSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type CfnElement, Stack, Validations } from "aws-cdk-lib";
import type { IDistribution } from "aws-cdk-lib/aws-cloudfront";
import type { TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Trigger } from "aws-cdk-lib/triggers";
import { Construct } from "constructs";
import { listImageFiles } from "../core/content/image-files";
import { listContentFiles } from "../core/content/load";
import { maxFileBytes } from "../core/content/size-limits";
import { environment } from "../core/environment";
import { maxImageBytes } from "../core/media/media-limits";
import { s3MediaPrefix } from "../core/renditions/s3-storage";
import { listIndex } from "../core/store/table-definition";
import { syncTimeout } from "./function-bundling";
import { kronikaFunction } from "./kronika-function";
import { sharpForLambda } from "./sharp-bundle";

export interface ContentSyncProps {
  /** The content table the sync writes. */
  readonly table: TableV2;
  /** Absolute path of the content folder to publish. */
  readonly contentDir: string;
  /**
   * The revision id to record (e.g. the git commit).
   * @default - a hash of the published content (`content-…`)
   */
  readonly revision?: string;
  /**
   * Allow a deployment to delete more than half of what is published.
   * @default false
   */
  readonly allowMassDelete?: boolean;
  /**
   * Publish drafts too, marked as drafts: for a pull request's preview stage, never for production.
   * @default false
   */
  readonly publishDrafts?: boolean;
  /**
   * A CDN whose cached GraphQL responses are invalidated after a sync that changed anything.
   * @default - no invalidation
   */
  readonly distribution?: IDistribution;
  /**
   * The bucket the sync writes media renditions to (under media/); it is their only writer.
   * @default - none: content with media cannot be published
   */
  readonly mediaBucket?: IBucket;
  /**
   * Delete the log group with the stack.
   * @default false - the log group is retained
   */
  readonly destroyWithStack?: boolean;
}

/** What the sync may do: read the table's state (state items, the revision, old search chunks) and write items. */
export const syncTableActions = ["dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:GetItem"];

/**
 * A copy of the content folder holding only what the loader reads: regular files, each opened without
 * following a link and no larger than a content file may be. Copying the folder itself would carry its
 * symbolic links, and the asset's zip follows them out of the folder.
 */
export function stageContent(contentDir: string): string {
  const staged = mkdtempSync(path.join(tmpdir(), "kronika-content-asset-"));
  const files = [
    ...listContentFiles(contentDir).files.map(({ file }) => ({ file, limit: maxFileBytes })),
    ...listImageFiles(contentDir).map(({ file }) => ({ file, limit: maxImageBytes })),
  ];
  for (const { file, limit } of files) {
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      if (fstatSync(fd).size > limit) continue;
      const target = path.join(staged, path.relative(contentDir, file));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  }
  return staged;
}

/** What the sync may do to the media bucket's renditions. */
export const mediaObjectActions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

export class ContentSync extends Construct {
  readonly function: LambdaFunction;
  readonly trigger: Trigger;

  constructor(scope: Construct, id: string, props: ContentSyncProps) {
    super(scope, id);
    this.function = kronikaFunction(this, {
      entry: "content-sync.ts",
      // One full vCPU: the sync is CPU-bound (YAML, Markdown, and formatting every changed citation).
      memorySize: 1769,
      timeout: syncTimeout,
      logRetention: RetentionDays.ONE_YEAR,
      destroyWithStack: props.destroyWithStack,
      environment: {
        [environment.tableName]: props.table.tableName,
        [environment.allowMassDelete]: props.allowMassDelete ? "true" : "false",
        [environment.publishDrafts]: props.publishDrafts ? "true" : "false",
        NODE_OPTIONS: "--enable-source-maps",
        ...(props.revision ? { [environment.revision]: props.revision } : {}),
        ...(props.distribution ? { [environment.distributionId]: props.distribution.distributionId } : {}),
        ...(props.mediaBucket ? { [environment.mediaBucket]: props.mediaBucket.bucketName } : {}),
      },
      // sharp's native binary cannot be bundled: it is imported from the node_modules copied in below,
      // built for Lambda's Linux on arm64 (sharp-bundle.ts).
      external: ["sharp"],
      // The content travels inside the function's asset, so a content change is a code change: a new asset
      // hash, a new function version, and the trigger runs again. Only the files that the check read go in
      // (see stageContent).
      addFiles: {
        from: props.contentDir,
        add: (output) => {
          const staged = stageContent(props.contentDir);
          try {
            cpSync(staged, path.join(output, "content"), { recursive: true });
          } finally {
            rmSync(staged, { recursive: true, force: true });
          }
          cpSync(path.join(sharpForLambda(), "node_modules"), path.join(output, "node_modules"), {
            recursive: true,
            verbatimSymlinks: true,
          });
        },
      },
    });
    // The table and its one index (the sync reads state items through it), named: no wildcard.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: syncTableActions,
        resources: [props.table.tableArn, `${props.table.tableArn}/index/${listIndex.indexName}`],
      }),
    );
    props.distribution?.grantCreateInvalidation(this.function);
    if (props.mediaBucket) {
      // Write and delete renditions, and HEAD them (GetObject; ListBucket makes a missing one a 404, not a 403).
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: mediaObjectActions,
          resources: [props.mediaBucket.arnForObjects(`${s3MediaPrefix}*`)],
        }),
      );
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: ["s3:ListBucket"],
          resources: [props.mediaBucket.bucketArn],
          conditions: { StringLike: { "s3:prefix": [`${s3MediaPrefix}*`] } },
        }),
      );
      const bucketId = Stack.of(this).getLogicalId(props.mediaBucket.node.defaultChild as CfnElement);
      Validations.of(this).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${s3MediaPrefix}*]`,
        reason: "The sync writes and deletes renditions, each named by its content's hash: any object under media/ of the media bucket.",
      });
    }
    this.trigger = new Trigger(this, "Trigger", { handler: this.function, timeout: syncTimeout, executeOnHandlerChange: true });
  }
}
