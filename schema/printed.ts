// The schema as SDL, sorted, as committed in schema/schema.graphql for front-ends' code generators.
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { contentJsonSchemas } from "../core/content/json-schema";
import { exportJsonSchemas } from "../core/export/export-shapes";
import { schema } from "./index";

export const printedSchemaPath = fileURLToPath(new URL("./schema.graphql", import.meta.url));

/** The content's JSON Schemas, for editors' tools, committed under schema/content/. */
export const contentSchemaDir = fileURLToPath(new URL("./content/", import.meta.url));
export const printedContentSchemas = () =>
  Object.entries(contentJsonSchemas()).map(([name, schema]) => ({
    file: `${contentSchemaDir}${name}`,
    text: `${JSON.stringify(schema, null, 2)}\n`,
  }));

/** The exports' JSON Schemas, for front-ends' code generators, committed under schema/exports/. */
export const exportSchemaDir = fileURLToPath(new URL("./exports/", import.meta.url));
export const printedExportSchemas = () =>
  exportJsonSchemas().map(({ file, schema }) => ({ file: `${exportSchemaDir}${file}`, text: `${JSON.stringify(schema, null, 2)}\n` }));

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
