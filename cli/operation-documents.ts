// The GraphQL documents front-ends ship, as the text they send: the preview's queries (preview/src/queries.ts,
// printed as the page prints them) and GraphiQL's example tabs. The persisted-operation manifest is built from them.
import { buildOperationManifest, operationManifestJson } from "../core/operations/operation-manifest";
import { exampleTabs } from "../functions/example-query";
import { documentText } from "../preview/src/document-text";
import * as previewQueries from "../preview/src/queries";

/** The committed manifest the GraphQL function bundles (functions/app.ts imports it). */
export const operationManifestPath = "functions/persisted-operations.json";

export function shippedDocuments(): string[] {
  return [...Object.values(previewQueries).map((query) => documentText(query)), ...exampleTabs.map((tab) => tab.query)];
}

/** The manifest file's text, as `npm run operations:manifest` writes it. */
export function printedOperationManifest(): string {
  return operationManifestJson(buildOperationManifest(shippedDocuments()));
}
