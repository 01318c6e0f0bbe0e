import { describe, expect, it } from "vitest";
import { storedBodyBytes, storedBodyBytesBound } from "../../core/content/size-limits";

// What Markdown can make large: nesting, lists, emphasis, escapes, links, code, entities.
const pieces = [">", "> ", "- ", "* ", "*", "_", "**", "# ", "`", "```\n", '"', "&", "<", "[", "]", "(", ")", "![", "\n", "\n\n"];
const more = [
  " ",
  "\t",
  "    ",
  "1. ",
  "www.example.pl ",
  "http://a.b ",
  "a",
  "ż",
  "\\",
  "~",
  "=",
  "---\n",
  "<http://a.b>",
  "[a](http://x.y)",
];
const tokens = [...pieces, ...more, "&amp;", "&#x1F600;", "a@b.pl ", "+ ", "  - ", "> - "];

describe("a body's stored size known from its Markdown alone", () => {
  it("is never below the size the rendering takes, for thousands of seeded bodies and the deepest nestings", () => {
    let seed = 1917;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const bodies = [
      ">".repeat(300),
      "> ".repeat(150),
      "- ".repeat(150),
      "> - ".repeat(80),
      '"'.repeat(500),
      "*".repeat(300),
      "[".repeat(200),
    ];
    for (let i = 0; i < 5000; i += 1) {
      const favourite = tokens[Math.floor(random() * tokens.length)];
      const length = 1 + Math.floor(random() * 150);
      bodies.push(Array.from({ length }, () => (random() < 0.5 ? favourite : tokens[Math.floor(random() * tokens.length)])).join(""));
    }
    for (const body of bodies) {
      const bound = storedBodyBytesBound(body);
      expect(bound, JSON.stringify(body.slice(0, 60))).toBeDefined();
      expect(storedBodyBytes(body), JSON.stringify(body.slice(0, 60))).toBeLessThanOrEqual(bound as number);
    }
  });

  it("is not claimed for a table or a link reference definition, whose rendering has no bound in their size", () => {
    const table = `|${"a|".repeat(500)}\n|${"-|".repeat(500)}\n${"|\n".repeat(200)}`;
    expect(storedBodyBytesBound(table)).toBeUndefined();
    expect(storedBodyBytes(table)).toBeGreaterThan(100 * Buffer.byteLength(table));
    const references = `${"[a][r] ".repeat(400)}\n\n[r]: https://example.org/${"x".repeat(1000)}\n`;
    expect(storedBodyBytesBound(references)).toBeUndefined();
    expect(storedBodyBytes(references)).toBeGreaterThan(100 * Buffer.byteLength(references));
  });
});
