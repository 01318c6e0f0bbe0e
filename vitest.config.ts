import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export default defineConfig({
  // Node loads graphql's CommonJS build for the packages in node_modules (Pothos, yoga); our own modules
  // must get the same instance, not the .mjs build Vite would pick.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/dynamodb-local.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Request logs are asserted where they matter; elsewhere they would bury the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", KRONIKA_LOG: "off" },
  },
});
