// The one yoga app: the Lambda handler and the local server both serve it. Cross-cutting behaviour
// (caching, logging, error masking, GraphiQL) is configured here, in one place.
import { readFileSync } from "node:fs";
import { type DocumentNode, GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import { localeFromAcceptLanguage } from "../core/locale/locales";
import { type OperationManifest, operationManifestFromJson } from "../core/operations/operation-manifest";
import { ContentStore } from "../core/store/content-store";
import { createRevisionSource, type RevisionSource } from "../core/store/revision-source";
import { createSearchIndexSource } from "../core/store/search-index-source";
import { StoreUnavailableError } from "../core/store/store-unavailable";
import type { TableReads } from "../core/store/table-reads";
import type { Context } from "../schema/builder";
import { schema } from "../schema/index";
import { boundedClientError } from "./bounded-error";
import { ByteBoundedCache } from "./byte-bounded-cache";
import { defaultLimits, type Limits } from "./limits";
import { useCors } from "./plugins/cors";
import { type GetRequestFacts, getResponseBytes, type KeptResponse } from "./plugins/get-response-bytes";
import { useGraphiqlRedirect } from "./plugins/graphiql-redirect";
import { useHttpCaching } from "./plugins/http-caching";
import { usePersistedOperationManifest } from "./plugins/persisted-operations";
import { useQueryLimits } from "./plugins/query-limits";
import { storeUnavailableError, useRequestDeadline } from "./plugins/request-deadline";
import { useRequestGuard } from "./plugins/request-guard";
import { useRequestId } from "./plugins/request-id";
import { jsonLog, type LogSink, useRequestLog } from "./plugins/request-log";
import { useRevisionResponseCache } from "./plugins/response-cache";
import { useResponseFormat } from "./plugins/response-format";
import { currentScope } from "./request-scope";

export interface AppOptions {
  /** How the app reads the table (see core/store/table-reads.ts). */
  reads: TableReads;
  tableName: string;
  /**
   * GraphiQL for browsers at /graphql: `render` serves a self-contained page (local use; it is about 9 MB),
   * `redirectTo` sends browsers to a GraphiQL site served elsewhere (the deployed stack). Default: off.
   */
  graphiql?: false | { render: (options?: object) => string } | { redirectTo: string };
  /** How long a process trusts the revision it read, in ms (default 5000). */
  revisionMaxAgeMs?: number;
  /**
   * The revision source, when the caller made it already, e.g. to start the first read before the schema is
   * built (default: one made from `reads`, trusted for `revisionMaxAgeMs`).
   */
  revision?: RevisionSource;
  /** Where request log lines go (default: JSON on stdout); false for none. */
  log?: LogSink | false;
  /** Request limits (default: defaultLimits). */
  limits?: Limits;
  /** Origins allowed by CORS (default: any, without credentials: the content is public). */
  corsOrigins?: string[];
  /** Keep the in-memory response cache (default true; off to measure the uncached path). */
  responseCache?: boolean;
  /** The path GraphQL is served at (default /graphql). */
  endpoint?: string;
  /**
   * The documents a request may name by SHA-256 instead of sending their text (default: the manifest of what
   * front-ends ship, shippedManifestFile; `npm run operations:manifest`).
   */
  persistedOperations?: OperationManifest;
  /** Run only persisted operations and refuse documents sent as text (default false: the API is public). */
  persistedOperationsOnly?: boolean;
}

/**
 * The manifest of what front-ends ship: functions/persisted-operations.json, which a function's build puts
 * beside its bundle (infra/function-build.ts) rather than in it, so the code does not grow with the manifest.
 */
const shippedManifestFile = new URL("./persisted-operations.json", import.meta.url);

let shippedManifest: OperationManifest | undefined;

/** The shipped manifest, read and checked once per process, on the first request that names an operation by hash. */
function readShippedManifest(): OperationManifest {
  shippedManifest ??= operationManifestFromJson(JSON.parse(readFileSync(shippedManifestFile, "utf8")));
  return shippedManifest;
}

/** Parsed documents and parse errors by source text, bounded in bytes (a parsed document takes about 100 bytes per character). */
function parserCaches(maxBytes: number) {
  const cache = <T>(bytesPerCharacter: number, extra: number) => {
    const entries = new ByteBoundedCache<T>({ maxBytes: maxBytes / 2 });
    return {
      get: (key: string) => entries.get(key),
      set: (key: string, value: T) => void entries.set(key, value, key.length * bytesPerCharacter + extra),
    };
  };
  return { documentCache: cache<DocumentNode>(100, 0), errorCache: cache<unknown>(2, 1024) };
}

export function createApp(options: AppOptions) {
  const {
    reads,
    tableName,
    graphiql = false,
    revisionMaxAgeMs,
    revision = createRevisionSource(reads, tableName, { maxAgeMs: revisionMaxAgeMs }),
    log = jsonLog,
    limits = defaultLimits,
    corsOrigins = ["*"],
    responseCache = true,
    endpoint: graphqlEndpoint = "/graphql",
    persistedOperations,
    persistedOperationsOnly = false,
  } = options;
  const searchIndex = createSearchIndexSource(reads, tableName);
  const storeFailuresLogged = new WeakSet<Error>();
  const plugins: Plugin<any>[] = [
    useRequestId(),
    useCors(corsOrigins),
    useRequestGuard(),
    // Before the response caches: they key on the document's text, which a hash is replaced by here.
    usePersistedOperationManifest({
      manifest: persistedOperations ? () => persistedOperations : readShippedManifest,
      only: persistedOperationsOnly,
    }),
    useQueryLimits(limits),
    useHttpCaching({ shared: corsOrigins.includes("*") }),
    useResponseFormat({ maxBytes: limits.responseBytes }),
  ];
  const keptGets = responseCache ? getResponseBytes({ revision, endpoint: graphqlEndpoint, maxBytes: limits.getCacheBytes }) : undefined;
  if (keptGets) plugins.push(keptGets.plugin, useRevisionResponseCache({ revision, maxBytes: limits.resultCacheBytes }));
  if (log) plugins.push(useRequestLog(log));
  // Wherever it is listed, it wraps the whole request, the caches above included.
  plugins.push(useRequestDeadline(limits.requestMs));
  if (graphiql && "redirectTo" in graphiql) plugins.push(useGraphiqlRedirect(graphiql.redirectTo));
  const render = graphiql && "render" in graphiql ? graphiql.render : undefined;
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint,
    context: ({ request }) => ({
      store: new ContentStore(reads, tableName, revision, searchIndex),
      acceptLanguage: localeFromAcceptLanguage(request.headers.get("accept-language")),
    }),
    plugins,
    maskedErrors: {
      // Errors a client causes pass unchanged; anything else is logged and replaced by a generic error that
      // carries the request id, so a client can quote it and the log line can be found.
      maskError(error, message): Error {
        const requestId = currentScope()?.requestId;
        const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
        // The store being down is no secret and no bug: the client gets a 503 it can act on, the log the cause.
        if (original instanceof StoreUnavailableError && error instanceof GraphQLError) {
          if (log && !storeFailuresLogged.has(original)) {
            storeFailuresLogged.add(original);
            log({ level: "error", msg: "store unavailable", requestId, error: String(original), cause: String(original.cause) });
          }
          return storeUnavailableError(error, requestId);
        }
        const masked = maskError(error, message, false) as GraphQLError;
        if (masked === error) return boundedClientError(masked);
        if (log) log({ level: "error", msg: "internal error", requestId, error: String(original), stack: (original as Error)?.stack });
        return new GraphQLError(masked.message, { ...masked, extensions: { ...masked.extensions, requestId } });
      },
    },
    batching: false,
    // Nothing uploads files: a multipart body is not a GraphQL request here.
    multipart: false,
    parserAndValidationCache: parserCaches(limits.documentCacheBytes),
    cors: false,
    landingPage: false,
    // Yoga logs every error that maskError replaced; maskError has logged each already, with its request id.
    logging: { debug: () => {}, info: () => {}, warn: (...args: unknown[]) => console.warn(...args), error: () => {} },
    graphiql: render ? { title: "Kronika" } : false,
    ...(render ? { renderGraphiQL: render } : {}),
  });
  const keptGet: KeptGet = {
    serve(facts) {
      const startedAt = performance.now();
      const kept = keptGets?.find(facts);
      if (!kept) return undefined;
      const requestId = currentScope()?.requestId;
      if (log) {
        const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
        log({
          level: "info",
          msg: "request",
          requestId,
          method: "GET",
          path: facts.pathname,
          status: 200,
          durationMs,
          dynamodbCalls: 0,
          cacheHit: true,
          errors: 0,
        });
      }
      const headers: [string, string][] = [
        ...kept.headers,
        ["x-cache", "hit"],
        ...(requestId ? [["x-request-id", requestId] as [string, string]] : []),
      ];
      return { headers, body: kept.body };
    },
  };
  return Object.assign(yoga, { keptGet });
}

/** GET responses the app keeps, for a server to answer before the app (functions/node-listener.ts, functions/graphql.ts). */
export interface KeptGet {
  /** The kept response to a GET with these facts, with the headers the app would add and its log line written; or undefined. */
  serve(facts: GetRequestFacts): KeptResponse | undefined;
}

export type App = ReturnType<typeof createApp>;
