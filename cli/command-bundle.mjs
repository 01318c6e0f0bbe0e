// The bundle an editor's command runs from (see cli/launch.mjs): built with esbuild the first time and kept in
// node_modules/.cache/kronika/cli/, under a key made of the exact bytes it was built from (every source file
// esbuild read, hashed as esbuild reads it; esbuild's version; the settings, see toolchainKey). Every run
// hashes those files again: an edited file, a `git pull` or an upgrade builds the bundle anew, and a stale one
// never runs. Packages stay outside the bundle and load from node_modules as usual. Plain JavaScript, so that
// Node runs it as it is.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** The commands run this way, by the name the npm scripts give. */
export const launchedCommands = { check: "cli/check.ts", sync: "cli/sync.ts", new: "cli/new.ts" };

const defaultCacheDir = path.join(projectRoot, "node_modules", ".cache", "kronika", "cli");
const loaders = { ".ts": "ts", ".mts": "ts", ".js": "js", ".mjs": "js", ".json": "json" };
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * What every bundle's key covers beside its sources: this file (it holds the settings), esbuild's version, and
 * the project's tsconfig.json and package.json, which esbuild reads too (how classes' fields compile, which
 * modules have side effects).
 */
function toolchainKey() {
  const read = (...parts) => readFileSync(path.join(projectRoot, ...parts));
  const esbuild = JSON.parse(read("node_modules", "esbuild", "package.json").toString("utf8"));
  const settings = [readFileSync(fileURLToPath(import.meta.url)), read("tsconfig.json"), read("package.json")];
  return sha256(`${settings.map(sha256).join(" ")} esbuild ${esbuild.version}`);
}

/** The key of a bundle built from these files, each with the hash of its bytes. */
function bundleKey(files) {
  const hash = createHash("sha256").update(toolchainKey());
  for (const [file, digest] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`\n${file}\0${digest}`);
  return hash.digest("hex").slice(0, 24);
}

/** A bundle is named by its key: the file a record points to is the one built from those bytes. */
const bundleFile = (cacheDir, name, key) => path.join(cacheDir, `${name}-${key}.mjs`);

/** The files a kept bundle was built from, hashed as they are now; undefined once any is gone. */
function currentFiles(recorded) {
  try {
    return recorded.map((file) => [file, sha256(readFileSync(file))]);
  } catch {
    return undefined;
  }
}

/**
 * Builds `entry` into one ES module in `cacheDir`. Each source file is read, hashed and handed to esbuild here,
 * so the key is made of exactly the bytes bundled, whatever is saved meanwhile. `import.meta.url` in a source
 * file becomes that file's own URL: the code finds the files beside it (docs, schema, manifests) as from source.
 */
async function build(entry, cacheDir) {
  const { build: esbuild } = await import("esbuild");
  const files = new Map();
  let complete = true;
  const sources = {
    name: "hashed-sources",
    setup(builder) {
      builder.onLoad({ filter: /.*/, namespace: "file" }, ({ path: file }) => {
        const loader = loaders[path.extname(file)];
        if (!loader) {
          complete = false; // a kind of file this key does not cover: the bundle runs, but is not kept
          return undefined;
        }
        const bytes = readFileSync(file);
        files.set(file, sha256(bytes));
        const text = bytes.toString("utf8");
        const contents = loader === "json" ? text : text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href));
        return { contents, loader };
      });
    },
  };
  mkdirSync(cacheDir, { recursive: true });
  const name = path.basename(entry, path.extname(entry));
  const building = path.join(cacheDir, `${name}.${process.pid}.${Date.now()}.building.mjs`);
  await esbuild({
    entryPoints: [entry],
    outfile: building,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [sources],
    logLevel: "error",
    // Readable, so that a stack trace names the function and, by the `// file` comments, its source file.
    minify: false,
  });
  const key = bundleKey(files);
  const outfile = bundleFile(cacheDir, name, key);
  // Renamed into place: a run reading the cache meanwhile sees a whole bundle or none. Two runs building the
  // same key write the same bytes.
  renameSync(building, outfile);
  if (complete) {
    const manifest = path.join(cacheDir, `${name}.json`);
    const writing = `${manifest}.${process.pid}.writing`;
    writeFileSync(writing, JSON.stringify({ key, files: [...files.keys()] }));
    renameSync(writing, manifest);
  }
  return outfile;
}

/** The bundle of `entry`: the kept one when every file it was built from is unchanged, else a new one. */
export async function bundledEntry(entry, cacheDir = defaultCacheDir) {
  const name = path.basename(entry, path.extname(entry));
  try {
    const kept = JSON.parse(readFileSync(path.join(cacheDir, `${name}.json`), "utf8"));
    const files = currentFiles(kept.files);
    const key = files && bundleKey(files);
    const outfile = key && bundleFile(cacheDir, name, key);
    if (key === kept.key && existsSync(outfile)) return { outfile, built: false };
  } catch {
    // No usable record: build.
  }
  const outfile = await build(entry, cacheDir);
  return { outfile, built: true };
}

/** A bundle younger than this may be one another run has just built and is about to load: it is left. */
const keptWhileYoungerMs = 10 * 60 * 1000;

/** Removes the older bundles of `entry` (best effort: what cannot be removed now is left for the next build). */
export function removeOtherBundles(entry, keep, cacheDir = defaultCacheDir) {
  const name = path.basename(entry, path.extname(entry));
  try {
    for (const file of readdirSync(cacheDir)) {
      if (!file.startsWith(`${name}-`) || !file.endsWith(".mjs") || file === path.basename(keep)) continue;
      const bundle = path.join(cacheDir, file);
      if (Date.now() - statSync(bundle).mtimeMs > keptWhileYoungerMs) rmSync(bundle, { force: true });
    }
  } catch {
    // Left for the next build.
  }
}
