// Response cache keyed by (document, variables, operation name, Accept-Language, content revision), in
// memory per process and bounded in bytes. A hit skips parse, validate and execute; responses carry the key
// as ETag, and If-None-Match gets 304 only when it names this request's own key under the published revision.
import { createHash, randomUUID } from "node:crypto";
import { type Cache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RevisionSource } from "../../core/store/revision-source";
import { ByteBoundedCache } from "../byte-bounded-cache";
import { acceptedJsonType } from "./response-format";

export interface ResponseCacheOptions {
  revision: RevisionSource;
  /** Bytes of results kept in all. */
  maxBytes: number;
}

const digest = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
};

/** A short tag of the revision, leading every key, so a key says which revision it belongs to. */
const revisionTag = (revision: string) => digest(revision).slice(0, 8);
const tagOfKey = (key: string) => key.slice(1, 9);

/** The entity tags an If-None-Match header lists (weak or strong; `*` is not honoured). */
const listedTags = (header: string) => header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));

export function useRevisionResponseCache({ revision, maxBytes }: ResponseCacheOptions): Plugin {
  // Results are kept as JSON text: its length is what they cost, and a hit gets a copy of its own.
  const entries = new ByteBoundedCache<string>({ maxBytes });
  const cache: Cache = {
    async get(key) {
      // An entry of an older revision must miss, even while it is still in memory, or a client would keep old content.
      const current = await revision().catch(() => undefined);
      if (current === undefined || tagOfKey(key) !== revisionTag(current?.id ?? "none")) return undefined;
      const text = entries.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as ExecutionResult);
    },
    set(key, result) {
      const text = JSON.stringify(result);
      entries.set(key, text, text.length * 2);
    },
    // Entries never go stale: a new revision makes new keys, and old ones age out.
    invalidate() {},
  };
  const responseCache = useResponseCache({
    session: () => null,
    cache,
    ttl: Number.POSITIVE_INFINITY,
    invalidateViaMutation: false,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) => {
      // Without a revision there is no safe key: this request goes uncached (and will report the failure itself).
      const current = await revision().catch(() => undefined);
      if (current === undefined) return `"uncached-${randomUUID()}"`;
      // Accept-Language picks the language texts are served in, and Accept the media type (and so the status
      // an error gets): both are part of the key, so an ETag never stands for another representation.
      const language = request.headers.get("accept-language") ?? "";
      const mediaType = acceptedJsonType(request.headers.get("accept")) ?? "";
      const hash = digest(documentString, JSON.stringify(variableValues ?? {}), operationName ?? "", language, mediaType).slice(0, 24);
      return `"${revisionTag(current?.id ?? "none")}-${hash}"`;
    },
  });
  // The plugin would answer If-None-Match before it knows the request's own key, so any cached ETag would
  // do: that check is dropped here and made below, once the result (and so its key) is known.
  const { onRequest: _answersAnyTag, ...keyed } = responseCache;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(keyed);
    },
    onResultProcess({ request, result, setResultProcessor }) {
      const asked = request.headers.get("if-none-match");
      if (!asked || Array.isArray(result) || !result || typeof result !== "object") return;
      const headers = (result as ExecutionResult).extensions?.http as { headers?: Record<string, string> } | undefined;
      const etag = headers?.headers?.ETag;
      if (!etag || !listedTags(asked).includes(etag)) return;
      const lastModified = headers?.headers?.["Last-Modified"];
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(null, { status: 304, headers: { etag, ...(lastModified ? { "last-modified": lastModified } : {}) } }),
        "application/json",
      );
    },
  };
}
