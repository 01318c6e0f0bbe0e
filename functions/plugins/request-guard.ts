// Turns requests yoga would misread into clear 4xx answers before any GraphQL work:
// - CSRF: a browser can send a cross-site POST without a preflight only with a "simple" content type
//   (text/plain, form encodings). POST is accepted only as JSON, which a cross-site page cannot send unless
//   CORS agrees first. GET stays open: it is read-only and cacheable.
// - GET parameters `variables` and `extensions` must be JSON objects.
// - Parameters of the wrong type (`"query": 123`, `"operationName": {}`) are refused before anything reads them.
import { createGraphQLError, type Plugin } from "graphql-yoga";

const jsonTypes = ["application/json", "application/graphql-response+json"];

const refusal = (status: number, code: string, message: string) => createGraphQLError(message, { extensions: { code, http: { status } } });

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/** What each GraphQL parameter must be, when it is given at all. */
const parameterTypes: Record<string, { test: (value: unknown) => boolean; expected: string }> = {
  query: { test: (value) => typeof value === "string", expected: "a string" },
  operationName: { test: (value) => typeof value === "string", expected: "a string" },
  variables: { test: isObject, expected: "an object" },
  extensions: { test: isObject, expected: "an object" },
};

export function useRequestGuard(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method === "POST") {
        const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
        if (!jsonTypes.includes(type)) {
          const message = `POST bodies must be JSON (content-type: application/json), not "${type.slice(0, 100) || "none"}"`;
          throw refusal(415, "UNSUPPORTED_MEDIA_TYPE", message);
        }
        return;
      }
      if (request.method !== "GET") return;
      for (const name of ["variables", "extensions"]) {
        const text = url.searchParams.get(name);
        if (text === null || text === "") continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
        if (!isObject(value)) throw refusal(400, "BAD_REQUEST", `the ${name} parameter must be a JSON object`);
      }
    },
    onParams({ params }) {
      for (const [name, { test, expected }] of Object.entries(parameterTypes)) {
        const value = (params as Record<string, unknown>)[name];
        if (value !== undefined && value !== null && !test(value)) {
          throw refusal(400, "BAD_REQUEST", `the ${name} parameter must be ${expected}`);
        }
      }
    },
  };
}
