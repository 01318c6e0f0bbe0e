// Cache-Control for shared caches (the CDN): successful GET queries may be cached briefly and served stale
// while revalidating by ETag; errors, POSTs and everything else are not stored.
import type { Plugin } from "graphql-yoga";

export interface HttpCachingOptions {
  maxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
  /**
   * Whether shared caches may keep answers (default true). False when answers differ by Origin (CORS limited
   * to a list of origins): a CDN that keys on the URL alone would hand one origin's answer to another.
   */
  shared?: boolean;
}

export function useHttpCaching({ maxAgeSeconds = 60, staleWhileRevalidateSeconds = 300, shared = true }: HttpCachingOptions = {}): Plugin {
  const failed = new WeakSet<Request>();
  return {
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      if (results.some((r) => r && typeof r === "object" && "errors" in r && (r.errors as unknown[] | undefined)?.length))
        failed.add(request);
    },
    onResponse({ request, response }) {
      if (response.headers.has("cache-control")) return;
      const isGet = request.method === "GET" || request.method === "HEAD";
      const ok = response.status === 304 || (response.status === 200 && !failed.has(request));
      const json = (response.headers.get("content-type") ?? "").includes("json") || response.status === 304;
      response.headers.set(
        "cache-control",
        isGet && ok && json
          ? `${shared ? "public" : "private"}, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`
          : "no-store",
      );
    },
  };
}
