// CORS for a public, read-only API: by default any origin, without credentials, answered with a literal "*"
// so that one cached response (at the CDN) is right for every origin. With a list of origins the allowed
// origin is echoed and responses vary by Origin.
import type { Plugin } from "graphql-yoga";

const exposed = "etag, x-request-id";

export function useCors(origins: string[]): Plugin {
  const anyOrigin = origins.includes("*");
  const allowOrigin = (origin: string | null) => (anyOrigin ? "*" : origin && origins.includes(origin) ? origin : undefined);
  const setHeaders = (headers: Headers, origin: string | null) => {
    const allowed = allowOrigin(origin);
    if (!anyOrigin) headers.append("vary", "Origin");
    if (allowed) {
      headers.set("access-control-allow-origin", allowed);
      headers.set("access-control-expose-headers", exposed);
    }
  };
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "OPTIONS") return;
      const headers = new fetchAPI.Headers({
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "content-type",
        "access-control-max-age": "86400",
        "cache-control": "public, max-age=86400",
      });
      setHeaders(headers, request.headers.get("origin"));
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      if (request.method !== "OPTIONS") setHeaders(response.headers, request.headers.get("origin"));
    },
  };
}
