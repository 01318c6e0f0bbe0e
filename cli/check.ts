// npm run content:check [-- --content DIR --format human|github|json --strict] — validates every file;
// exit 1 on any error (with --strict, on any warning too).
import {
  escapeControlCharacters,
  formatGithub,
  formatHuman,
  hasErrors,
  sortDiagnostics,
  strict,
  summarize,
} from "../core/content/diagnostic";
import { loadContent } from "../core/content/load";
import { validateContent } from "../core/content/validate";
import { readOptions, runCommand } from "./options";

await runCommand(async () => {
  const { contentDir, flags } = readOptions({ format: { type: "string", default: "human" }, strict: { type: "boolean", default: false } });
  const format = String(flags.format);
  if (!["human", "github", "json"].includes(format))
    throw Object.assign(new Error(`--format must be human, github or json, not "${format}"`), {
      code: "ERR_PARSE_ARGS_INVALID_OPTION_VALUE",
    });
  const loaded = await loadContent(contentDir);
  const checked = validateContent(loaded.documents);
  const found = sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics]);
  const diagnostics = flags.strict ? strict(found) : found;
  const { events, sources } = checked.collection;
  const summary = `${contentDir}: ${loaded.documents.length} files, ${events.length} events published, ${sources.length} sources; ${summarize(diagnostics)}`;
  if (format === "json") {
    console.log(
      JSON.stringify({ diagnostics, summary: { files: loaded.documents.length, events: events.length, sources: sources.length } }, null, 2),
    );
  } else {
    const line = format === "github" ? formatGithub : (d: (typeof diagnostics)[number]) => formatHuman(d, process.stdout.isTTY);
    for (const diagnostic of diagnostics) console.log(line(diagnostic));
    console.log(escapeControlCharacters(summary));
  }
  return hasErrors(diagnostics) ? 1 : 0;
});
