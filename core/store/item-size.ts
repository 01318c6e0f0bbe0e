// The size of an item as DynamoDB counts it against its 400 KB limit: attribute names and values in UTF-8,
// numbers by their significant digits, and a few bytes of overhead per list, map and element.
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html)
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/** DynamoDB's largest item: 400 KB, attribute names included. */
export const maxItemBytes = 400 * 1024;

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * About one byte per two digits, plus one, and one more for a sign; counted generously (trailing zeros kept,
 * a digit more for a decimal point's alignment), so the estimate is never below DynamoDB's own.
 */
function numberBytes(text: string): number {
  const digits = text
    .replace(/[eE].*$/, "")
    .replace(/[^0-9]/g, "")
    .replace(/^0+/, "");
  return Math.ceil((digits.length + 1) / 2) + 1 + (text.startsWith("-") ? 1 : 0);
}

export function attributeValueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Bytes(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8Bytes(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return value.L.reduce((sum, element) => sum + 1 + attributeValueBytes(element), 3);
  if (value.M !== undefined) {
    return Object.entries(value.M).reduce((sum, [name, element]) => sum + utf8Bytes(name) + 1 + attributeValueBytes(element), 3);
  }
  throw new Error(`unknown DynamoDB attribute value: ${Object.keys(value).join(", ")}`);
}

/** The item's size: each attribute's name and value. */
export function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8Bytes(name) + attributeValueBytes(value), 0);
}
