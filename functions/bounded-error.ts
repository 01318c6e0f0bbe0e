// An error a client caused, as the client gets it, with its texts cut to a bounded length: a parser's
// message can quote the whole request back (an invalid JSON body came back six times its size).
import { GraphQLError } from "graphql";

export const maxErrorMessageLength = 300;

const bounded = (text: string) => (text.length > maxErrorMessageLength ? `${text.slice(0, maxErrorMessageLength)}…` : text);

export function boundedClientError(error: GraphQLError): GraphQLError {
  const quoted = error.extensions?.originalError as { name?: string; message?: string } | undefined;
  const quotesTooMuch = typeof quoted?.message === "string" && quoted.message.length > maxErrorMessageLength;
  if (error.message.length <= maxErrorMessageLength && !quotesTooMuch) return error;
  // yoga reads originalError's presence when it picks the status, so it is kept, with its message cut.
  const extensions = quotesTooMuch
    ? { ...error.extensions, originalError: { ...quoted, message: bounded(quoted?.message ?? "") } }
    : error.extensions;
  return new GraphQLError(bounded(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}
