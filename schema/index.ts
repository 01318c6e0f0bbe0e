// The GraphQL schema: every type file registers itself on the builder; this file assembles them.
import { GraphQLSchema } from "graphql";
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
const built = builder.toSchema({ sortSchema: false });

/**
 * The schema, marked valid: the first request of each process would otherwise check every type of this
 * schema, which does not change after the build, against the GraphQL rules (3-8 ms of a cold start).
 * tests/unit/schema.test.ts checks it instead.
 */
export const schema = new GraphQLSchema({ ...built.toConfig(), assumeValid: true });
