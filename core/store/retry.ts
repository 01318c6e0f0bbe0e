// One retry policy for every call to DynamoDB, the API's reads and the sync's writes alike: a bounded number
// of attempts, exponential backoff with full jitter between them (as the AWS SDKs do), and never past the
// request's deadline (deadline.ts): a pause that would end after it ends the retries instead.
import { currentDeadline } from "./deadline";
import { StoreUnavailableError } from "./store-unavailable";

/** The pause after attempt n is random, up to base · 2^n, and never more than the cap. */
export const backoff = { baseMs: 100, capMs: 2000 } as const;

/** The pause after `attempts` attempts failed, for a random number in [0, 1). */
export const pauseAfter = (attempts: number, random: number) => random * Math.min(backoff.capMs, backoff.baseMs * 2 ** attempts);

/** What an attempt came to: a value, or a reason to try again. */
export type Attempt<T> = { value: T } | { retry: unknown };

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** What is tried, for the error that ends the retries: "DynamoDB GetItem". */
  what: string;
  /** Attempts already made before this call, and why the last failed (the retries continue from there). */
  attemptsMade?: number;
  reason?: unknown;
  /** For tests: the source of jitter, and the clock's sleep. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it gives a value, pausing between attempts. An attempt learns how long the request's
 * deadline leaves it; an error it throws ends the retries at once. When the attempts or the deadline run out,
 * a StoreUnavailableError says so, with the last reason as its cause.
 */
export async function retrying<T>(options: RetryOptions, attempt: (timeLeftMs: number) => Promise<Attempt<T>>): Promise<T> {
  const { maxAttempts, what, random = Math.random, sleep = sleepFor } = options;
  const deadline = currentDeadline();
  const remaining = () => deadline?.remainingMs() ?? Number.POSITIVE_INFINITY;
  let reason = options.reason;
  let attempts = options.attemptsMade ?? 0;
  // No pause that would end past the deadline: the retries end there instead.
  const pause = async () => {
    const ms = pauseAfter(attempts, random());
    if (deadline && ms >= remaining()) throw deadline.exceeded(what, reason);
    await sleep(ms);
  };
  if (attempts > 0 && attempts < maxAttempts) await pause();
  while (attempts < maxAttempts && remaining() > 0) {
    attempts += 1;
    const outcome = await attempt(remaining());
    if ("value" in outcome) return outcome.value;
    reason = outcome.retry;
    if (attempts === maxAttempts) break;
    await pause();
  }
  if (deadline && attempts < maxAttempts) throw deadline.exceeded(what, reason);
  throw new StoreUnavailableError(`${what} failed after ${attempts} attempts: ${reason}`, { cause: reason });
}
