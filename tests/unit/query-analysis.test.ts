import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { maxCitationsPerEvent, maxRelatedPerEvent } from "../../core/content/list-limits";
import { fragmentsOf, operationCost, operationDepth } from "../../functions/query-analysis";
import { fieldCosts } from "../../schema/cost";
import { schema } from "../../schema/index";
import { maxTimelineEvents } from "../../schema/timeline-size";
import { aliasedField, nestedFragmentFan, siblingFragmentFan } from "../support/hostile-documents";

const measure = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (operation?.kind !== "OperationDefinition") throw new Error("no operation");
  const fragments = fragmentsOf(document);
  return {
    depth: operationDepth(operation, fragments),
    cost: operationCost(operation, fragments, { schema, variables, defaultPageSize: 20, maxPageSize: 100 }),
  };
};

describe("measuring a query's depth and cost", () => {
  it("counts depth through fragments and inline fragments, and introspection apart", () => {
    expect(measure(`{ event(slug: "a") { ...F } } fragment F on Event { related { ... on Event { title } } }`).depth).toEqual({
      data: 3,
      introspection: 0,
    });
    expect(measure("{ __schema { types { fields { name } } } revision { id } }").depth).toEqual({ data: 2, introspection: 4 });
    expect(measure(`{ event(slug: "a") { __type: __typename } }`).depth.data).toBe(2);
  });

  it("multiplies a connection's selection by its page size, from arguments or variables", () => {
    expect(measure("{ events(first: 10) { edges { node { title } } } }").cost).toBe(1 + 10 * (1 + 1 + 1));
    expect(measure("query($n: Int) { events(first: $n) { edges { node { title } } } }", { n: 50 }).cost).toBe(1 + 50 * 3);
    expect(measure("{ events { edges { node { title } } } }").cost).toBe(1 + 20 * 3);
    expect(measure("{ events(first: 5000) { edges { cursor } } }").cost).toBe(1 + 100 * 2);
  });

  it("charges each search hit's snippet, which scans its text", () => {
    const without = measure('{ search(query: "a", first: 100) { edges { node { slug } } } }').cost;
    expect(measure('{ search(query: "a", first: 100) { edges { snippet node { slug } } } }').cost).toBe(without + 100 * fieldCosts.snippet);
  });

  it("counts a connection's own fields once, not once per item", () => {
    const page = measure("{ events(first: 100) { edges { cursor } } }").cost;
    expect(measure("{ events(first: 100) { totalCount pageInfo { hasNextPage } edges { cursor } } }").cost).toBe(
      page + fieldCosts.totalCount + 2,
    );
  });

  it("charges a field what it returns: a timeline is as dear as the events it may carry", () => {
    const one = measure("{ timeline }").cost;
    expect(one).toBeGreaterThanOrEqual(maxTimelineEvents);
    expect(measure(aliasedField(15, "timeline")).cost).toBe(15 * one);
    expect(measure("{ facets { tags { value count } } }").cost).toBeGreaterThan(100);
    expect(measure('{ search(query: "a") { edges { node { title } } } }').cost).toBeGreaterThan(
      measure("{ events { edges { node { title } } } }").cost,
    );
    expect(measure("{ events { totalCount } }").cost).toBeGreaterThan(measure("{ events { pageInfo { hasNextPage } } }").cost);
  });

  it("finds a connection by its type, so edges behind a fragment are multiplied like edges written inline", () => {
    const inline = measure("{ sources { edges { node { events { edges { node { body } } } } } } }").cost;
    const behindFragments = measure(
      "{ sources { ...S } } fragment S on SourceConnection { edges { node { events { ...E } } } } fragment E on EventConnection { edges { node { body } } }",
    ).cost;
    expect(behindFragments).toBe(inline);
    expect(inline).toBeGreaterThan(20 * 20);
  });

  it("reads page sizes from variables, their defaults included, and takes a size it cannot read as the default", () => {
    const query = "query($n: Int = 100) { events(first: $n) { edges { node { title } } } }";
    expect(measure(query).cost).toBe(1 + 100 * 3);
    expect(measure(query, { n: 10 }).cost).toBe(1 + 10 * 3);
    expect(measure(query, { n: 10.5 }).cost).toBe(1 + 11 * 3);
    expect(measure(query, { n: null }).cost).toBe(1 + 20 * 3);
  });

  it("counts a bounded list at its bound: related events nested six deep cost far over the limit", () => {
    const one = measure('{ event(slug: "a") { related { slug } } }').cost;
    expect(one).toBe(1 + 1 + maxRelatedPerEvent * 1);
    const six = measure(`{ event(slug: "a") { ${"related { ".repeat(6)}slug${" }".repeat(6)} } }`).cost;
    expect(six).toBeGreaterThan(maxRelatedPerEvent ** 6);
    expect(measure('{ event(slug: "a") { citations { source { title } } } }').cost).toBe(1 + 1 + maxCitationsPerEvent * 2);
  });

  it("measures a fragment once however often it is spread, so a 2 KB document cannot cost minutes", () => {
    const nested = measure(nestedFragmentFan(40));
    expect(nested.depth.data).toBe(41);
    const sibling = measure(siblingFragmentFan(40));
    expect(sibling.depth.data).toBe(2);
    // 2^39 copies of `title` under `event`: the estimate is exact, and far over any limit.
    expect(sibling.cost).toBe(1 + 2 ** 39);
  });

  it("ends at a fragment cycle instead of looping", () => {
    const cyclic = `{ event(slug: "a") { ...A } } fragment A on Event { related { ...B } } fragment B on Event { title related { ...A } }`;
    expect(measure(cyclic).depth.data).toBeGreaterThan(1);
  });
});
