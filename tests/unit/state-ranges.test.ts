import { describe, expect, it } from "vitest";
import { positionRanges } from "../../core/sync/table-state";

type Range = ReturnType<typeof positionRanges>[number];

/** Whether a position satisfies a range's key condition, as DynamoDB would evaluate it. */
function inRange(position: string, { condition, values }: Range): boolean {
  const from = values[":from"]?.S;
  const to = values[":to"]?.S;
  if (condition === "") return true;
  if (condition.includes("BETWEEN")) return position >= (from as string) && position <= (to as string);
  if (condition.includes("<")) return position < (to as string);
  return position >= (from as string);
}

const positions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}#${(i * 7919) % 10007}`);

describe("ranges of the state list read at once", () => {
  it("cover every position, including ones the content does not have, and split the content's evenly", () => {
    const content = [...positions("event", 1000), ...positions("source", 100), ...positions("person", 40)];
    const ranges = positionRanges(content, 8);
    expect(ranges).toHaveLength(8);
    const stored = [...content, "", "a", "event#", "media#x", "place#zzz", "\u{10FFFF}", ...positions("event-old", 50)];
    for (const position of stored)
      expect(
        ranges.some((range) => inRange(position, range)),
        position,
      ).toBe(true);
    const sizes = ranges.map((range) => content.filter((position) => inRange(position, range)).length);
    // A bound is in two neighbouring ranges; otherwise each range holds an eighth.
    for (const size of sizes) expect(Math.abs(size - content.length / 8)).toBeLessThanOrEqual(2);
  });

  it("is one range of everything without positions, and no more ranges than distinct positions", () => {
    expect(positionRanges([], 8)).toEqual([{ condition: "", values: {} }]);
    expect(positionRanges(["event#a", "event#b"], 1)).toEqual([{ condition: "", values: {} }]);
    expect(positionRanges(["event#a", "event#b"], 0)).toEqual([{ condition: "", values: {} }]);
    const few = positionRanges(["event#a", "event#a", "event#b"], 8);
    expect(few.length).toBeLessThanOrEqual(3);
    for (const position of ["event#", "event#a", "event#ab", "event#b", "event#c", "z"]) {
      expect(
        few.some((range) => inRange(position, range)),
        position,
      ).toBe(true);
    }
  });
});
