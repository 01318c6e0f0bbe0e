// Rejects documents that ask too much, before any resolver runs: token count at parse time; depth, aliases
// and directives as validation rules (cached with the document); cost at execution, where variables are
// known (first: $n). Each rejection is a GraphQL error with a stable extensions.code and the limit in its text.
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValidationContext,
  valueFromASTUntyped,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { defaultPageSize, maxPageSize } from "../../schema/pagination";
import type { Limits } from "../limits";

export const limitCodes = {
  depth: "DEPTH_LIMIT_EXCEEDED",
  aliases: "ALIAS_LIMIT_EXCEEDED",
  directives: "DIRECTIVE_LIMIT_EXCEEDED",
  tokens: "TOKEN_LIMIT_EXCEEDED",
  cost: "COST_LIMIT_EXCEEDED",
  bodyBytes: "REQUEST_TOO_LARGE",
} as const;

const limitError = (kind: keyof typeof limitCodes, message: string, status?: number) =>
  new GraphQLError(message, { extensions: { code: limitCodes[kind], ...(status ? { http: { status } } : {}) } });

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Walks a selection set through fragments (each fragment at most once per path, so cycles end), calling
 * `visit` for each field with its depth; returns the value `combine` builds bottom-up.
 */
function walk<T>(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  onField: (field: FieldNode, children: () => T[], depth: number, inIntrospection: boolean) => T,
  depth = 1,
  inIntrospection = false,
  path = new Set<string>(),
): T[] {
  const results: T[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const introspection = inIntrospection || selection.name.value === "__schema" || selection.name.value === "__type";
      const children = () =>
        selection.selectionSet ? walk(selection.selectionSet, fragments, onField, depth + 1, introspection, path) : [];
      results.push(onField(selection, children, depth, introspection));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      results.push(...walk(selection.selectionSet, fragments, onField, depth, inIntrospection, path));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || path.has(name)) continue;
      path.add(name);
      results.push(...walk(fragment.selectionSet, fragments, onField, depth, inIntrospection, path));
      path.delete(name);
    }
  }
  return results;
}

/** Deepest field nesting of an operation, counted apart for introspection. */
export function operationDepth(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>) {
  const deepest = { data: 0, introspection: 0 };
  walk<void>(operation.selectionSet, fragments, (_field, children, depth, introspection) => {
    const key = introspection ? "introspection" : "data";
    deepest[key] = Math.max(deepest[key], depth);
    children();
  });
  return deepest;
}

/** Estimated cost: 1 per field; a connection multiplies its selection by its page size. */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
) {
  const pageSize = (field: FieldNode): number | undefined => {
    for (const name of ["first", "last"]) {
      const arg = field.arguments?.find((a) => a.name.value === name);
      if (!arg) continue;
      const value = valueFromASTUntyped(arg.value, variables);
      // Out-of-range sizes are refused by the connection itself, with their own error.
      return typeof value === "number" && value > 0 ? Math.min(value, maxPageSize) : defaultPageSize;
    }
    const isConnection = field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "edges");
    return isConnection ? defaultPageSize : undefined;
  };
  const costs = walk<number>(operation.selectionSet, fragments, (field, children) => {
    const inner = children().reduce((sum, c) => sum + c, 0);
    return 1 + inner * (pageSize(field) ?? 1);
  });
  return costs.reduce((sum, c) => sum + c, 0);
}

function documentRule(limits: Limits) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = fragmentsOf(document);
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

/** By the declared length: the Lambda edge always declares it, and so do HTTP clients that send a body whole. */
function bodyTooLarge(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && Number(declared) > maxBytes;
}

export function useQueryLimits(limits: Limits): Plugin {
  const rule = documentRule(limits);
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (bodyTooLarge(request, limits.bodyBytes)) {
        const error = {
          message: `request body exceeds the limit of ${limits.bodyBytes} bytes`,
          extensions: { code: limitCodes.bodyBytes },
        };
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [error] }), { status: 413, headers: { "content-type": "application/json" } }),
        );
      }
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
      const fragments = fragmentsOf(document);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const operation = args.operationName ? operations.find((o) => o.name?.value === args.operationName) : operations[0];
      if (!operation) return;
      const cost = operationCost(operation, fragments, (args.variableValues ?? {}) as Record<string, unknown>);
      if (cost > limits.cost) {
        setResultAndStopExecution({ errors: [limitError("cost", `query cost ${cost} exceeds the limit of ${limits.cost}`)] });
      }
    },
  };
}
