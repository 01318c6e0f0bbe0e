import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import * as fetchApi from "../../infra/bundle-stubs/fetch-api";
import { LRUCache } from "../../infra/bundle-stubs/lru-cache";
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

  it("give Node's own Fetch API with URLPattern's stand-in, whatever createFetch is asked", () => {
    expect(fetchApi.Request).toBe(globalThis.Request);
    expect(fetchApi.Response).toBe(globalThis.Response);
    expect(fetchApi.Headers).toBe(globalThis.Headers);
    expect(fetchApi.URLPattern).toBe(URLPattern);
    const made = fetchApi.createFetch();
    expect(made.Request).toBe(globalThis.Request);
    expect(made.URLPattern).toBe(URLPattern);
  });

  it("keep at most max entries in the LRU cache, dropping the least recently used, and forget entries past ttl", () => {
    let now = 1000;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => now);
    try {
      const cache = new LRUCache<string, number>({ max: 2, ttl: 100 });
      cache.set("a", 1).set("b", 2);
      expect(cache.get("a")).toBe(1); // a is now the most recently used
      cache.set("c", 3);
      expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
      expect(cache.size).toBe(2);
      now += 100;
      expect(cache.get("a")).toBeUndefined();
      expect(cache.size).toBe(1);
      expect(() => new LRUCache({ max: 0 })).toThrow(/positive integer max/);
    } finally {
      clock.mockRestore();
    }
  });
});
