import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/dynamodb-local.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
