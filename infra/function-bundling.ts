// How every Kronika function is built: Node.js 22 on arm64, one minified ESM file by esbuild.
import { Duration } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";

export const functionDefaults = {
  runtime: Runtime.NODEJS_22_X,
  architecture: Architecture.ARM_64,
};

/**
 * Modules that yoga's fetch layer loads and no function needs, each replaced by a small stand-in under
 * infra/bundle-stubs/ (paths from the project root, where esbuild runs): the Fetch API ponyfill (Node 22 has
 * the Fetch API, and the handler's requests are its own), the URLPattern polyfill (yoga only matches its
 * literal endpoint) and the LRU cache of yoga's parser cache. `npm run bench` lists what a bundle holds.
 */
export const moduleStandIns = {
  "@whatwg-node/fetch": "./infra/bundle-stubs/fetch-api.ts",
  "urlpattern-polyfill": "./infra/bundle-stubs/url-pattern.ts",
  "lru-cache": "./infra/bundle-stubs/lru-cache.ts",
};

/** The esbuild settings of every function, as esbuild takes them (the benchmark builds with these too). */
export const esbuildSettings = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: true,
  sourcemap: true,
  // graphql ships an ESM build under "module": with it the bundle carries half as much of graphql.
  mainFields: ["module", "main"],
  alias: moduleStandIns,
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __kronikaCreateRequire } from 'module'; const require = __kronikaCreateRequire(import.meta.url);",
  },
} satisfies BuildOptions;

/** The same settings for CDK's NodejsFunction. */
export function bundling(extra: Partial<BundlingOptions> = {}): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: esbuildSettings.target,
    minify: esbuildSettings.minify,
    sourceMap: esbuildSettings.sourcemap,
    mainFields: esbuildSettings.mainFields,
    // The AWS SDK is bundled, so the code runs with the SDK version it was tested with.
    externalModules: [],
    banner: esbuildSettings.banner.js,
    esbuildArgs: Object.fromEntries(Object.entries(esbuildSettings.alias).map(([module, standIn]) => [`--alias:${module}`, standIn])),
    ...extra,
  };
}

/**
 * Lambda's longest: a first sync of a large collection formats every citation (about 1.4 ms each on one
 * vCPU, in two styles and two languages). Later syncs format only what changed.
 */
export const syncTimeout = Duration.minutes(15);

/** cdk-nag AwsSolutions-L1 wants the newest Node.js runtime; Kronika pins the one it is tested for. */
export const runtimeAcknowledgement = {
  id: "AwsSolutions::AwsSolutions-L1",
  reason:
    "Node.js 22 is the runtime Kronika is built and tested for (esbuild target node22); moving to a newer runtime is a tested change, not an automatic one.",
};
