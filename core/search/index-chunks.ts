// The search index as table items: gzipped JSON in base64 chunks under one revision, so the API loads it
// with one Query (no Scan) and a new revision's index never mixes with an old one.
import { gunzipSync, gzipSync } from "node:zlib";
import type { SearchIndex } from "./search-index";

export const searchPartition = "SEARCH";
/** Below DynamoDB's 400 KB item limit, with room for the keys. */
const chunkCharacters = 300_000;

export function indexChunkItems(revisionId: string, index: SearchIndex): Record<string, unknown>[] {
  // Stored as JSON, the terms a JSON object: fromEntries and JSON.parse keep "__proto__" an own key.
  const encoded = gzipSync(JSON.stringify({ ...index, terms: Object.fromEntries(index.terms) })).toString("base64");
  const count = Math.max(1, Math.ceil(encoded.length / chunkCharacters));
  return Array.from({ length: count }, (_, i) => ({
    pk: searchPartition,
    sk: `${revisionId}#${String(i).padStart(4, "0")}`,
    data: encoded.slice(i * chunkCharacters, (i + 1) * chunkCharacters),
  }));
}

/** The index from its chunks, in key order. */
export function indexFromChunks(chunks: { sk: string; data: string }[]): SearchIndex {
  const encoded = [...chunks]
    .sort((a, b) => a.sk.localeCompare(b.sk))
    .map((c) => c.data)
    .join("");
  const stored = JSON.parse(gunzipSync(Buffer.from(encoded, "base64")).toString("utf8")) as Omit<SearchIndex, "terms"> & {
    terms: Record<string, [number, number][]>;
  };
  return { ...stored, terms: new Map(Object.entries(stored.terms)) };
}
