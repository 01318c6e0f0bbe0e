// npm run schema:print — rewrites schema/schema.graphql from the Pothos schema.
import { writeFile } from "node:fs/promises";
import { printedSchema, printedSchemaPath } from "../schema/printed";

await writeFile(printedSchemaPath, printedSchema());
console.log(`wrote ${printedSchemaPath}`);
