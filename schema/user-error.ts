// Errors a client causes: GraphQL errors with a stable code, shown to the client (never masked).
import { GraphQLError } from "graphql";

export const badUserInput = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argument ? { argument } : {}) } });
