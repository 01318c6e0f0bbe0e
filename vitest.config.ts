import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// What the tests, and the processes they start, put in the system's temporary folder (content folders, CDK's
// cloud assemblies with their bundles: about 1 GB a run) goes into one folder of this run, removed as the run
// ends: repeated runs do not fill the disk. Test files run in processes started after this, which inherit it.
const runTemp = mkdtempSync(path.join(tmpdir(), "kronika-test-run-"));
process.env.TMPDIR = runTemp;
process.once("exit", () => rmSync(runTemp, { recursive: true, force: true }));

// Two tiers: `unit` runs pure code with plain values (no DynamoDB, no processes); `integration` runs the
// store, the sync, the handlers, the CLI and the browser against one DynamoDB Local the suite starts.
export default defineConfig({
  // Node loads graphql's CommonJS build for the packages in node_modules (Pothos, yoga); our own modules
  // must get the same instance, not the .mjs build Vite would pick.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Request logs are asserted where they matter; elsewhere they would bury the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", KRONIKA_LOG: "off" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/*.test.ts"], globalSetup: ["tests/setup/dynamodb-local.ts"] },
      },
    ],
  },
});
