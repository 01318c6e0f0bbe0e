// The bundle an editor's command runs from (see cli/launch.mjs): built with esbuild the first time and kept in
// node_modules/.cache/kronika/cli/, under a key made of everything it was built from: every source file's bytes
// as esbuild read them, the names in each folder an import could have resolved in, esbuild's version and the
// settings (see toolchainKey). Every run takes the key again and checks the kept bundle's own bytes: an edit, a
// new file beside an import, a `git pull` or an upgrade builds the bundle anew, and a stale or damaged one
// never runs. Packages stay outside the bundle and load from node_modules as usual. Plain JavaScript, so that
// Node runs it as it is.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const projectRoot = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The commands run this way, by the name the npm scripts give. */
export const launchedCommands = { check: "cli/check.ts", sync: "cli/sync.ts", new: "cli/new.ts" };

const defaultCacheDir = path.join(projectRoot, "node_modules", ".cache", "kronika", "cli");
const loaders = { ".ts": "ts", ".mts": "ts", ".js": "js", ".mjs": "js", ".json": "json" };
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * What `import.meta` says of a module, as each module of the bundle that reads it declares for itself (esbuild's
 * `define` points the expressions at these names, and renames them apart module by module): the code finds the
 * files beside its source (docs, schema, manifests) as it does when run from source. Declared at the top of the
 * module, so read from a function that an import cycle calls before the module has run, they are undefined
 * (no module of the launched commands is in a cycle).
 */
const moduleFacts = { url: "__kronikaModuleUrl", filename: "__kronikaModuleFilename", dirname: "__kronikaModuleDirname" };

/**
 * What every key covers beside the sources: this file (it holds the settings), esbuild's version, and the
 * project's tsconfig.json and package.json, which esbuild reads too (how classes' fields compile, which modules
 * have side effects).
 */
function toolchainKey() {
  const read = (...parts) => readFileSync(path.join(projectRoot, ...parts));
  const esbuild = JSON.parse(read("node_modules", "esbuild", "package.json").toString("utf8"));
  const settings = [readFileSync(fileURLToPath(import.meta.url)), read("tsconfig.json"), read("package.json")];
  return sha256(`${settings.map(sha256).join(" ")} esbuild ${esbuild.version}`);
}

/** The project an entry belongs to: this one, or (an entry elsewhere, as in tests) the entry's own folder. */
const rootOf = (entry) => (entry.startsWith(projectRoot + path.sep) ? projectRoot : path.dirname(entry));
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The folders where a new file could change what an import of `files` resolves to (`value.ts` beside
 * `value/index.ts`, a nested tsconfig.json): each file's own, and those above it up to the project's root.
 */
function foldersOf(entry, files) {
  const root = rootOf(entry);
  const folders = new Set();
  for (const file of files) {
    for (let dir = path.dirname(file); !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (!dir.startsWith(root + path.sep)) break; // the root itself, or a folder outside it
    }
  }
  return folders;
}

/**
 * Names an import can resolve to: folders (and files without an extension), and files of the kinds esbuild
 * tries. An editor's swap file or a new Markdown file beside the sources builds nothing anew.
 */
const resolvable = /^[^.]+$|\.(?:tsx?|mts|cts|jsx?|mjs|cjs|json|css|node)$/;

/** The names in a folder that an import can resolve to, sorted; a folder that is not there has none. */
function namesIn(dir) {
  try {
    return readdirSync(dir)
      .filter((name) => resolvable.test(name))
      .sort(byName)
      .join("\0");
  } catch {
    return "";
  }
}

/**
 * The key of a bundle of `entry` built from `files` (each with the hash of its bytes), with the names in each of
 * their folders: as `listed` when the build read them, or as they are now.
 */
function bundleKey(entry, files, listed = new Map()) {
  const hash = createHash("sha256").update(`${toolchainKey()}\n${entry}`);
  for (const [file, digest] of [...files].sort(([a], [b]) => byName(a, b))) hash.update(`\nfile ${file}\0${digest}`);
  for (const dir of [
    ...foldersOf(
      entry,
      files.map(([file]) => file),
    ),
  ].sort(byName)) {
    hash.update(`\nfolder ${dir}\0${listed.get(dir) ?? namesIn(dir)}`);
  }
  return hash.digest("hex").slice(0, 24);
}

/** The files a kept bundle was built from, each with the hash of its bytes now; undefined once one is gone. */
function currentFiles(recorded) {
  try {
    return recorded.map((file) => [file, sha256(readFileSync(file))]);
  } catch {
    return undefined;
  }
}

/** Each entry's bundles and record are named after it and the folder it is in: two copies of the project sharing node_modules keep theirs apart. */
const entryTag = (entry) => `${path.basename(entry, path.extname(entry))}-${sha256(entry).slice(0, 8)}`;
const recordFile = (cacheDir, entry) => path.join(cacheDir, `${entryTag(entry)}.json`);
const bundleFile = (cacheDir, entry, key) => path.join(cacheDir, `${entryTag(entry)}-${key}.mjs`);

