// The request id, for every log line and error of one request. The Lambda handler and the local server
// run each request inside a scope; code deep in the app (error masking, logging) reads it from there.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export interface RequestScope {
  requestId: string;
  startedAt: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function inRequestScope<T>(requestId: string | undefined, run: () => T): T {
  return storage.run({ requestId: requestId || randomUUID(), startedAt: performance.now() }, run);
}

export const currentScope = (): RequestScope | undefined => storage.getStore();
