// Stands in for @whatwg-node/server's uWebSockets.js adapter (esm/uwebsockets.js) in the functions' bundles:
// a function is given Fetch API requests (functions/function-url.ts), never a uWebSockets.js response. The
// server adapter asks each input whether it is one; were one ever given, this says so.
export { fakePromise } from "@whatwg-node/promise-helpers";

const absent = (): never => {
  throw new Error("uWebSockets.js is not served by this bundle");
};

export function isUWSResponse(response: { onData?: unknown } | null | undefined): boolean {
  if (response?.onData) absent();
  return false;
}

export const getRequestFromUWSRequest = absent;
export const createWritableFromUWS = absent;
export const sendResponseToUwsOpts = absent;
