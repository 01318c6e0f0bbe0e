// Persisted operations: a request may name a document of the manifest by its SHA-256 in
// `extensions.persistedQuery` instead of sending its text, so a long query fits a short, cacheable GET URL
// (Apollo's protocol, as graphql-yoga's persisted-operations plugin serves it, in the few lines Kronika
// uses). Arbitrary documents stay allowed unless `only` is set. Each refusal is a 4xx with a stable code.
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { type OperationManifest, operationHashPattern } from "../../core/operations/operation-manifest";

export interface PersistedOperationsOptions {
  /** The documents a request may name by hash: asked for on the first request that names one, not before. */
  manifest: () => OperationManifest;
  /** Refuse every document sent as text: only the manifest's operations run. */
  only: boolean;
}

export const persistedOperationCodes = {
  /** The hash names no document of the manifest (Apollo's code; with the message PersistedQueryNotFound, clients then send the text). */
  notFound: "PERSISTED_QUERY_NOT_FOUND",
  /** A document sent as text while only persisted operations are accepted. */
  only: "PERSISTED_QUERY_ONLY",
  /** `extensions.persistedQuery` is not `{ version: 1, sha256Hash: <64 lowercase hex digits> }`. */
  malformed: "BAD_REQUEST",
} as const;

const refusal = (status: number, code: string, message: string) => createGraphQLError(message, { extensions: { code, http: { status } } });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The hash a request names, undefined when it names none, or a 400 when what it gives is not a hash. */
function requestedHash(extensions: unknown): string | undefined {
  if (!isObject(extensions) || extensions.persistedQuery === undefined) return undefined;
  const persisted = extensions.persistedQuery;
  if (!isObject(persisted) || persisted.version !== 1) {
    throw refusal(400, persistedOperationCodes.malformed, 'extensions.persistedQuery must be { "version": 1, "sha256Hash": "…" }');
  }
  const hash = persisted.sha256Hash;
  if (typeof hash !== "string" || !operationHashPattern.test(hash)) {
    throw refusal(
      400,
      persistedOperationCodes.malformed,
      "extensions.persistedQuery.sha256Hash must be 64 lowercase hexadecimal digits: the SHA-256 of the document's text",
    );
  }
  return hash;
}

export function usePersistedOperationManifest({ manifest, only }: PersistedOperationsOptions): Plugin {
  return {
    onParams({ params, setParams }) {
      // A malformed hash is refused even beside a query, which would otherwise run and hide the mistake.
      const hash = requestedHash(params.extensions);
      if (params.query) {
        if (only) {
          throw refusal(
            403,
            persistedOperationCodes.only,
            "this API runs only persisted operations: send extensions.persistedQuery.sha256Hash of a known document, not its text",
          );
        }
        return;
      }
      if (hash === undefined) {
        throw refusal(
          400,
          "BAD_REQUEST",
          only
            ? "Must provide a persisted operation: extensions.persistedQuery.sha256Hash"
            : "Must provide query string, or a persisted operation's extensions.persistedQuery.sha256Hash.",
        );
      }
      const document = manifest().get(hash);
      if (document === undefined) {
        // The message is the protocol's word, which clients (urql, Apollo) match exactly before they send
        // the text instead; the hint says it in words.
        throw createGraphQLError("PersistedQueryNotFound", {
          extensions: {
            code: persistedOperationCodes.notFound,
            http: { status: 404 },
            hint: only
              ? "no persisted operation has this sha256Hash, and this API runs only persisted operations"
              : "no persisted operation has this sha256Hash: send the document's text as query instead",
          },
        });
      }
      // The document's text, not a parsed tree: the limits, the parse cache and the response cache treat it
      // exactly as if the client had sent it.
      setParams({ ...params, query: document });
    },
  };
}
