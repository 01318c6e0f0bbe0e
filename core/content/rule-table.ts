// The documentation's table of content rules, printed from the catalogue (npm run schema:print writes it
// between two markers; a test fails while the committed table differs from what the catalogue prints).
import { fileURLToPath } from "node:url";
import { ruleCatalogue } from "./rules";

/** The file whose marked region holds the table. */
export const ruleTableFile = fileURLToPath(new URL("../../docs/content-format.md", import.meta.url));

export const ruleTableStart = "<!-- rules:start: printed from core/content/rules.ts by npm run schema:print -->";
export const ruleTableEnd = "<!-- rules:end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** One row per rule, in the catalogue's order. */
export function ruleTable(): string {
  const rows = ruleCatalogue.map(({ id, severity, summary, hint, phase }) => {
    const rule = phase === "sync" ? `\`${id}\` (\`content:plan\`, \`content:sync\`)` : `\`${id}\``;
    return `| ${rule} | ${severity} | ${cell(summary)} | ${cell(hint ?? "")} |`.replace(/ {2}\|$/, " |");
  });
  return ["| rule | severity | problem | what to do |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The document with the region between the markers replaced by the current table. */
export function withRuleTable(document: string): string {
  const start = document.indexOf(ruleTableStart);
  const end = document.indexOf(ruleTableEnd, start);
  if (start === -1 || end === -1) throw new Error(`${ruleTableFile} has no ${ruleTableStart} … ${ruleTableEnd} region`);
  return `${document.slice(0, start + ruleTableStart.length)}\n\n${ruleTable()}\n\n${document.slice(end)}`;
}
