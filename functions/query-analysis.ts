// How deep a GraphQL operation reaches and how much work it asks for, computed from the document alone.
// Each fragment is measured once per walk (memoized), so the work is bounded by the document's size, not by
// its expansion: a fragment spread twice at each of 30 levels costs 30 visits, not 2^30.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import { costExtension, listSizeExtension } from "../schema/cost";

export type Fragments = Map<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Folds a selection set bottom-up: `field` combines a field with the folded value of its own selection set,
 * `merge` combines siblings. A fragment's value is computed once per (fragment, mode) and reused at every
 * spread; a spread inside its own expansion (a cycle, which validation reports) contributes `empty`.
 */
function foldSelections<T, Mode extends string>(options: {
  fragments: Fragments;
  empty: T;
  merge: (a: T, b: T) => T;
  field: (field: FieldNode, child: T | undefined, mode: Mode, parent: GraphQLCompositeType | undefined) => T;
  /** The mode a field's selection set is folded in (e.g. inside introspection). */
  childMode: (field: FieldNode, mode: Mode) => Mode;
  /** The type a field's selection set selects from, when a schema is known. */
  childType?: (field: FieldNode, parent: GraphQLCompositeType | undefined) => GraphQLCompositeType | undefined;
  /** The type a fragment's type condition names, when a schema is known. */
  conditionType?: (name: string) => GraphQLCompositeType | undefined;
}) {
  const memo = new Map<string, T>();
  const visiting = new Set<string>();
  const fold = (selectionSet: SelectionSetNode, mode: Mode, parent: GraphQLCompositeType | undefined): T => {
    let value = options.empty;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet
          ? fold(selection.selectionSet, options.childMode(selection, mode), options.childType?.(selection, parent))
          : undefined;
        value = options.merge(value, options.field(selection, child, mode, parent));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? options.conditionType?.(selection.typeCondition.name.value) : parent;
        value = options.merge(value, fold(selection.selectionSet, mode, type));
      } else {
        const fragment = options.fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${mode}\0${fragment.name.value}`;
        let fragmentValue = memo.get(key);
        if (fragmentValue === undefined) {
          if (visiting.has(key)) continue;
          visiting.add(key);
          fragmentValue = fold(fragment.selectionSet, mode, options.conditionType?.(fragment.typeCondition.name.value));
          visiting.delete(key);
          memo.set(key, fragmentValue);
        }
        value = options.merge(value, fragmentValue);
      }
    }
    return value;
  };
  return fold;
}

export interface OperationDepth {
  /** Deepest nesting of data fields (a top-level field is 1). */
  data: number;
  /** Deepest nesting below __schema or __type, counted from the operation's root. */
  introspection: number;
}

const introspectionRoots = new Set(["__schema", "__type"]);

/** Deepest field nesting of an operation, counted apart for introspection. */
export function operationDepth(operation: OperationDefinitionNode, fragments: Fragments): OperationDepth {
  type Mode = "data" | "introspection";
  const fold = foldSelections<OperationDepth, Mode>({
    fragments,
    empty: { data: 0, introspection: 0 },
    merge: (a, b) => ({ data: Math.max(a.data, b.data), introspection: Math.max(a.introspection, b.introspection) }),
    childMode: (field, mode) => (mode === "introspection" || introspectionRoots.has(field.name.value) ? "introspection" : "data"),
    field: (field, child, mode) => {
      const below = child ?? { data: 0, introspection: 0 };
      if (mode === "introspection" || introspectionRoots.has(field.name.value)) {
        return { data: 0, introspection: 1 + Math.max(below.data, below.introspection) };
      }
      return { data: 1 + below.data, introspection: below.introspection > 0 ? 1 + below.introspection : 0 };
    },
  });
  return fold(operation.selectionSet, "data", undefined);
}

export interface CostOptions {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  /** Items a connection returns when neither `first` nor `last` is given. */
  defaultPageSize: number;
  /** The most a connection returns; larger sizes are refused by the connection itself. */
  maxPageSize: number;
}

/** A selection's cost, with what its `edges` cost apart: a connection multiplies only those by its page size. */
interface SelectionCost {
  fixed: number;
  perItem: number;
}

const itemFields = new Set(["edges", "nodes"]);

/**
 * Estimated work: each field costs its declared cost (default 1). A connection (a field whose type has
 * `edges`) multiplies the cost of its edges by its page size (`first`/`last`, from variables or their
 * defaults; 20 when unset) and counts its other fields (totalCount, pageInfo) once. A list field whose
 * length the content bounds (`related`, `citations`) multiplies its selection by that bound.
 */
export function operationCost(operation: OperationDefinitionNode, fragments: Fragments, options: CostOptions): number {
  const { schema } = options;
  const defaults = (operation.variableDefinitions ?? []).flatMap((definition) =>
    definition.defaultValue ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)] as const] : [],
  );
  const variables = { ...Object.fromEntries(defaults), ...options.variables };
  const fieldOf = (field: FieldNode, parent: GraphQLCompositeType | undefined) =>
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
  const isConnectionType = (type: GraphQLOutputType | undefined) => {
    const named = type ? getNamedType(type) : undefined;
    return named !== undefined && isObjectType(named) && "edges" in named.getFields();
  };
  const multiplier = (field: FieldNode, parent: GraphQLCompositeType | undefined): number => {
    for (const name of ["first", "last"]) {
      const argument = field.arguments?.find((a) => a.name.value === name);
      if (!argument) continue;
      const value = valueFromASTUntyped(argument.value, variables);
      // Unset, or not a size at all (refused by the connection itself): the connection's default.
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return options.defaultPageSize;
      return Math.min(Math.ceil(value), options.maxPageSize);
    }
    const definition = fieldOf(field, parent);
    const listSize = definition?.extensions?.[listSizeExtension];
    if (typeof listSize === "number") return listSize;
    if (isConnectionType(definition?.type)) return options.defaultPageSize;
    // A field the schema does not know (validation refuses it): judge by its selection.
    const selectsEdges = field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && itemFields.has(s.name.value));
    return selectsEdges ? options.defaultPageSize : 1;
  };
  const fold = foldSelections<SelectionCost, "any">({
    fragments,
    empty: { fixed: 0, perItem: 0 },
    merge: (a, b) => ({ fixed: a.fixed + b.fixed, perItem: a.perItem + b.perItem }),
    childMode: () => "any",
    childType: (field, parent) => {
      const type = fieldOf(field, parent)?.type;
      const named = type ? getNamedType(type) : undefined;
      return named && isCompositeType(named) ? named : undefined;
    },
    conditionType: (name) => {
      const type = schema.getType(name);
      return type && isCompositeType(type) ? type : undefined;
    },
    field: (field, child, _mode, parent) => {
      const definition = fieldOf(field, parent);
      const declared = definition?.extensions?.[costExtension];
      const below = child ?? { fixed: 0, perItem: 0 };
      const times = multiplier(field, parent);
      // A connection multiplies its edges only; a bounded list multiplies all it selects of each element.
      const repeated = typeof definition?.extensions?.[listSizeExtension] === "number" ? below.fixed + below.perItem : below.perItem;
      const once = typeof definition?.extensions?.[listSizeExtension] === "number" ? 0 : below.fixed;
      const cost = (typeof declared === "number" ? declared : 1) + once + repeated * times;
      return itemFields.has(field.name.value) ? { fixed: 0, perItem: cost } : { fixed: cost, perItem: 0 };
    },
  });
  const root = operation.operation === "query" ? schema.getQueryType() : undefined;
  const total = fold(operation.selectionSet, "any", root ?? undefined);
  return total.fixed + total.perItem;
}
