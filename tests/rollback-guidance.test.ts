// The deploy workflow's rollback guidance (.github/scripts/rollback-guidance.sh), run as the workflow runs it
// after a failed job: the jobs' results as `toJSON(needs)` gives them, and a stand-in for the GitHub CLI that
// answers the list of successful deploy runs (through the real jq) and records how it was asked.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execute = promisify(execFile);
const script = path.resolve(".github/scripts/rollback-guidance.sh");
const gates = ["test", "diff", "deploy-staging", "smoke-staging", "deploy-prod", "smoke-prod"];
const sha = "c0ffee0000000000000000000000000000000001";
const before = "bada550000000000000000000000000000000002";
const lastGood = "900d000000000000000000000000000000000003";

// `gh run list ... --json FIELDS --jq EXPR`: the expression applied to the stored runs; a failure when there are none.
const fakeGh = `#!/usr/bin/env bash
printf '%s ' "$@" >> "$GH_LOG"
[ -s "$GH_RUNS" ] || { echo "no runs" >&2; exit 1; }
while [ $# -gt 0 ]; do
  if [ "$1" = --jq ]; then jq -r "$2" "$GH_RUNS"; exit; fi
  shift
done
`;

/** The jobs' results: `success` up to the failed one, `failure` there, `skipped` after it. */
function results(failedJob: string) {
  const at = gates.indexOf(failedJob);
  return Object.fromEntries(gates.map((job, i) => [job, { result: i < at ? "success" : i === at ? "failure" : "skipped", outputs: {} }]));
}

async function guidance(failedJob: string, successfulRuns: { databaseId: number; headSha: string }[]) {
  const dir = await mkdtemp(path.join(tmpdir(), "kronika-rollback-"));
  await writeFile(path.join(dir, "gh"), fakeGh);
  await chmod(path.join(dir, "gh"), 0o755);
  await writeFile(path.join(dir, "runs.json"), successfulRuns.length ? JSON.stringify(successfulRuns) : "");
  await writeFile(path.join(dir, "calls"), "");
  const { stdout } = await execute("bash", [script], {
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH}`,
      GH_LOG: path.join(dir, "calls"),
      GH_RUNS: path.join(dir, "runs.json"),
      GH_TOKEN: "test",
      NEEDS: JSON.stringify(results(failedJob)),
      BEFORE: before,
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: "owner/kronika",
      GITHUB_SERVER_URL: "https://github.com",
    },
  });
  return { summary: stdout, ghCalls: await readFile(path.join(dir, "calls"), "utf8") };
}

describe("the rollback guidance of a failed deploy", () => {
  it("after production's smoke test fails, says production runs the commit and how to redeploy the last good one", async () => {
    const { summary, ghCalls } = await guidance("smoke-prod", [{ databaseId: 4242, headSha: lastGood }]);
    expect(summary).toContain("## Deploy failed at `smoke-prod`: how to roll back");
    expect(summary).toContain("**Production runs this commit (`c0ffee000000`) and fails its smoke test.**");
    expect(summary).toContain("[run 4242](https://github.com/owner/kronika/actions/runs/4242)");
    expect(summary).toContain("gh run rerun 4242 --repo owner/kronika");
    expect(summary).toContain(`git revert --no-edit ${lastGood}..${sha} && git push`);
    expect(summary).toContain(`git checkout ${lastGood} && npm ci && npx cdk deploy --all -c stage=prod --require-approval never`);
    expect(summary).toContain(`https://github.com/owner/kronika/blob/${sha}/docs/deploy.md#roll-back`);
    expect(ghCalls).toContain("run list --repo owner/kronika --workflow deploy.yml --branch main --status success --limit 1");
  });

  it("after production's deploy fails, says the edge stack may be out of step with the main one", async () => {
    const { summary } = await guidance("deploy-prod", [{ databaseId: 4242, headSha: lastGood }]);
    expect(summary).toContain("## Deploy failed at `deploy-prod`");
    expect(summary).toContain("`Kronika-prod-edge` stack (us-east-1) may already run this commit");
  });

  it("after staging fails, says production was not touched", async () => {
    for (const job of ["deploy-staging", "smoke-staging"]) {
      const { summary } = await guidance(job, [{ databaseId: 4242, headSha: lastGood }]);
      expect(summary).toContain(`## Deploy failed at \`${job}\``);
      expect(summary).toContain("Production was not touched.");
      expect(summary).not.toContain("Production runs this commit");
    }
  });

  it("after the tests fail, says nothing was deployed", async () => {
    const { summary } = await guidance("test", [{ databaseId: 4242, headSha: lastGood }]);
    expect(summary).toContain("## Deploy failed at `test`");
    expect(summary).toContain("Nothing was deployed");
  });

  it("with no earlier successful run, falls back to the commit main was at before the push", async () => {
    const { summary } = await guidance("smoke-prod", []);
    expect(summary).toContain("No earlier successful deploy run was found: redeploy by hand (step 3).");
    expect(summary).not.toContain("gh run rerun");
    expect(summary).toContain(`git revert --no-edit ${before}..${sha} && git push`);
    expect(summary).toContain(`git checkout ${before} && npm ci`);
  });
});
