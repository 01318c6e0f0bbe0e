// Opaque connection cursors: a position in a list (the item's keys), base64url-encoded JSON.
import { listIndex, tableKeys } from "./table-definition";

export interface ListPosition {
  pk: string;
  sk: string;
  listSk: string;
}

export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`invalid cursor "${cursor.slice(0, 80)}": pass a cursor returned by this connection`);
    this.name = "InvalidCursorError";
  }
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.pk, position.sk, position.listSk])).toString("base64url");
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    if (cursor.length > 1024) throw new Error("too long");
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === "string" && v.length > 0 && v.length < 1024)) {
      return { pk: value[0], sk: value[1], listSk: value[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}

/** The index key DynamoDB expects as ExclusiveStartKey for a position in `list`. */
export function startKeyFor(list: string, position: ListPosition) {
  return {
    [listIndex.partitionKey]: { S: list },
    [listIndex.sortKey]: { S: position.listSk },
    [tableKeys.partitionKey]: { S: position.pk },
    [tableKeys.sortKey]: { S: position.sk },
  };
}
