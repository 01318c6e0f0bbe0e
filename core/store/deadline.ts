// One request's deadline for the store: every read a request makes shares one time budget. The request's
// entry point sets it (functions/plugins/request-deadline.ts); the reads find it through the async context,
// so the budget reaches them without passing through every resolver, loader and cache on the way.
import { AsyncLocalStorage } from "node:async_hooks";
import { StoreUnavailableError } from "./store-unavailable";

export class Deadline {
  /** On the performance.now() clock. */
  readonly at: number;

  constructor(
    readonly budgetMs: number,
    startedAt = performance.now(),
  ) {
    this.at = startedAt + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, this.at - performance.now());
  }

  passed(): boolean {
    return this.remainingMs() === 0;
  }

  /** The error for store work the deadline cut short. */
  exceeded(what: string, cause?: unknown): StoreUnavailableError {
    return new StoreUnavailableError(`${what}: no answer within the request's budget of ${this.budgetMs} ms`, { cause });
  }
}

const storage = new AsyncLocalStorage<Deadline>();

/** Runs `run` (and everything it starts) with a deadline `budgetMs` from now. */
export function withDeadline<T>(budgetMs: number, run: () => T): T {
  return storage.run(new Deadline(budgetMs), run);
}

/** The deadline of the request being served, if any. */
export const currentDeadline = (): Deadline | undefined => storage.getStore();

/**
 * `work`, or a StoreUnavailableError once the current request's deadline passes: for waiting on work that
 * requests share (another request started it, and may have more time than this one).
 */
export function beforeDeadline<T>(work: Promise<T>, what: string, deadline = currentDeadline()): Promise<T> {
  if (!deadline) return work;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(deadline.exceeded(what)), deadline.remainingMs());
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
