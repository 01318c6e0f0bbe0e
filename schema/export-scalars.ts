// The exports as output-only scalars: each value is handed to its library unchanged (TimelineJS, a map), and
// its shape is published as a JSON Schema (schema/exports/) that code generators map the scalar to.
import { GraphQLError } from "graphql";
import { exportFormats } from "../core/export/export-formats";
import { builder } from "./builder";

const outputOnly = (scalar: string) => () => {
  throw new GraphQLError(`${scalar} is an output type: it cannot be given as an argument.`);
};

const describe = (format: (typeof exportFormats)[keyof typeof exportFormats], what: string) =>
  `${what} Its JSON Schema is schema/exports/${format.file} beside the SDL (schema/schema.graphql): map this scalar to the type generated from it.`;

export const TimelineJSData = builder.scalarType(exportFormats.timeline.scalar, {
  description: describe(exportFormats.timeline, "TimelineJS3 data ({ events: [slide] }), to hand to TimelineJS unchanged."),
  specifiedByURL: exportFormats.timeline.specifiedByURL,
  serialize: (value) => value,
  parseValue: outputOnly(exportFormats.timeline.scalar),
  parseLiteral: outputOnly(exportFormats.timeline.scalar),
});

export const GeoJSONFeatureCollection = builder.scalarType(exportFormats.geojson.scalar, {
  description: describe(
    exportFormats.geojson,
    "An RFC 7946 GeoJSON FeatureCollection of Point features, to hand to a map library unchanged.",
  ),
  specifiedByURL: exportFormats.geojson.specifiedByURL,
  serialize: (value) => value,
  parseValue: outputOnly(exportFormats.geojson.scalar),
  parseLiteral: outputOnly(exportFormats.geojson.scalar),
});
