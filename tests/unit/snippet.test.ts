import { describe, expect, it } from "vitest";
import { maxSnippetScanCharacters, snippet } from "../../core/search/snippet";

describe("search snippets", () => {
  it("look for a match only in the first part of a long text, and say the text goes on", () => {
    const long = `${"słowo ".repeat(maxSnippetScanCharacters / 6 + 10)}Piotrogród`;
    const text = snippet(long, "Piotrogród", "pl");
    expect(text).not.toContain("<mark>");
    expect(text.endsWith(" …")).toBe(true);
    expect(snippet("W Piotrogrodzie wybuchło powstanie.", "piotrogród piotrogród piotrogród", "pl")).toContain(
      "<mark>Piotrogrodzie</mark>",
    );
  });
});
