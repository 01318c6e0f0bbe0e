// npm run schema:print — rewrites schema/schema.graphql from the Pothos schema, and the content's JSON
// Schemas under schema/content/ from the zod declarations.
import { mkdir, writeFile } from "node:fs/promises";
import { contentSchemaDir, printedContentSchemas, printedSchema, printedSchemaPath } from "../schema/printed";

await writeFile(printedSchemaPath, printedSchema());
console.log(`wrote ${printedSchemaPath}`);
await mkdir(contentSchemaDir, { recursive: true });
for (const { file, text } of printedContentSchemas()) {
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
