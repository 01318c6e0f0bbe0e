// JSON Schemas for editors' tools (VS Code's YAML extension), generated from the same zod declarations
// that content:check uses, so the two cannot drift.
import { z } from "zod";
import { eventFrontMatterSchema, personSchema, placeSchema, settingsSchema, sourceSchema, translationSchema } from "./schema";

type JsonSchema = Record<string, unknown>;

/** YAML reads an unquoted 1917 as a number; content:check reads it as the text written. Allow both here. */
function acceptYearsAsNumbers(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const schema = node as JsonSchema;
  if (schema.type === "string" && typeof schema.description === "string" && schema.description.startsWith("An EDTF date")) {
    schema.type = ["string", "integer"];
  }
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) value.forEach(acceptYearsAsNumbers);
    else acceptYearsAsNumbers(value);
  }
}

function toJsonSchema(schema: z.ZodType, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  acceptYearsAsNumbers(json);
  return { ...json, title };
}

export const contentJsonSchemas = () => ({
  "event.schema.json": toJsonSchema(eventFrontMatterSchema, "Kronika event (front matter of content/events/*.md)"),
  "source.schema.json": toJsonSchema(sourceSchema, "Kronika source (content/sources/*.yaml, CSL-JSON fields)"),
  "person.schema.json": toJsonSchema(personSchema, "Kronika person (content/people/*.yaml)"),
  "place.schema.json": toJsonSchema(placeSchema, "Kronika place (content/places/*.yaml)"),
  "collection.schema.json": toJsonSchema(settingsSchema, "Kronika collection settings (content/collection.yaml)"),
  "translation.schema.json": toJsonSchema(translationSchema, "Kronika translation (front matter of content/events/<slug>.<locale>.md)"),
});
