import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Busboy } from "../../infra/bundle-stubs/multipart-parser";
import { URLPattern } from "../../infra/bundle-stubs/url-pattern";

// The polyfill the stand-in replaces in the bundles, as the oracle.
const { URLPattern: Polyfill } = createRequire(import.meta.url)("urlpattern-polyfill") as { URLPattern: typeof URLPattern };

describe("the functions' bundle stand-ins", () => {
  it("match a literal endpoint exactly as the URLPattern polyfill does", () => {
    const paths = ["/graphql", "/graphql/", "/GraphQL", "/graphql/x", "/graphqlx", "/x/graphql", "/", "/%67raphql", "/graphql?x=1"];
    for (const endpoint of ["/graphql", "/api/graphql", "/"]) {
      const ours = new URLPattern({ pathname: endpoint });
      const polyfill = new Polyfill({ pathname: endpoint });
      for (const path of paths) {
        const url = new URL(`https://kronika.example${path}`);
        expect(ours.test(url), `${endpoint} against ${path}`).toBe(polyfill.test(url));
        expect(ours.test(url.href), `${endpoint} against ${path} as text`).toBe(polyfill.test(url.href));
      }
    }
  });

  it("refuse a pattern they cannot match as URLPattern would, rather than match it wrongly", () => {
    for (const pathname of ["/graphql/:id", "/graphql/*", "/(a|b)", "/{x}?"]) {
      expect(() => new URLPattern({ pathname }), pathname).toThrow(/literal path/);
    }
    expect(() => new URLPattern({ pathname: "/graphql", hostname: "x" } as { pathname: string })).toThrow(/only \{ pathname \}/);
  });

  it("refuse to parse a multipart body, saying so", () => {
    expect(() => new Busboy()).toThrow("multipart bodies are not read by this function");
  });
});
