// How much content fits in the table. An event is one DynamoDB item (at most 400 KiB, names included) that
// holds its body three times over (Markdown, HTML and plain text), in every language it is written in.
import { maxItemBytes } from "../store/item-size";
import { renderBody } from "./markdown";

/** Room in an event's item for all but its bodies: keys, fields, lists, notes and formatted citations. */
export const reservedItemBytes = 100 * 1024;

/** An event's bodies as stored, all languages together: 300 KiB, the item's 400 KiB less the reserve. */
export const maxStoredBodyBytes = maxItemBytes - reservedItemBytes;

/**
 * A content file: 128 KiB. A body of plain prose reaches the body budget at about 100 KiB (it is stored three
 * times over); this leaves room for front matter, and the loader does not read a larger file at all.
 */
export const maxFileBytes = 128 * 1024;

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * The most a body rendered by markdown-it (as core/content/markdown.ts sets it up) takes as stored, per byte
 * of its Markdown. Measured, a byte becomes at most about 15: a blockquote marker nested as deep as
 * markdown-it allows, or 8 for an escaped quote with its text; 32 leaves room.
 */
const boundedExpansion = 32;

/**
 * The most a body can take as stored, known from its Markdown's size without rendering it; undefined where
 * no such bound holds: a table (a header of many columns pads every row) or a link reference definition (one
 * URL repeated by every use of it).
 */
export function storedBodyBytesBound(markdown: string): number | undefined {
  if (markdown.includes("|") || markdown.includes("]:")) return undefined;
  return utf8Bytes(markdown) * boundedExpansion;
}

/** A body's size as stored: its Markdown, its HTML and its plain text. */
export function storedBodyBytes(markdown: string): number {
  const { html, text } = renderBody(markdown);
  return utf8Bytes(markdown) + utf8Bytes(html) + utf8Bytes(text);
}
