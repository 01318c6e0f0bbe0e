// The persisted-operation manifest: each GraphQL document a front-end ships, keyed by the SHA-256 of its
// exact text in lowercase hex, the key Apollo's persisted queries and graphql-yoga's persisted operations use.
import { createHash } from "node:crypto";

/** Document text by the hash a client sends in `extensions.persistedQuery.sha256Hash`. */
export type OperationManifest = ReadonlyMap<string, string>;

/** What a hash looks like: 64 lowercase hexadecimal digits. */
export const operationHashPattern = /^[0-9a-f]{64}$/;

/** The key of a document: SHA-256 of its text (UTF-8), exactly as the client sends it, in lowercase hex. */
export function operationHash(document: string): string {
  return createHash("sha256").update(document, "utf8").digest("hex");
}

/** The manifest of these documents, ordered by hash so that the same documents always give the same file. */
export function buildOperationManifest(documents: Iterable<string>): OperationManifest {
  const byHash = new Map<string, string>();
  for (const document of documents) byHash.set(operationHash(document), document);
  return new Map([...byHash].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest as the committed JSON file: an object from hash to document, one entry a line. */
export function operationManifestJson(manifest: OperationManifest): string {
  return `${JSON.stringify(Object.fromEntries(manifest), null, 2)}\n`;
}

/**
 * A manifest read back from its JSON. Each entry must be a document under its own hash: a hand-edited or
 * stale entry would serve a different operation than the client asked for, so it stops the process.
 */
export function operationManifestFromJson(json: unknown): OperationManifest {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("operation manifest: not a JSON object");
  const manifest = new Map<string, string>();
  for (const [hash, document] of Object.entries(json)) {
    if (typeof document !== "string" || operationHash(document) !== hash) {
      throw new Error(`operation manifest: the entry ${hash.slice(0, 80)} is not a document under its own SHA-256`);
    }
    manifest.set(hash, document);
  }
  return manifest;
}
