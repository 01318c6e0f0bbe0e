// Each export's name in the GraphQL schema, the format it follows and the file of its published JSON Schema
// (schema/exports/, generated from core/export/export-shapes.ts by `npm run schema:print`).
export const exportFormats = {
  timeline: {
    scalar: "TimelineJSData",
    file: "timelinejs.schema.json",
    title: "Kronika timeline export (TimelineJS3 JSON)",
    specifiedByURL: "https://timeline.knightlab.com/docs/json-format.html",
  },
  geojson: {
    scalar: "GeoJSONFeatureCollection",
    file: "geojson.schema.json",
    title: "Kronika map export (GeoJSON FeatureCollection of events)",
    specifiedByURL: "https://www.rfc-editor.org/rfc/rfc7946",
  },
} as const;
