// How every Kronika function's code is built: one minified ESM file for Node.js 22 by esbuild, with small
// stand-ins for what packages carry and no function runs, and beside it the data files the function reads at
// run time. CDK (function-bundling.ts), the benchmark and the bundle tests all build through here.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

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

/**
 * Files of packages that no function runs and that their package imports by a relative path, out of the
 * reach of esbuild's `alias`: each is replaced by a stand-in under infra/bundle-stubs/ that throws if it is
 * ever used. Yoga's landing page (every app runs with `landingPage: false`), its default GraphiQL page (no
 * function renders GraphiQL) and the server adapter's uWebSockets.js branch (a function is given Fetch API
 * requests).
 */
export const fileStandIns = {
  "graphql-yoga/esm/landing-page-html.js": "infra/bundle-stubs/landing-page.ts",
  "graphql-yoga/esm/graphiql-html.js": "infra/bundle-stubs/graphiql-page.ts",
  "@whatwg-node/server/esm/uwebsockets.js": "infra/bundle-stubs/uwebsockets.ts",
};

/** The esbuild plugin that puts fileStandIns in place: it sees only relative imports of those files' names. */
function standInsForFiles(): Plugin {
  const standIns = Object.entries(fileStandIns).map(([file, standIn]) => ({
    file: `/node_modules/${file}`,
    standIn: path.join(projectRoot, standIn),
  }));
  const names = [...new Set(Object.keys(fileStandIns).map((file) => path.posix.basename(file).replaceAll(".", "\\.")))];
  const filter = new RegExp(`^\\.\\.?/(.+/)?(${names.join("|")})$`);
  return {
    name: "kronika-file-stand-ins",
    setup(build) {
      build.onResolve({ filter }, ({ path: request, resolveDir }) => {
        const resolved = path.resolve(resolveDir, request).split(path.sep).join("/");
        const match = standIns.find(({ file }) => resolved.endsWith(file));
        return match ? { path: match.standIn } : undefined;
      });
    },
  };
}

/** The esbuild settings of every function, as esbuild takes them (the benchmark builds with these too). */
export const esbuildSettings = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: true,
  // Non-ASCII characters as they are (Node reads a module as UTF-8), not as \u escapes: a few hundred bytes.
  charset: "utf8",
  sourcemap: true,
  // graphql ships an ESM build under "module": with it the bundle carries half as much of graphql.
  mainFields: ["module", "main"],
  alias: moduleStandIns,
  plugins: [standInsForFiles()],
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __kronikaCreateRequire } from 'module'; const require = __kronikaCreateRequire(import.meta.url);",
  },
} satisfies BuildOptions;

/**
 * Data a function reads from its own folder at run time, by entry: copied beside its bundle rather than
 * bundled, so the code does not grow with it. The GraphQL function's persisted-operation manifest
 * (functions/app.ts reads it on the first request that names an operation by hash).
 */
export const filesBesideBundle: Readonly<Record<string, readonly string[]>> = {
  "functions/graphql.ts": ["functions/persisted-operations.json"],
};

export interface FunctionBuild {
  /** The handler's file, from the project root: "functions/graphql.ts". */
  entry: string;
  /** The folder that receives index.mjs, its source map and the files the function reads beside it. */
  outdir: string;
  /** Packages left out of the bundle, imported at run time from beside it (default: none). */
  external?: string[];
}

/** Builds one function into its folder; returns the bundle's path and esbuild's account of what it holds. */
export async function buildFunction({ entry, outdir, external = [] }: FunctionBuild): Promise<{ outfile: string; metafile: Metafile }> {
  const outfile = path.join(outdir, "index.mjs");
  const { metafile } = await build({
    ...esbuildSettings,
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile,
    external,
    metafile: true,
    logLevel: "warning",
  });
  const key = path.relative(projectRoot, path.resolve(projectRoot, entry)).split(path.sep).join("/");
  for (const file of filesBesideBundle[key] ?? []) {
    mkdirSync(outdir, { recursive: true });
    copyFileSync(path.join(projectRoot, file), path.join(outdir, path.basename(file)));
  }
  return { outfile, metafile };
}
