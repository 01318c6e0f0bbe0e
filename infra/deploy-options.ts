// The options a deployment may set with `cdk synth|deploy -c key=value`, read and checked before anything
// is built: a typo must stop the deploy with the key and the value, not become NaN or a silent default.
import type { App } from "aws-cdk-lib";

/** What `-c` may set; absent means the stack's default (see KronikaStackProps). */
export interface DeployOptions {
  /** `-c apiConcurrency=N`: the GraphQL function's reserved concurrency. */
  readonly apiReservedConcurrency: number | undefined;
  /** `-c apiRateLimit=N`: requests per IP address in 5 minutes before the web ACL blocks it. */
  readonly apiRateLimit: number | undefined;
  /** `-c revisionWebhooks='["https://…"]'`: where EventBridge delivers each "Revision published" event. */
  readonly revisionWebhooks: string[] | undefined;
  /** `-c alarmEmail=ops@example.org`: an address subscribed to the stage's alarms. */
  readonly alarmEmail: string | undefined;
  /** `-c persistedOperationsOnly=true`: the API runs only persisted operations. */
  readonly persistedOperationsOnly: boolean | undefined;
}

/** AWS WAF's bounds for a rate-based rule's limit. */
export const rateLimitRange = { min: 10, max: 2_000_000_000 };

export function deployOptions(app: App): DeployOptions {
  return {
    apiReservedConcurrency: contextOption(app, "apiConcurrency", { min: 1 }),
    apiRateLimit: contextOption(app, "apiRateLimit", rateLimitRange),
    revisionWebhooks: webhookOption(app, "revisionWebhooks"),
    alarmEmail: emailOption(app, "alarmEmail"),
    persistedOperationsOnly: switchOption(app, "persistedOperationsOnly"),
  };
}

/** The most webhooks one stage delivers to: each is a rule, a connection and a secret. */
export const maxWebhooks = 10;

/**
 * A list of HTTPS URLs, or undefined when it is not set. `-c` gives a string (a JSON array, or one URL) and
 * cdk.json an array. EventBridge's API destinations call HTTPS endpoints only.
 */
export function webhookOption(app: App, key: string): string[] | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  const refuse = (why: string) => new Error(`-c ${key}=${JSON.stringify(value)}: ${why}`);
  const notAList = () => refuse(`must be a JSON array of HTTPS URLs, e.g. '["https://example.org/hook"]'`);
  let list: unknown = value;
  if (typeof value === "string") {
    try {
      list = /^\s*[[{]/.test(value) ? JSON.parse(value) : [value];
    } catch {
      throw notAList();
    }
  }
  if (!Array.isArray(list) || !list.every((url): url is string => typeof url === "string")) {
    throw notAList();
  }
  if (list.length > maxWebhooks) throw refuse(`at most ${maxWebhooks} webhooks`);
  for (const url of list) {
    if (!URL.canParse(url) || new URL(url).protocol !== "https:" || new URL(url).username || new URL(url).password) {
      throw refuse(`${JSON.stringify(url)} is not an HTTPS URL without credentials (EventBridge delivers to HTTPS only)`);
    }
  }
  if (new Set(list).size !== list.length) throw refuse("a webhook is listed twice");
  return list;
}

/** One address, as SNS takes it: a mistyped one would only show as a confirmation mail that never comes. */
const emailAddress = /^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/;

/** An e-mail address context value, or undefined when it is not set. */
export function emailOption(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !emailAddress.test(value)) {
    throw new Error(`-c ${key}=${JSON.stringify(value)}: must be one e-mail address, such as ops@example.org`);
  }
  return value;
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
