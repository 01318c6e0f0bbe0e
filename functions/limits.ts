// What one request may ask for, declared once. Defaults follow graphql-armor's published defaults (depth 6,
// aliases 15, directives 50, tokens 1000, cost 5000) and GitHub's connection size (1–100), adjusted where the
// schema's shape asks for it; every limit can be set through the environment (KRONIKA_LIMIT_<NAME>). The
// checks themselves are ours (query-analysis.ts): they measure each fragment once and read field costs from the schema.
import { limitVariables } from "../core/environment";

export interface Limits {
  /** Nesting of fields. Relay's edges { node { … } } costs two levels, so armor's 6 becomes 10. */
  depth: number;
  /** Nesting inside __schema / __type: GraphiQL's introspection query needs 13, a deep ofType attack more. */
  introspectionDepth: number;
  /** Aliased fields in a document. */
  aliases: number;
  /** Directive uses in a document. */
  directives: number;
  /** Lexical tokens in a document. */
  tokens: number;
  /** Estimated work (query-analysis.ts): 1 per field unless the schema declares more, a connection's edges multiplied by its first/last (default 20), a bounded list (related, citations) by its bound. Twice graphql-armor's 5000, because lists are priced at their bound: a page of 100 events with their citations costs about 9,500. */
  cost: number;
  /** Bytes of a request body. */
  bodyBytes: number;
  /** Bytes of a response body: a larger answer is refused (Lambda returns at most 6 MB). */
  responseBytes: number;
  /** Bytes of GraphQL results a process keeps for repeated queries (POST and GET). */
  resultCacheBytes: number;
  /** Bytes of GET responses a process keeps to send again without GraphQL. */
  getCacheBytes: number;
  /** Bytes of parsed documents a process keeps (a parsed document takes about 100 bytes per character). */
  documentCacheBytes: number;
  /**
   * Milliseconds from a request's arrival after which its store reads stop, retries included, and what they
   * would have read is a 503. Below the GraphQL function's 10 s timeout (infra/graphql-api.ts), with room to answer.
   */
  requestMs: number;
}

export const defaultLimits: Limits = {
  depth: 10,
  introspectionDepth: 15,
  aliases: 15,
  directives: 50,
  tokens: 1000,
  cost: 10_000,
  bodyBytes: 100_000,
  responseBytes: 4 * 1024 * 1024,
  resultCacheBytes: 64 * 1024 * 1024,
  getCacheBytes: 64 * 1024 * 1024,
  documentCacheBytes: 32 * 1024 * 1024,
  requestMs: 7000,
};

const environmentNames: Record<keyof Limits, string> = limitVariables;

/** The limits, with any set in the environment; a value that is not a positive integer is an error. */
export function limitsFromEnvironment(env: Record<string, string | undefined> = process.env): Limits {
  const limits = { ...defaultLimits };
  for (const [key, name] of Object.entries(environmentNames) as [keyof Limits, string][]) {
    const text = env[name];
    if (text === undefined || text === "") continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}"`);
    limits[key] = value;
  }
  return limits;
}
