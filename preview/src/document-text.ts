// The text the preview sends for a document. The API's persisted-operation manifest (npm run
// operations:manifest) is built from this same text, so the hash the page computes is one the API knows.
import { type DocumentNode, print } from "@0no-co/graphql.web";

export const documentText = (document: DocumentNode): string => print(document);
