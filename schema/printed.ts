// The schema as SDL, sorted, as committed in schema/schema.graphql for front-ends' code generators.
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index";

export const printedSchemaPath = fileURLToPath(new URL("./schema.graphql", import.meta.url));

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
