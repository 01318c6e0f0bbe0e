// The search index as chunks of text for table items: gzipped JSON in base64, each chunk below DynamoDB's item
// limit, so the API loads the index with one Query (no Scan). The items are declared in core/store/items.ts.
import { gunzipSync, gzipSync } from "node:zlib";
import type { SearchIndex } from "./search-index";

/** Below DynamoDB's 400 KB item limit, with room for the keys. */
const chunkCharacters = 300_000;

/**
 * gzip's level: 4 compresses the index of 10,000 events about 6% less than the default 6, in about half the
 * time (a sync after an edit writes the whole index again).
 */
const compressionLevel = 4;

/** The index as chunks, in order. */
export function indexChunks(index: SearchIndex): string[] {
  // Stored as JSON, the terms a JSON object: fromEntries and JSON.parse keep "__proto__" an own key.
  const json = JSON.stringify({ ...index, terms: Object.fromEntries(index.terms) });
  const encoded = gzipSync(json, { level: compressionLevel }).toString("base64");
  const count = Math.max(1, Math.ceil(encoded.length / chunkCharacters));
  return Array.from({ length: count }, (_, i) => encoded.slice(i * chunkCharacters, (i + 1) * chunkCharacters));
}

/** The index from its chunks, in order. */
export function indexFromChunks(chunks: string[]): SearchIndex {
  const encoded = chunks.join("");
  const stored = JSON.parse(gunzipSync(Buffer.from(encoded, "base64")).toString("utf8")) as Omit<SearchIndex, "terms"> & {
    terms: Record<string, [number, number][]>;
  };
  return { ...stored, terms: new Map(Object.entries(stored.terms)) };
}
