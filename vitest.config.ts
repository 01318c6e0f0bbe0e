import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

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
