// JSON Schemas for editors' tools (VS Code's YAML extension), generated from the same zod declarations
// that content:check uses, so the two cannot drift.
import { z } from "zod";
import {
  edtfMarker,
  eventFrontMatterSchema,
  mediaSchema,
  personSchema,
  placeSchema,
  settingsSchema,
  sourceSchema,
  translationSchema,
} from "./schema";

type JsonSchema = Record<string, unknown>;

/** YAML reads an unquoted year (1917, -0044) as a number: content:check reads it as the digits written. */
const textOrYear = { type: ["string", "integer"] };

/**
 * EDTF text as YAML may read it, all of which content:check reads back as the text written: a number for a
 * year, a flow list for a one-of set ([1917-10-24, 1917-10-25]) and a flow map of keys alone for an all-of
 * set ({1917-10-24, 1917-10-26}).
 */
const edtfAsYamlReadsIt = [
  textOrYear,
  { type: "array", minItems: 1, items: textOrYear, description: "One of these dates: [1917-10-24, 1917-10-25]." },
  {
    type: "object",
    minProperties: 1,
    additionalProperties: { type: "null" },
    description: "All of these dates: {1917-10-24, 1917-10-26}.",
  },
];

function acceptYamlReadings(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const schema = node as JsonSchema;
  if (schema[edtfMarker] === true) {
    delete schema[edtfMarker];
    delete schema.type;
    schema.anyOf = edtfAsYamlReadsIt;
  }
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) value.forEach(acceptYamlReadings);
    else acceptYamlReadings(value);
  }
}

function toJsonSchema(schema: z.ZodType, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  acceptYamlReadings(json);
  return { ...json, title };
}

export const contentJsonSchemas = () => ({
  "event.schema.json": toJsonSchema(eventFrontMatterSchema, "Kronika event (front matter of content/events/*.md)"),
  "source.schema.json": toJsonSchema(sourceSchema, "Kronika source (content/sources/*.yaml, CSL-JSON fields)"),
  "person.schema.json": toJsonSchema(personSchema, "Kronika person (content/people/*.yaml)"),
  "place.schema.json": toJsonSchema(placeSchema, "Kronika place (content/places/*.yaml)"),
  "collection.schema.json": toJsonSchema(settingsSchema, "Kronika collection settings (content/collection.yaml)"),
  "translation.schema.json": toJsonSchema(translationSchema, "Kronika translation (front matter of content/events/<slug>.<locale>.md)"),
  "media.schema.json": toJsonSchema(mediaSchema, "Kronika image sidecar (content/media/<slug>.yaml, beside the image)"),
});
