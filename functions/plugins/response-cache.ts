// Response cache keyed by (document, variables, operation name, Accept-Language, content revision), in
// memory per process and bounded in bytes. A hit skips parse, validate and execute; responses carry the key
// as ETag, and If-None-Match gets 304 only when it names this request's own key under the published revision.
// Kept small on purpose (it replaced @graphql-yoga/plugin-response-cache, whose schema walk at start-up and
// per-result rewriting served entity invalidation, which a cache keyed on the revision does not need).
import { createHash, randomUUID } from "node:crypto";
import { type DocumentNode, type ExecutionResult, visit } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RevisionSource } from "../../core/store/revision-source";
import { ByteBoundedCache } from "../byte-bounded-cache";
import { acceptedJsonType } from "./response-format";

export interface ResponseCacheOptions {
  revision: RevisionSource;
  /** Bytes of results kept in all. */
  maxBytes: number;
}

/** Marks a result served from the cache (the request log reports it as a hit). */
export const servedFromResponseCache = Symbol.for("servedFromResponseCache");

const digest = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
};

/** A short tag of the revision, leading every key, so a key says which revision it belongs to. */
const revisionTag = (revision: string) => digest(revision).slice(0, 8);
const tagOfKey = (key: string) => key.slice(1, 9);
const uncachedPrefix = '"uncached-';

/** The entity tags an If-None-Match header lists (weak or strong; `*` is not honoured). */
const listedTags = (header: string) => header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));

/** Introspection of the whole schema is answered but never kept (it is large, and only tools ask for it). */
const asksForSchema = new WeakMap<DocumentNode, boolean>();
function selectsSchema(document: DocumentNode): boolean {
  let found = asksForSchema.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === "__schema") found = true;
      },
    });
    asksForSchema.set(document, found);
  }
  return found;
}

const isResult = (value: unknown): value is ExecutionResult =>
  typeof value === "object" && value !== null && !(Symbol.asyncIterator in value);

export function useRevisionResponseCache({ revision, maxBytes }: ResponseCacheOptions): Plugin {
  // Results are kept as JSON text: its length is what they cost, and a hit gets a copy of its own.
  const entries = new ByteBoundedCache<string>({ maxBytes });
  const keyOfContext = new WeakMap<object, string>();

  const keyOf = async (params: { query?: string; variables?: unknown; operationName?: string | null }, request: Request) => {
    // Without a revision there is no safe key: this request goes uncached (and will report the failure itself).
    const current = await revision().catch(() => undefined);
    if (current === undefined) return `${uncachedPrefix}${randomUUID()}"`;
    // Accept-Language picks the language texts are served in, and Accept the media type (and so the status
    // an error gets): both are part of the key, so an ETag never stands for another representation.
    const language = request.headers.get("accept-language") ?? "";
    const mediaType = acceptedJsonType(request.headers.get("accept")) ?? "";
    const hash = digest(params.query ?? "", JSON.stringify(params.variables ?? {}), params.operationName ?? "", language, mediaType).slice(
      0,
      24,
    );
    return `"${revisionTag(current?.id ?? "none")}-${hash}"`;
  };

  const lookup = async (key: string) => {
    // An entry of an older revision must miss, even while it is still in memory, or a client would keep old content.
    const current = await revision().catch(() => undefined);
    if (current === undefined || tagOfKey(key) !== revisionTag(current?.id ?? "none")) return undefined;
    const text = entries.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as ExecutionResult);
  };

  return {
    async onParams({ params, request, context, setResult }) {
      const key = await keyOf(params, request);
      keyOfContext.set(context, key);
      const cached = await lookup(key);
      if (cached) setResult({ ...cached, [servedFromResponseCache]: true } as ExecutionResult);
    },
    onExecute({ args }) {
      const key = keyOfContext.get(args.contextValue as object);
      if (key === undefined) return;
      return {
        onExecuteDone({ result }) {
          if (!isResult(result) || result.errors?.length) return;
          // The key is the response's ETag; a result without errors carries it even when it is not kept.
          const extensions: { http?: { headers?: Record<string, string> } } = result.extensions ?? {};
          const http = extensions.http ?? {};
          http.headers = { ...http.headers, ETag: key, "Last-Modified": new Date().toUTCString() };
          extensions.http = http;
          (result as { extensions?: object }).extensions = extensions;
          if (key.startsWith(uncachedPrefix) || selectsSchema(args.document)) return;
          const text = JSON.stringify(result);
          entries.set(key, text, text.length * 2);
        },
      };
    },
    // If-None-Match is answered once the result, and so the request's own key, is known.
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
