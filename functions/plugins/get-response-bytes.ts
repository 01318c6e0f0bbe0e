// The hot path for GET, the way front-ends and the CDN call the API: a successful GET's response bytes are
// kept per (revision, path, query string, Accept, Accept-Language) and sent again without parsing parameters
// or touching GraphQL. POST stays with the GraphQL-level response cache (response-cache.ts), which needs the
// parsed body. What is kept is bounded in bytes. On node:http the same bytes are answered before the request
// becomes a Fetch API request at all (functions/node-listener.ts).
import type { Plugin } from "graphql-yoga";
import type { StoredRevision } from "../../core/store/items";
import type { RevisionSource } from "../../core/store/revision-source";
import { ByteBoundedCache } from "../byte-bounded-cache";

/** A kept response: its bytes and headers (the request id aside, which is each request's own). */
export interface KeptResponse {
  body: Buffer;
  headers: [string, string][];
}

/** What the key of a GET is made of, read from a Fetch API request or a node:http one alike. */
export interface GetRequestFacts {
  method: string;
  pathname: string;
  /** The query string with its `?`, as URL.search gives it. */
  search: string;
  accept: string | null;
  acceptLanguage: string | null;
  ifNoneMatch: boolean;
  origin: boolean;
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

export interface GetResponseBytes {
  plugin: Plugin;
  /** The kept response for a GET under the revision the app trusts now, if it knows one without reading it. */
  find(facts: GetRequestFacts): KeptResponse | undefined;
}

export function getResponseBytes({ revision, endpoint, maxBytes, maxEntryBytes = 256 * 1024 }: GetResponseBytesOptions): GetResponseBytes {
  const entries = new ByteBoundedCache<KeptResponse>({ maxBytes, maxEntryBytes });
  const keys = new WeakMap<Request, string>();
  // Kept only for requests without an Origin, so an answer private to shared caches is kept too.
  const cacheable = (facts: GetRequestFacts) =>
    facts.method === "GET" && facts.pathname === endpoint && !facts.ifNoneMatch && !facts.origin;
  const keyFor = (current: StoredRevision | null, facts: GetRequestFacts) =>
    `${current?.id ?? "none"}\n${facts.pathname}\n${facts.search}\n${facts.accept ?? ""}\n${facts.acceptLanguage ?? ""}`;
  const keyOf = async (facts: GetRequestFacts) => keyFor(await revision(), facts);
  // Before the app, only with the revision known and trusted: reading or waiting for it is the app's to do,
  // within the request's deadline.
  const find = (facts: GetRequestFacts) => {
    const current = revision.fresh?.();
    if (current === undefined || !cacheable(facts)) return undefined;
    return entries.get(keyFor(current, facts));
  };
  const plugin: Plugin = {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const facts: GetRequestFacts = {
        method: request.method,
        pathname: url.pathname,
        search: url.search,
        accept: request.headers.get("accept"),
        acceptLanguage: request.headers.get("accept-language"),
        ifNoneMatch: request.headers.has("if-none-match"),
        origin: request.headers.has("origin"),
      };
      if (!cacheable(facts)) return;
      const key = await keyOf(facts).catch(() => undefined);
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
      if (!/^(public|private),/.test(response.headers.get("cache-control") ?? "")) return;
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (declared > maxEntryBytes) return;
      const body = Buffer.from(await response.clone().arrayBuffer());
      const headers = [...response.headers].filter(([name]) => name.toLowerCase() !== "x-request-id");
      const headerBytes = headers.reduce((sum, [name, value]) => sum + 2 * (name.length + value.length), 0);
      entries.set(key, { body, headers }, body.byteLength + headerBytes);
    },
  };
  return { plugin, find };
}
