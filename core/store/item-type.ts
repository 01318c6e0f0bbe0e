// One declaration per kind of table item drives writing and reading it: how its key and its place in a list
// are made from what it is, and which attributes it carries. The sync writes items through it, the store
// reads them through it; neither spells a key nor casts what it reads (the idea of dynamodb-toolbox's Entity,
// in a few lines: the API bundle stays small).
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { latestIndex, listIndex, tableKeys } from "./table-definition";

/** An item's primary key: `{ pk, sk }`, named as the table definition names them. */
export type PrimaryKey = { [name in (typeof tableKeys)[keyof typeof tableKeys]]: string };

/** An item as the sync writes it, before marshalling: its keys and its attributes. */
export type TableItem = PrimaryKey & Record<string, unknown>;

export interface ItemDeclaration<Value, Identity> {
  /** Every attribute, named once; the compiler checks the list against `Value`. */
  attributes: { readonly [name in keyof Value]-?: true };
  /** The primary key, from what identifies the item. */
  key(identity: Identity): { partition: string; sort: string };
  /**
   * Its place in the list index, if the item is in a list; and, for an event's entry, its place in the
   * same list by latest day (the second index).
   */
  list?(item: Value, identity: Identity): { list: string; position: string; latestPosition?: string };
}

export interface ItemType<Value, Identity> {
  key(identity: Identity): PrimaryKey;
  /**
   * The item to write: its keys (table and list index) and its declared attributes, nothing else. The
   * identity is the value's own when the value holds it.
   */
  item(value: Value, ...identity: Value extends Identity ? [Identity?] : [Identity]): TableItem;
  /**
   * An item read back (unmarshalled), typed by the declaration it was written through. Not copied: the key
   * attributes ride along unread, and a page of items costs no more than reading it.
   */
  parse(item: Record<string, unknown>): Value;
  /** An item as DynamoDB returns it. */
  read(item: Record<string, AttributeValue>): Value;
  /** The attributes to project for reading only `names`, and the reader of what comes back. */
  projection<Name extends keyof Value & string>(
    names: readonly Name[],
  ): { expression: string; names: Record<string, string>; read(item: Record<string, AttributeValue>): Pick<Value, Name> };
}

export const primaryKey = (partition: string, sort: string) =>
  ({ [tableKeys.partitionKey]: partition, [tableKeys.sortKey]: sort }) as PrimaryKey;

/** The key in DynamoDB's wire format, e.g. for GetItem. */
export const wireKey = (key: PrimaryKey): Record<string, AttributeValue> => ({
  [tableKeys.partitionKey]: { S: key[tableKeys.partitionKey] },
  [tableKeys.sortKey]: { S: key[tableKeys.sortKey] },
});

/** The key of an item as DynamoDB returns it. */
export const readKey = (item: Record<string, AttributeValue>): PrimaryKey =>
  primaryKey(item[tableKeys.partitionKey]?.S ?? "", item[tableKeys.sortKey]?.S ?? "");

export function itemType<Value, Identity = Record<never, never>>(declaration: ItemDeclaration<Value, Identity>): ItemType<Value, Identity> {
  const names = Object.keys(declaration.attributes);
  const key = (identity: Identity): PrimaryKey => {
    const { partition, sort } = declaration.key(identity);
    return primaryKey(partition, sort);
  };
  // What comes back was written through `item` below, so it has the declared attributes.
  const parse = (item: Record<string, unknown>) => item as Value;
  return {
    key,
    item(value, ...identity) {
      // One object, filled in place: a sync makes tens of thousands of these.
      const id = (identity[0] ?? value) as Identity;
      const item: Record<string, unknown> = key(id);
      const place = declaration.list?.(value, id);
      if (place) {
        item[listIndex.partitionKey] = place.list;
        item[listIndex.sortKey] = place.position;
        if (place.latestPosition !== undefined) item[latestIndex.sortKey] = place.latestPosition;
      }
      for (const name of names) {
        const attribute = (value as Record<string, unknown>)[name];
        if (attribute !== undefined) item[name] = attribute;
      }
      return item as TableItem;
    },
    parse,
    read: (item) => parse(unmarshall(item)),
    projection(projected) {
      const expressionNames = Object.fromEntries(projected.map((name, i) => [`#p${i}`, name]));
      return {
        expression: Object.keys(expressionNames).join(", "),
        names: expressionNames,
        // DynamoDB returns the projected attributes only.
        read: (item) => unmarshall(item) as Pick<Value, (typeof projected)[number]>,
      };
    },
  };
}
