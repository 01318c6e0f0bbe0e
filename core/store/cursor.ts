// Opaque connection cursors: a position in a list (the item's keys, and its sort key in the index read),
// base64url-encoded JSON. A cursor names the index it was made in: one from another order is refused.
import { type ListIndex, listIndex, tableKeys } from "./table-definition";

export interface ListPosition {
  pk: string;
  sk: string;
  /** The item's sort key in the index read (the list index's `listSk`, or the latest index's `latestSk`). */
  listSk: string;
}

export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`invalid cursor "${cursor.slice(0, 80)}": pass a cursor returned by this connection, in the same order`);
    this.name = "InvalidCursorError";
  }
}

// A position in the list index is three strings (as cursors have always been); in another index, a fourth names it.
export function encodeCursor(position: ListPosition, index: ListIndex = listIndex): string {
  const keys = [position.pk, position.sk, position.listSk, ...(index === listIndex ? [] : [index.indexName])];
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

/** The position a cursor names, if it was made in `index`. */
export function decodeCursor(cursor: string, index: ListIndex = listIndex): ListPosition {
  try {
    if (cursor.length > 1024) throw new Error("too long");
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const length = index === listIndex ? 3 : 4;
    if (
      Array.isArray(value) &&
      value.length === length &&
      value.every((v) => typeof v === "string" && v.length > 0 && v.length < 1024) &&
      (length === 3 || value[3] === index.indexName)
    ) {
      return { pk: value[0], sk: value[1], listSk: value[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}

/** The index key DynamoDB expects as ExclusiveStartKey for a position in `list`. */
export function startKeyFor(list: string, position: ListPosition, index: ListIndex = listIndex) {
  return {
    [index.partitionKey]: { S: list },
    [index.sortKey]: { S: position.listSk },
    [tableKeys.partitionKey]: { S: position.pk },
    [tableKeys.sortKey]: { S: position.sk },
  };
}
