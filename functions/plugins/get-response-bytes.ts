// The hot path for GET, the way front-ends and the CDN call the API: a successful GET's response bytes are
// kept per (revision, path, query string, Accept, Accept-Language) and sent again without parsing parameters
// or touching GraphQL. POST stays with the GraphQL-level response cache (response-cache.ts), which needs the
// parsed body. What is kept is bounded in bytes.
import type { Plugin } from "graphql-yoga";
import type { RevisionSource } from "../../core/store/revision-source";
import { ByteBoundedCache } from "../byte-bounded-cache";

interface Stored {
  body: Buffer;
  headers: [string, string][];
}

export interface GetResponseBytesOptions {
  revision: RevisionSource;
  /** The one path GraphQL answers at. */
  endpoint: string;
  /** Bytes kept in all. */
  maxBytes: number;
  /** Largest response kept, in bytes (default 256 KiB). */
  maxEntryBytes?: number;
}

export function useGetResponseBytes({ revision, endpoint, maxBytes, maxEntryBytes = 256 * 1024 }: GetResponseBytesOptions): Plugin {
  const entries = new ByteBoundedCache<Stored>({ maxBytes, maxEntryBytes });
  const keys = new WeakMap<Request, string>();
  const keyOf = async (request: Request, url: URL) => {
    const current = await revision();
    return `${current?.id ?? "none"}\n${url.pathname}\n${url.search}\n${request.headers.get("accept") ?? ""}\n${request.headers.get("accept-language") ?? ""}`;
  };
  const cacheable = (request: Request, url: URL) =>
    request.method === "GET" && url.pathname === endpoint && !request.headers.has("if-none-match") && !request.headers.has("origin");
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!cacheable(request, url)) return;
      const key = await keyOf(request, url).catch(() => undefined);
      if (key === undefined) return;
      const stored = entries.get(key);
      if (stored) {
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
      // Kept only for requests without an Origin (see cacheable), so an answer private to shared caches is kept too.
      if (!/^(public|private),/.test(response.headers.get("cache-control") ?? "")) return;
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (declared > maxEntryBytes) return;
      const body = Buffer.from(await response.clone().arrayBuffer());
      const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== "x-request-id");
      const headerBytes = headers.reduce((sum, [name, value]) => sum + 2 * (name.length + value.length), 0);
      entries.set(key, { body, headers }, body.byteLength + headerBytes);
    },
  };
}
