// The CDK app: `npx cdk synth -c stage=prod` (or KRONIKA_STAGE). The options and the content are checked before
// anything is built.
import path from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { gitRevision } from "../cli/revision";
import { formatHuman, hasErrors } from "../core/content/diagnostic";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { deployOptions } from "./deploy-options";
import { KronikaStack } from "./kronika-stack";
import { stageOption } from "./stage";

const app = new App();
// cdk-nag's AwsSolutions pack checks every synth; each accepted finding is acknowledged in code with its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const contentDir = path.resolve(String(app.node.tryGetContext("content") ?? "content"));
// Checked first: a mistyped stage or number stops the synth before the content is read or anything is bundled.
const stage = stageOption(app);
const options = deployOptions(app);

const loaded = await loadContent(contentDir);
const diagnostics = [...loaded.diagnostics, ...validateContent(loaded.documents).diagnostics];
if (hasErrors(diagnostics)) {
  for (const diagnostic of diagnostics) console.error(formatHuman(diagnostic));
  throw new Error("content has errors: fix them before deploying (npm run content:check)");
}

new KronikaStack(app, `Kronika-${stage}`, {
  // The region is fixed at synth (the CLI's default region, or the profile's): whether CloudFront's web ACL
  // and edge function need a stack of their own in us-east-1 depends on it (see KronikaStack).
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  stage,
  contentDir,
  revision: gitRevision(contentDir),
  allowMassDelete: String(app.node.tryGetContext("allowMassDelete")) === "true",
  ...options,
});
