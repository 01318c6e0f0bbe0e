// The renditions in `npm start`, at /media/<key>, from the folder the local sync writes them to. A key must
// match the one pattern a rendition key has (so `..`, encoded slashes and anything else are a 404 before a
// path is made), the file is opened without following a link, and responses carry the headers CloudFront
// gives them in the stack: a year of immutable caching, nosniff and, for SVG above all, a restrictive CSP.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { contentTypeOf, type ImageFormat, imageFormats, renditionExtension } from "../core/media/image-format";
import { renditionKeyPattern } from "../core/media/rendition-plan";
import { mediaContentSecurityPolicy, mediaPath, renditionCacheControl } from "../core/media/serving";

/** Where `npm start` keeps renditions, beside its other local state. */
export const localMediaDir = (cwd = process.cwd()) => path.join(cwd, ".kronika", "media");

const formatOfExtension = new Map<string, ImageFormat>(imageFormats.map((format) => [renditionExtension[format], format]));

const notFound = (response: ServerResponse) => {
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
  response.end("no such rendition\n");
};

/** Answers GET and HEAD under /media/; false for any other path. */
export function serveMedia(root: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(`${mediaPath}/`)) return false;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" });
      response.end();
      return true;
    }
    const key = url.pathname.slice(mediaPath.length + 1);
    if (!renditionKeyPattern.test(key)) {
      notFound(response);
      return true;
    }
    const format = formatOfExtension.get(key.slice(key.lastIndexOf(".") + 1)) as ImageFormat;
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(path.join(root, ...key.split("/")), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      const bytes = await handle.readFile();
      response.writeHead(200, {
        "content-type": contentTypeOf[format],
        "content-length": bytes.length,
        "cache-control": renditionCacheControl,
        "x-content-type-options": "nosniff",
        "content-security-policy": mediaContentSecurityPolicy,
        "cross-origin-resource-policy": "cross-origin",
      });
      response.end(request.method === "HEAD" ? undefined : bytes);
    } catch {
      notFound(response);
    } finally {
      await handle?.close();
    }
    return true;
  };
}