/**
 * Builds `entry` into one ES module in `cacheDir`. Each source file is read, hashed and handed to esbuild here,
 * so the key is made of exactly the bytes bundled, whatever is saved meanwhile. A kind of file the key would not
 * cover fails the build (and the command runs through tsx).
 */
async function build(entry, cacheDir) {
  const { build: esbuild } = await import("esbuild");
  const files = new Map();
  // Each folder's names as they were before esbuild resolved the imports of a file in it: a file added during the
  // build, before or after that, makes the next run's key differ, and the bundle is built again.
  const listed = new Map();
  const sources = {
    name: "hashed-sources",
    setup(builder) {
      builder.onLoad({ filter: /.*/, namespace: "file" }, ({ path: file }) => {
        const loader = loaders[path.extname(file)];
        if (!loader) return { errors: [{ text: `${file}: not a kind of file the launcher bundles` }] };
        for (const dir of foldersOf(entry, [file])) if (!listed.has(dir)) listed.set(dir, namesIn(dir));
        const bytes = readFileSync(file);
        files.set(file, sha256(bytes));
        const text = bytes.toString("utf8");
        if (loader === "json" || !text.includes("import.meta")) return { contents: bytes, loader };
        const facts = { url: pathToFileURL(file).href, filename: file, dirname: path.dirname(file) };
        const declared = Object.entries(moduleFacts).map(([fact, name]) => `${name} = ${JSON.stringify(facts[fact])}`);
        // After a leading #! line, which must stay first.
        const [, shebang = "", rest] = /^(#![^\n]*\n)?([\s\S]*)$/.exec(text) ?? [];
        return { contents: `${shebang}const ${declared.join(", ")};\n${rest}`, loader };
      });
      // A relative import's folder, listed before esbuild resolves the import: a folder that holds no importing
      // file is otherwise listed only once the file it resolved to loads, after the resolution.
      builder.onResolve({ filter: /^\.\.?(\/|$)/ }, ({ path: specifier, resolveDir }) => {
        const target = path.resolve(resolveDir, specifier);
        for (const dir of foldersOf(entry, [target, path.join(target, "index")])) if (!listed.has(dir)) listed.set(dir, namesIn(dir));
        return undefined;
      });
    },
  };
  mkdirSync(cacheDir, { recursive: true });
  const building = path.join(cacheDir, `${entryTag(entry)}.${process.pid}.${Date.now()}.building.mjs`);
  await esbuild({
    entryPoints: [entry],
    outfile: building,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    define: Object.fromEntries(Object.entries(moduleFacts).map(([fact, name]) => [`import.meta.${fact}`, name])),
    plugins: [sources],
    logLevel: "silent",
    // Readable, so that a stack trace names the function and, by the `// file` comments, its source file.
    minify: false,
  });
  const key = bundleKey(entry, [...files], listed);
  const outfile = bundleFile(cacheDir, entry, key);
  const bundle = sha256(readFileSync(building));
  // Renamed into place: a run reading the cache meanwhile sees a whole bundle or none. Two runs building the
  // same key write the same bytes.
  renameSync(building, outfile);
  const record = recordFile(cacheDir, entry);
  const writing = `${record}.${process.pid}.writing`;
  writeFileSync(writing, JSON.stringify({ entry, key, files: [...files.keys()], bundle }));
  renameSync(writing, record);
  return outfile;
}

/**
 * The bundle of `entry`: the kept one when nothing it was built from has changed and its own bytes are those
 * written (a bundle cut short by a crash is never run), else a new one.
 */
export async function bundledEntry(entry, cacheDir = defaultCacheDir) {
  try {
    const kept = JSON.parse(readFileSync(recordFile(cacheDir, entry), "utf8"));
    const files = kept.entry === entry && Array.isArray(kept.files) && kept.files.includes(entry) ? currentFiles(kept.files) : undefined;
    const key = files && bundleKey(entry, files);
    const outfile = key === kept.key && bundleFile(cacheDir, entry, key);
    if (outfile && sha256(readFileSync(outfile)) === kept.bundle) return { outfile, built: false };
  } catch {
    // No usable record or bundle: build.
  }
  return { outfile: await build(entry, cacheDir), built: true };
}

/** A file younger than this may be one another run has just built and is about to load: it is left. */
const keptWhileYoungerMs = 10 * 60 * 1000;

/** Removes `entry`'s older bundles and what killed builds left (best effort: the rest waits for the next build). */
export function removeOtherBundles(entry, keep, cacheDir = defaultCacheDir) {
  const tag = entryTag(entry);
  try {
    for (const file of readdirSync(cacheDir)) {
      const ours = file.startsWith(`${tag}-`) || file.startsWith(`${tag}.`);
      if (!ours || file === path.basename(keep) || file === `${tag}.json`) continue;
      const leftover = path.join(cacheDir, file);
      if (Date.now() - statSync(leftover).mtimeMs > keptWhileYoungerMs) rmSync(leftover, { force: true });
    }
  } catch {
    // Left for the next build.
  }
}
