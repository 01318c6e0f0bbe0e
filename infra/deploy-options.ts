// The numbers and switches a deployment may set with `cdk synth|deploy -c key=value`, read and checked before
// anything is built: a typo must stop the deploy with the key and the value, not become NaN or a silent default.
import type { App } from "aws-cdk-lib";

/** What `-c` may set; absent means the stack's default (see KronikaStackProps). */
export interface DeployOptions {
  /** `-c apiConcurrency=N`: the GraphQL function's reserved concurrency. */
  readonly apiReservedConcurrency: number | undefined;
  /** `-c apiRateLimit=N`: requests per IP address in 5 minutes before the web ACL blocks it. */
  readonly apiRateLimit: number | undefined;
  /** `-c persistedOperationsOnly=true`: the API runs only persisted operations. */
  readonly persistedOperationsOnly: boolean | undefined;
}

/** AWS WAF's bounds for a rate-based rule's limit. */
export const rateLimitRange = { min: 10, max: 2_000_000_000 };

export function deployOptions(app: App): DeployOptions {
  return {
    apiReservedConcurrency: contextOption(app, "apiConcurrency", { min: 1 }),
    apiRateLimit: contextOption(app, "apiRateLimit", rateLimitRange),
    persistedOperationsOnly: switchOption(app, "persistedOperationsOnly"),
  };
}

/** A yes-or-no context value (`true` or `false`, as a string from `-c` or a boolean from cdk.json), or undefined when it is not set. */
export function switchOption(app: App, key: string): boolean | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`-c ${key}=${JSON.stringify(value)}: must be true or false`);
}

/**
 * A whole-number context value, or undefined when it is not set. `-c` gives strings and cdk.json gives
 * numbers; both are accepted when they are plain decimal integers within the range.
 */
export function contextOption(app: App, key: string, range: { min: number; max?: number }): number | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  const number = typeof value === "number" ? value : typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(number) || number < range.min || number > max) {
    const bounds = range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
    throw new Error(`-c ${key}=${JSON.stringify(value)}: must be a whole number ${bounds}`);
  }
  return number;
}
