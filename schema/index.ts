// The GraphQL schema: every type file registers itself on the builder; this file assembles them.
import { builder } from "./builder";
import "./historical-date";
import "./event";
import "./source";
import "./person";
import "./place";
import "./media";
import "./revision";
import "./timeline";
import "./geojson";
import "./on-this-day";
import "./facets";
import "./search";

// Unsorted: sorting rebuilds every type, a third of the schema's cost at a cold start. The printed SDL
// (schema/printed.ts) and introspection-based tools sort it themselves.
export const schema = builder.toSchema({ sortSchema: false });
