// npm run operations:manifest — rewrites functions/persisted-operations.json, the persisted operations the API
// serves by hash, from the documents front-ends ship (cli/operation-documents.ts).
import { writeFile } from "node:fs/promises";
import { buildOperationManifest } from "../core/operations/operation-manifest";
import { operationManifestPath, printedOperationManifest, shippedDocuments } from "./operation-documents";

await writeFile(operationManifestPath, printedOperationManifest());
console.log(`wrote ${operationManifestPath}: ${buildOperationManifest(shippedDocuments()).size} operations`);
