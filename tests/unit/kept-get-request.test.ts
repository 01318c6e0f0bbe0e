import { describe, expect, it } from "vitest";
import { searchOf } from "../../functions/kept-get-request";

describe("the kept-GET fast paths' query string", () => {
  it("is what URL.search gives for every character, escaped or not, so its key is the app's", () => {
    const characters = [...Array.from({ length: 256 }, (_, code) => String.fromCharCode(code)), "ż", "€", "😀"].filter((c) => c !== "#");
    for (const character of characters) {
      for (const query of [`?query=${character}`, `?query=${character}%20&x=${character}`, `?${character}`]) {
        expect(searchOf(query), JSON.stringify(query)).toBe(new URL(`http://localhost/graphql${query}`).search);
      }
    }
    expect(searchOf("?")).toBe("");
  });
});
