// The one paging loop, against a Query that answers from a list in memory.
import type { AttributeValue, QueryCommandInput } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { forEachPage, queryItems } from "../../core/store/paging";

/** A Query over `count` items, `perPage` at a time, recording the start key of each call. */
function pagedQuery(count: number, perPage: number) {
  const starts: (string | undefined)[] = [];
  const query = async (input: QueryCommandInput) => {
    const start = input.ExclusiveStartKey ? Number(input.ExclusiveStartKey.n.N) + 1 : 0;
    starts.push(input.ExclusiveStartKey?.n.N);
    const items: Record<string, AttributeValue>[] = [];
    for (let n = start; n < Math.min(count, start + perPage); n += 1) items.push({ n: { N: String(n) } });
    const last = items.at(-1);
    return { Items: items, ...(last && start + perPage < count ? { LastEvaluatedKey: last } : {}) };
  };
  return { query, starts };
}

describe("paging a Query", () => {
  it("reads every page, each from where the last one stopped", async () => {
    const { query, starts } = pagedQuery(7, 3);
    const items = await queryItems(query, { TableName: "t" });
    expect(items.map((item) => Number(item.n.N))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(starts).toEqual([undefined, "2", "5"]);
  });

  it("starts from the caller's start key", async () => {
    const { query, starts } = pagedQuery(7, 3);
    const items = await queryItems(query, { TableName: "t", ExclusiveStartKey: { n: { N: "3" } } });
    expect(items.map((item) => Number(item.n.N))).toEqual([4, 5, 6]);
    expect(starts).toEqual(["3"]);
  });

  it("asks no further once the caller says stop", async () => {
    const { query, starts } = pagedQuery(100, 10);
    const seen: number[] = [];
    await forEachPage(query, { TableName: "t" }, (page) => {
      seen.push(...(page.Items ?? []).map((item) => Number(item.n.N)));
      return seen.length >= 20 ? "stop" : undefined;
    });
    expect(starts).toHaveLength(2);
  });

  it("reads one page when it is the last, even when it is empty", async () => {
    const { query, starts } = pagedQuery(0, 10);
    expect(await queryItems(query, { TableName: "t" })).toEqual([]);
    expect(starts).toEqual([undefined]);
  });
});
