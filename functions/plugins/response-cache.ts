// Response cache keyed by (document, variables, operation name, content revision), in memory per process.
// A hit skips parse, validate and execute; responses carry the key as ETag, and If-None-Match gets 304,
// but only while the ETag's revision is still the published one.
import { createHash, randomUUID } from "node:crypto";
import { type Cache, createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { RevisionSource } from "../../core/store/revision-source";

export interface ResponseCacheOptions {
  revision: RevisionSource;
  /** Most responses kept per process. */
  maxEntries?: number;
}

const digest = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
};

/** A short tag of the revision, leading every key, so a key says which revision it belongs to. */
const revisionTag = (revision: string) => digest(revision).slice(0, 8);
const tagOfKey = (key: string) => key.slice(1, 9);

export function useRevisionResponseCache({ revision, maxEntries = 1000 }: ResponseCacheOptions) {
  const entries = createInMemoryCache({ max: maxEntries });
  // The plugin also looks up If-None-Match values here: an ETag from an older revision must miss, even
  // while its entry is still in memory, or a client would keep old content.
  const cache: Cache = {
    ...entries,
    async get(key) {
      const current = await revision().catch(() => undefined);
      if (current === undefined || tagOfKey(key) !== revisionTag(current?.id ?? "none")) return undefined;
      return entries.get(key);
    },
    set: (...args) => entries.set(...args),
    invalidate: (...args) => entries.invalidate(...args),
  };
  return useResponseCache({
    session: () => null,
    cache,
    // Entries never go stale: a new revision makes new keys, and old ones age out of the LRU.
    ttl: Number.POSITIVE_INFINITY,
    invalidateViaMutation: false,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) => {
      // Without a revision there is no safe key: this request goes uncached (and will report the failure itself).
      const current = await revision().catch(() => undefined);
      if (current === undefined) return `"uncached-${randomUUID()}"`;
      // Accept-Language picks the language texts are served in, so it is part of the key.
      const language = request.headers.get("accept-language") ?? "";
      const hash = digest(documentString, JSON.stringify(variableValues ?? {}), operationName ?? "", language).slice(0, 24);
      return `"${revisionTag(current?.id ?? "none")}-${hash}"`;
    },
  });
}
