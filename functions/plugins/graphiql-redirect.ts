// On the deployed stack GraphiQL is a static site beside the API: a browser opening the endpoint is sent there.
import type { Plugin } from "graphql-yoga";

export function useGraphiqlRedirect(location: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const browser = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
      if (browser && !url.searchParams.has("query")) {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location, "cache-control": "no-store" } }));
      }
    },
  };
}
