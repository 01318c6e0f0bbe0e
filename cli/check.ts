// npm run content:check [-- --content DIR] — validates every file; exit 1 on any error.
import { formatHuman, hasErrors, sortDiagnostics, summarize } from "../core/content/diagnostic";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { readOptions, runCommand } from "./options";

await runCommand(async () => {
  const { contentDir } = readOptions();
  const loaded = await loadContent(contentDir);
  const checked = validateContent(loaded.documents);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]);
  for (const diagnostic of diagnostics) console.log(formatHuman(diagnostic));
  const { events, sources } = checked.collection;
  console.log(
    `${contentDir}: ${loaded.documents.length} files, ${events.length} events published, ${sources.length} sources; ${summarize(diagnostics)}`,
  );
  return hasErrors(diagnostics) ? 1 : 0;
});
