// What a stage's name decides: `prod` keeps its data; `pr-<number>` is a pull request's preview, which
// publishes drafts (marked as such) and is deleted with its stack, data and all.
import type { App } from "aws-cdk-lib";
import { environment } from "../core/environment";

/** The stage that keeps its table and logs when its stack is deleted, and never publishes drafts. */
export const productionStage = "prod";

/** The stage the deploy workflow deploys and smoke-tests before production: a copy whose data goes with its stack. */
export const stagingStage = "staging";

/** A pull request's preview stage: `pr-` and the pull request's number. */
const pullRequestStage = /^pr-[1-9][0-9]{0,9}$/;

/** Letters, digits and hyphens, as a CloudFormation stack name (`Kronika-<stage>`) allows. */
const stageName = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export const isPullRequestStage = (stage: string) => pullRequestStage.test(stage);

/** The preview stage of a pull request, as the preview workflow names it. */
export const pullRequestStageName = (pullRequest: number) => `pr-${pullRequest}`;

/** `-c stage=…` (or KRONIKA_STAGE, or `dev`), checked: a name CloudFormation refuses stops the synth here. */
export function stageOption(app: App): string {
  const stage = String(app.node.tryGetContext("stage") ?? process.env[environment.stage] ?? "dev");
  if (!stageName.test(stage)) {
    throw new Error(`-c stage=${JSON.stringify(stage)}: a stage is letters, digits and hyphens (at most 64), such as prod, dev or pr-42`);
  }
  return stage;
}
