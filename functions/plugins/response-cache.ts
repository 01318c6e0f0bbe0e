// Response cache keyed by (document, variables, operation name, content revision), in memory per process.
// A hit skips parse, validate and execute; responses carry the key as ETag, and If-None-Match gets 304.
import { createHash, randomUUID } from "node:crypto";
import { createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { RevisionSource } from "../../core/store/revision-source";

export interface ResponseCacheOptions {
  revision: RevisionSource;
  /** Most responses kept per process. */
  maxEntries?: number;
}

export function useRevisionResponseCache({ revision, maxEntries = 1000 }: ResponseCacheOptions) {
  return useResponseCache({
    session: () => null,
    cache: createInMemoryCache({ max: maxEntries }),
    // Entries never go stale: a new revision makes new keys, and old ones age out of the LRU.
    ttl: Number.POSITIVE_INFINITY,
    invalidateViaMutation: false,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName }) => {
      // Without a revision there is no safe key: this request goes uncached (and will report the failure itself).
      const current = await revision().catch(() => undefined);
      if (current === undefined) return `"uncached-${randomUUID()}"`;
      const hash = createHash("sha256");
      hash.update(current);
      hash.update("\0");
      hash.update(documentString);
      hash.update("\0");
      hash.update(JSON.stringify(variableValues ?? {}));
      hash.update("\0");
      hash.update(operationName ?? "");
      return `"${hash.digest("base64url").slice(0, 32)}"`;
    },
  });
}
