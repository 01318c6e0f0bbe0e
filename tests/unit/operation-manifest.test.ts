// The persisted-operation manifest the GraphQL function ships: current with the documents front-ends send,
// keyed as a client computes the key, and valid against the schema.
import { readFile } from "node:fs/promises";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { operationManifestPath, printedOperationManifest, shippedDocuments } from "../../cli/operation-documents";
import {
  buildOperationManifest,
  operationHash,
  operationManifestFromJson,
  operationManifestJson,
} from "../../core/operations/operation-manifest";
import { exampleTabs } from "../../functions/example-query";
import { documentText } from "../../preview/src/document-text";
import * as previewQueries from "../../preview/src/queries";
import { schema } from "../../schema/index";

/** SHA-256 in hex as a browser computes it (Web Crypto), the way a front-end derives the key. */
async function browserHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("the persisted-operation manifest", () => {
  it(`is current: regenerating it from the documents front-ends ship gives the committed ${operationManifestPath} (npm run operations:manifest)`, async () => {
    expect(await readFile(operationManifestPath, "utf8")).toBe(printedOperationManifest());
  });

  it("holds each of the preview's queries as the page prints it, and each GraphiQL example as written", () => {
    const manifest = operationManifestFromJson(JSON.parse(printedOperationManifest()));
    const expected = [...Object.values(previewQueries).map((query) => documentText(query)), ...exampleTabs.map((tab) => tab.query)];
    expect(Object.keys(previewQueries).length).toBeGreaterThanOrEqual(5);
    for (const text of expected) expect(manifest.get(operationHash(text)), text.slice(0, 60)).toBe(text);
    expect(manifest.size).toBe(new Set(expected).size);
  });

  it("keys a document by the SHA-256 of its exact text in lowercase hex, as a browser's Web Crypto computes it", async () => {
    for (const text of ["{ __typename }", "{ __typename }\n", 'query Ł { event(slug: "szturm") { title } }', ...shippedDocuments()]) {
      expect(operationHash(text)).toBe(await browserHash(text));
    }
    expect(operationHash("{ __typename }")).not.toBe(operationHash("{ __typename }\n"));
  });

  it("is valid against the schema, document by document", () => {
    const invalid = shippedDocuments().flatMap((text) =>
      validate(schema, parse(text)).map((error) => `${text.split("\n").find((line) => !line.startsWith("#"))}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it("is written ordered by hash, the same whatever order the documents come in", () => {
    const documents = ["{ a }", "{ b }", "{ c }", "{ a }"];
    const text = operationManifestJson(buildOperationManifest(documents));
    expect(operationManifestJson(buildOperationManifest([...documents].reverse()))).toBe(text);
    const hashes = Object.keys(JSON.parse(text));
    expect(hashes).toEqual([...hashes].sort());
    expect(hashes).toHaveLength(3);
  });

  it("refuses an entry that is not the document under its own hash, a hand edit the function must not serve", () => {
    const good = { [operationHash("{ a }")]: "{ a }" };
    expect(operationManifestFromJson(good)).toEqual(new Map(Object.entries(good)));
    expect(() => operationManifestFromJson({ [operationHash("{ a }")]: "{ b }" })).toThrow(/not a document under its own SHA-256/);
    expect(() => operationManifestFromJson({ [operationHash("{ a }")]: 1 })).toThrow(/not a document under its own SHA-256/);
    expect(() => operationManifestFromJson(["{ a }"])).toThrow(/not a JSON object/);
  });
});
