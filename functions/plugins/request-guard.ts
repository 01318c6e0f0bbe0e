// Turns requests yoga would misread into clear 4xx answers before any GraphQL work:
// - CSRF: a browser can send a cross-site POST without a preflight only with a "simple" content type
//   (text/plain, form encodings). POST is accepted only as JSON, which a cross-site page cannot send unless
//   CORS agrees first. GET stays open: it is read-only and cacheable.
// - GET parameters `variables` and `extensions` must be JSON objects.
import type { Plugin } from "graphql-yoga";

const jsonTypes = ["application/json", "application/graphql-response+json"];

const reject = (fetchAPI: { Response: typeof Response }, status: number, code: string, message: string) =>
  new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json" },
  });

export function useRequestGuard(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method === "POST") {
        const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
        if (!jsonTypes.includes(type)) {
          endResponse(
            reject(
              fetchAPI,
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              `POST bodies must be JSON (content-type: application/json), not "${type || "none"}"`,
            ),
          );
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
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          endResponse(reject(fetchAPI, 400, "BAD_REQUEST", `the ${name} parameter must be a JSON object`));
          return;
        }
      }
    },
  };
}
