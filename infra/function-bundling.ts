// How every Kronika function is deployed: Node.js 22 on arm64, its code built on this machine by
// function-build.ts (esbuild, never Docker) into an asset whose hash is the output's.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { AssetHashType, DockerImage, Duration } from "aws-cdk-lib";
import { Architecture, Code, Runtime } from "aws-cdk-lib/aws-lambda";
import type { FunctionBuild } from "./function-build";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

export const functionDefaults = {
  runtime: Runtime.NODEJS_22_X,
  architecture: Architecture.ARM_64,
};

/** Every function's handler: the `handler` export of the asset's index.mjs. */
export const functionHandler = "index.handler";

export interface FunctionCodeOptions {
  /** The handler's file, from the project root: "functions/graphql.ts". */
  readonly entry: string;
  /**
   * Packages left out of the bundle, imported at run time from what `addFiles` puts beside it.
   * @default - none: everything is bundled, the AWS SDK too, so the code runs with the versions it was tested with
   */
  readonly external?: readonly string[];
  /**
   * More files for the asset's folder, put there after the bundle is built; `from` names where they come
   * from (it keys the asset within a synth, beside the entry).
   * @default - the bundle and its data files alone
   */
  readonly addFiles?: { readonly from: string; readonly add: (outputDir: string) => void };
}

/**
 * A function's code: function-build.ts's output for its entry, built during synth in a child process (CDK's
 * bundling is synchronous; esbuild's plugins need its asynchronous build). A stack skipped by
 * `aws:cdk:bundling-stacks` builds nothing.
 */
export function functionCode({ entry, external = [], addFiles }: FunctionCodeOptions): Code {
  const build: FunctionBuild = { entry, outdir: "", external: [...external] };
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // CDK's bundling asks for an image; the local build always runs (or throws), so none is ever pulled.
      image: DockerImage.fromRegistry("kronika-builds-on-this-machine"),
      // What the build does, which also keys the asset among those of the same synth.
      command: ["node", "--import", "tsx", "infra/build-function.ts", JSON.stringify(build), ...(addFiles ? [addFiles.from] : [])],
      local: {
        tryBundle(outputDir) {
          execFileSync(process.execPath, ["--import", "tsx", "infra/build-function.ts", JSON.stringify({ ...build, outdir: outputDir })], {
            cwd: projectRoot,
            // esbuild's warnings and errors; nothing on stdout, which is the CDK app's.
            stdio: ["ignore", 2, 2],
          });
          addFiles?.add(outputDir);
          return true;
        },
      },
    },
  });
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
