// The Pothos builder: context, scalars and plugins. Types live one per file beside it.
import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import type { FeatureCollection, TimelineData } from "../core/export/export-shapes";
import type { Locale } from "../core/locale/locales";
import type { ContentStore } from "../core/store/content-store";

export interface Context {
  store: ContentStore;
  /** The language the request asks for in Accept-Language, if the API has it. */
  acceptLanguage?: Locale;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    TimelineJSData: { Input: never; Output: TimelineData };
    GeoJSONFeatureCollection: { Input: never; Output: FeatureCollection };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    nodesQueryOptions: false,
    nodeQueryOptions: {
      description: "Any object by its global ID (the `id` field of an Event or a Source).",
      args: { id: { description: "A global ID returned in an `id` field." } },
    },
    nodeTypeOptions: { description: "An object with a global ID, refetchable through `node(id:)`." },
    pageInfoTypeOptions: { description: "Where a page of a connection stands in the whole list." },
    idFieldOptions: { description: "Global ID, stable across revisions; pass it to `node(id:)`." },
    cursorFieldOptions: { description: "Opaque position of this edge; pass it as `after` (or `before`) for the next page." },
    nodeFieldOptions: { description: "The item at this position." },
    edgesFieldOptions: { description: "The items of this page, with their cursors." },
    pageInfoFieldOptions: { description: "Whether more pages follow or precede, and their cursors." },
    hasNextPageFieldOptions: { description: "Whether items follow this page." },
    hasPreviousPageFieldOptions: { description: "Whether items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first edge, or null for an empty page." },
    endCursorFieldOptions: { description: "Cursor of the last edge, or null for an empty page." },
    firstArgOptions: { description: "How many items from the start (or from `after`): 1–100, default 20." },
    afterArgOptions: { description: "Start after the edge with this cursor." },
    lastArgOptions: { description: "How many items from the end (or before `before`): 1–100." },
    beforeArgOptions: { description: "End before the edge with this cursor." },
  },
});

builder.queryType({ description: "Read-only access to the published timeline. Content changes only through git." });
