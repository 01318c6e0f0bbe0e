// npm run schema:print — rewrites schema/schema.graphql from the Pothos schema, the content's JSON Schemas
// under schema/content/ and the exports' under schema/exports/ from the zod declarations, and the documented rule table (docs/content-format.md) from the rule catalogue.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { ruleTableFile, withRuleTable } from "../core/content/rule-table";
import {
  contentSchemaDir,
  exportSchemaDir,
  printedContentSchemas,
  printedExportSchemas,
  printedSchema,
  printedSchemaPath,
} from "../schema/printed";

await writeFile(printedSchemaPath, printedSchema());
console.log(`wrote ${printedSchemaPath}`);
await mkdir(contentSchemaDir, { recursive: true });
await mkdir(exportSchemaDir, { recursive: true });
for (const { file, text } of [...printedContentSchemas(), ...printedExportSchemas()]) {
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
await writeFile(ruleTableFile, withRuleTable(await readFile(ruleTableFile, "utf8")));
console.log(`wrote the rule table in ${ruleTableFile}`);
