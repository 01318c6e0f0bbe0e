// Runs an editor's command (`npm run content:check`, `content:plan`, `content:sync`, `content:new`) from one
// bundle of its TypeScript (cli/command-bundle.mjs), instead of compiling each of its modules through tsx's
// loader on every run: the command starts about half a second sooner. Where no bundle can be built or kept
// (a read-only node_modules, no esbuild), the command runs from its sources through tsx, as before.
import { existsSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledEntry, launchedCommands, projectRoot, removeOtherBundles } from "./command-bundle.mjs";

/** The command from its sources, through tsx, saying why on stderr (stdout may be a report a tool reads). */
async function fromSources(source, entry, why) {
  console.error(`(no bundle of ${source}: ${why}; running it through tsx)`);
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(entry).href);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const source = Object.hasOwn(launchedCommands, command ?? "") ? launchedCommands[command] : undefined;
  if (!source) {
    console.error(`usage: node cli/launch.mjs <${Object.keys(launchedCommands).join("|")}> [options]`);
    process.exit(2);
  }
  const entry = path.join(projectRoot, source);
  // The command reads its options from process.argv, as when it is run directly.
  process.argv = [process.argv[0], entry, ...args];
  let outfile;
  try {
    const bundle = await bundledEntry(entry);
    if (bundle.built) removeOtherBundles(entry, bundle.outfile);
    outfile = bundle.outfile;
  } catch (error) {
    return fromSources(source, entry, error.message);
  }
  // Node 22's compile cache (in the system's temporary folder unless NODE_COMPILE_CACHE names another): V8's code
  // for the bundle and the packages it loads, checked against each file's source, is kept for the next run. About
  // 30 ms of a 0.25–0.6 s command; Node 20 has none.
  module.enableCompileCache?.();
  try {
    await import(pathToFileURL(outfile).href);
  } catch (error) {
    // Removed between finding and loading it (another run's clean-up of a bundle kept for 10 minutes): nothing of
    // the command has run yet.
    if (error?.code === "ERR_MODULE_NOT_FOUND" && !existsSync(outfile)) return fromSources(source, entry, "it was just removed");
    throw error;
  }
}

await main();
