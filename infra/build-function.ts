// Builds one function's asset folder for CDK (function-bundling.ts runs this in a child process: CDK's
// bundling is synchronous, and esbuild runs plugins only in its asynchronous build).
//   node --import tsx infra/build-function.ts '{"entry":"functions/graphql.ts","outdir":"…","external":[]}'
import { buildFunction, type FunctionBuild } from "./function-build";

await buildFunction(JSON.parse(process.argv[2] ?? "null") as FunctionBuild);
