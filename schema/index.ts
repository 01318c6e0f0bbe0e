// The GraphQL schema: every type file registers itself on the builder; this file assembles them.
import { builder } from "./builder";
import "./historical-date";
import "./event";
import "./source";
import "./person";
import "./place";
import "./revision";
import "./timeline";
import "./geojson";
import "./on-this-day";
import "./facets";
import "./search";

export const schema = builder.toSchema();
