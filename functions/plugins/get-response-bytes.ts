// The hot path for GET, the way front-ends and the CDN call the API: a successful GET's response bytes are
// kept per (revision, query string, Accept, Accept-Language) and sent again without parsing parameters or touching GraphQL.
// POST stays with the GraphQL-level response cache (response-cache.ts), which needs the parsed body.
import type { Plugin } from "graphql-yoga";
import type { RevisionSource } from "../../core/store/revision-source";

interface Stored {
  body: Buffer;
  headers: [string, string][];
}

export interface GetResponseBytesOptions {
  revision: RevisionSource;
  maxEntries?: number;
  /** Largest response kept, in bytes. */
  maxBytes?: number;
}

export function useGetResponseBytes({ revision, maxEntries = 500, maxBytes = 256 * 1024 }: GetResponseBytesOptions): Plugin {
  const entries = new Map<string, Stored>();
  const keys = new WeakMap<Request, string>();
  const keyOf = async (request: Request, url: URL) => {
    const current = await revision();
    return `${current?.id ?? "none"}\n${url.search}\n${request.headers.get("accept") ?? ""}\n${request.headers.get("accept-language") ?? ""}`;
  };
  const cacheable = (request: Request) =>
    request.method === "GET" && !request.headers.has("if-none-match") && !request.headers.has("origin");
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!cacheable(request)) return;
      const key = await keyOf(request, url).catch(() => undefined);
      if (key === undefined) return;
      const stored = entries.get(key);
      if (stored) {
        // Least recently used goes first: re-insert on use.
        entries.delete(key);
        entries.set(key, stored);
        endResponse(
          new fetchAPI.Response(stored.body as unknown as BodyInit, { status: 200, headers: [...stored.headers, ["x-cache", "hit"]] }),
        );
        return;
      }
      keys.set(request, key);
    },
    async onResponse({ request, response }) {
      const key = keys.get(request);
      if (!key || response.status !== 200 || !response.headers.has("etag")) return;
      if (!(response.headers.get("cache-control") ?? "").startsWith("public")) return;
      const body = Buffer.from(await response.clone().arrayBuffer());
      if (body.byteLength > maxBytes) return;
      const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== "x-request-id");
      entries.set(key, { body, headers });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
