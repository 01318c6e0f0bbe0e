// The schema as SDL, sorted, as committed in schema/schema.graphql for front-ends' code generators.
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { contentJsonSchemas } from "../core/content/json-schema";
import { schema } from "./index";

export const printedSchemaPath = fileURLToPath(new URL("./schema.graphql", import.meta.url));

/** The content's JSON Schemas, for editors' tools, committed under schema/content/. */
export const contentSchemaDir = fileURLToPath(new URL("./content/", import.meta.url));
export const printedContentSchemas = () =>
  Object.entries(contentJsonSchemas()).map(([name, schema]) => ({
    file: `${contentSchemaDir}${name}`,
    text: `${JSON.stringify(schema, null, 2)}\n`,
  }));

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
