// Rejects requests that ask too much, before any resolver runs: body bytes as the body arrives; token count
// at parse time; depth, aliases and directives as validation rules (cached with the document); cost at
// execution, where variables are known (first: $n). Each rejection is a GraphQL error with a stable
// extensions.code and the limit in its text.
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type ValidationContext,
} from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { defaultPageSize, maxPageSize } from "../../schema/pagination";
import type { Limits } from "../limits";
import { fragmentsOf, operationCost, operationDepth } from "../query-analysis";

export const limitCodes = {
  depth: "DEPTH_LIMIT_EXCEEDED",
  aliases: "ALIAS_LIMIT_EXCEEDED",
  directives: "DIRECTIVE_LIMIT_EXCEEDED",
  tokens: "TOKEN_LIMIT_EXCEEDED",
  cost: "COST_LIMIT_EXCEEDED",
  bodyBytes: "REQUEST_TOO_LARGE",
} as const;

const limitError = (kind: keyof typeof limitCodes, message: string, status?: number) =>
  createGraphQLError(message, { extensions: { code: limitCodes[kind], ...(status ? { http: { status } } : {}) } });

function documentRule(limits: Limits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    let aliases = 0;
    let directives = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Directive() {
        directives += 1;
      },
      OperationDefinition(operation) {
        const depth = operationDepth(operation, fragments);
        if (depth.data > limits.depth) {
          context.reportError(limitError("depth", `query depth ${depth.data} exceeds the limit of ${limits.depth}`));
        }
        if (depth.introspection > limits.introspectionDepth) {
          context.reportError(
            limitError("depth", `introspection depth ${depth.introspection} exceeds the limit of ${limits.introspectionDepth}`),
          );
        }
      },
      Document: {
        leave() {
          if (aliases > limits.aliases)
            context.reportError(limitError("aliases", `${aliases} aliases exceed the limit of ${limits.aliases}`));
          if (directives > limits.directives)
            context.reportError(limitError("directives", `${directives} directives exceed the limit of ${limits.directives}`));
        },
      },
    };
  };
}

const bodyTooLarge = (limit: number) => limitError("bodyBytes", `request body exceeds the limit of ${limit} bytes`, 413);

/** The request with its body cut off, as an error, once more than `limit` bytes have arrived (a chunked body declares no length). */
function withLimitedBody(request: Request, limit: number, fetchAPI: { Request: typeof Request }): Request {
  if (!request.body) return request;
  let received = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(bodyTooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: "half",
  } as RequestInit);
}

export function useQueryLimits(limits: Limits): Plugin {
  const rule = documentRule(limits);
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      // The Lambda edge always declares the length (the body is whole in the event); so do most clients.
      const declared = request.headers.get("content-length");
      if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limits.bodyBytes)) throw bodyTooLarge(limits.bodyBytes);
      if (!requestParser || !request.body) return;
      setRequestParser((parsed) => requestParser(withLimitedBody(parsed, limits.bodyBytes, fetchAPI)));
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.tokens });
        } catch (error) {
          if (error instanceof GraphQLError && error.message.includes("tokens. Parsing aborted")) {
            throw limitError("tokens", `the document has more than ${limits.tokens} tokens, the limit`);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const operation = args.operationName ? operations.find((o) => o.name?.value === args.operationName) : operations[0];
      if (!operation) return;
      const cost = operationCost(operation, fragmentsOf(document), {
        schema: args.schema,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        defaultPageSize,
        maxPageSize,
      });
      if (cost > limits.cost) {
        setResultAndStopExecution({ errors: [limitError("cost", `query cost ${cost} exceeds the limit of ${limits.cost}`)] });
      }
    },
  };
}
