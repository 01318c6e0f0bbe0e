// Every response names its request id, so a client can quote it and the matching log lines can be found.
import type { Plugin } from "graphql-yoga";
import { currentScope } from "../request-scope";

export function useRequestId(): Plugin {
  return {
    onResponse({ response }) {
      const scope = currentScope();
      if (scope) response.headers.set("x-request-id", scope.requestId);
    },
  };
}
