import { createRequire } from "node:module";
import { fakePromise } from "@whatwg-node/promise-helpers";
import { describe, expect, it, vi } from "vitest";
import * as fetchApi from "../../infra/bundle-stubs/fetch-api";
import graphiqlPage from "../../infra/bundle-stubs/graphiql-page";
import landingPage from "../../infra/bundle-stubs/landing-page";
import { LRUCache } from "../../infra/bundle-stubs/lru-cache";
import { URLPattern } from "../../infra/bundle-stubs/url-pattern";
import * as uwebsockets from "../../infra/bundle-stubs/uwebsockets";

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

  it("refuse to serve yoga's landing page or its default GraphiQL page, which no function renders, rather than serve nothing", () => {
    // Yoga fills each page in with replace(); the pages are never asked for while landingPage is off and GraphiQL is not rendered.
    expect(() => landingPage.replace()).toThrow(/landingPage: false/);
    expect(() => graphiqlPage.replace()).toThrow(/renderGraphiQL, or graphiql: false/);
  });

  it("tell the server adapter that a Fetch API request is no uWebSockets.js response, and refuse one that is", () => {
    expect(uwebsockets.isUWSResponse(new Request("https://kronika.example/graphql") as never)).toBe(false);
    expect(uwebsockets.isUWSResponse(undefined)).toBe(false);
    expect(() => uwebsockets.isUWSResponse({ onData() {} })).toThrow(/uWebSockets\.js/);
    expect(() => uwebsockets.getRequestFromUWSRequest()).toThrow(/uWebSockets\.js/);
    expect(() => uwebsockets.sendResponseToUwsOpts()).toThrow(/uWebSockets\.js/);
    expect(uwebsockets.fakePromise).toBe(fakePromise);
  });
});
