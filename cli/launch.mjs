// Runs an editor's command (`npm run content:check`, `content:plan`, `content:sync`, `content:new`) from one
// bundle of its TypeScript (cli/command-bundle.mjs), instead of compiling each of its modules through tsx's
// loader on every run: the command starts about half a second sooner. Where no bundle can be built or kept
// (a read-only node_modules, no esbuild), the command runs from its sources through tsx, as before.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledEntry, launchedCommands, projectRoot, removeOtherBundles } from "./command-bundle.mjs";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const source = Object.hasOwn(launchedCommands, command ?? "") ? launchedCommands[command] : undefined;
  if (!source) {
    console.error(`usage: node cli/launch.mjs <${Object.keys(launchedCommands).join("|")}> [options]`);
    process.exit(2);
  }
  const entry = path.join(projectRoot, source);
  let target = pathToFileURL(entry).href;
  try {
    const { outfile, built } = await bundledEntry(entry);
    if (built) removeOtherBundles(entry, outfile);
    target = pathToFileURL(outfile).href;
  } catch (error) {
    // No bundle (a read-only node_modules, esbuild missing): the sources, through tsx, as before.
    console.error(`(no bundle of ${source}: ${error.message}; running it through tsx)`);
    const { register } = await import("tsx/esm/api");
    register();
  }
  // The command reads its options from process.argv, as when it is run directly.
  process.argv = [process.argv[0], entry, ...args];
  await import(target);
}

await main();
