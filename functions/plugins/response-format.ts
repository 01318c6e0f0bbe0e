// Every GraphQL answer is one JSON document within a byte bound. Nothing here streams, so event streams and
// multipart responses are never chosen, and a client that accepts no JSON gets a short 406 (not a header
// echoing every type it asked for). An answer over the bound is replaced by an error that says so.
import { type Plugin, processRegularResult } from "graphql-yoga";

export const responseTooLargeCode = "RESPONSE_TOO_LARGE";

const jsonTypes = ["application/graphql-response+json", "application/json"] as const;

/** The JSON type to answer in: the first the Accept header allows (application/json for wildcards), if any. */
export function acceptedJsonType(accept: string | null): (typeof jsonTypes)[number] | undefined {
  if (!accept) return "application/json";
  for (const part of accept.split(",")) {
    const [type = "", ...parameters] = part.split(";").map((p) => p.trim().toLowerCase());
    const charset = parameters.find((p) => p.startsWith("charset="));
    if (charset && charset !== "charset=utf-8") continue;
    if (type === jsonTypes[0]) return jsonTypes[0];
    if (type === jsonTypes[1] || type === "application/*" || type === "*/*") return jsonTypes[1];
  }
  return undefined;
}

export function useResponseFormat({ maxBytes }: { maxBytes: number }): Plugin {
  return {
    onResultProcess({ request, setResultProcessor }) {
      const type = acceptedJsonType(request.headers.get("accept"));
      if (!type) {
        setResultProcessor(
          (_result, fetchAPI) =>
            new fetchAPI.Response(null, { status: 406, headers: { accept: jsonTypes.map((t) => `${t}; charset=utf-8`).join(", ") } }),
          "application/json",
        );
        return;
      }
      setResultProcessor(async (result, fetchAPI, acceptedType) => {
        const response = await processRegularResult(result, fetchAPI, acceptedType);
        const text = await response.text();
        // A character takes 1 to 3 bytes in UTF-8 (a surrogate pair 4 for 2): count exactly only near the bound.
        const bytes = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text);
        if (bytes <= maxBytes) return new fetchAPI.Response(text, { status: response.status, headers: response.headers });
        const error = {
          message: `the response would be ${bytes} bytes, over the limit of ${maxBytes}: ask for fewer fields, a smaller page (first) or a narrower filter`,
          extensions: { code: responseTooLargeCode },
        };
        return new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
          status: 400,
          headers: { "content-type": `${acceptedType}; charset=utf-8`, "cache-control": "no-store" },
        });
      }, type);
    },
  };
}
