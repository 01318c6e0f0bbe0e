// Stands in for `@whatwg-node/fetch` in the functions' bundles: Node 22's own Fetch API, which the handler
// builds its Request with already (functions/function-url.ts), in place of the `@whatwg-node/node-fetch`
// ponyfill (and its multipart parser) that would be loaded beside it; and URLPattern's stand-in.
import { URLPattern } from "./url-pattern";

const native = {
  fetch: globalThis.fetch,
  Headers: globalThis.Headers,
  Request: globalThis.Request,
  Response: globalThis.Response,
  FormData: globalThis.FormData,
  ReadableStream: globalThis.ReadableStream,
  WritableStream: globalThis.WritableStream,
  TransformStream: globalThis.TransformStream,
  CompressionStream: globalThis.CompressionStream,
  DecompressionStream: globalThis.DecompressionStream,
  TextDecoderStream: globalThis.TextDecoderStream,
  TextEncoderStream: globalThis.TextEncoderStream,
  Blob: globalThis.Blob,
  File: globalThis.File,
  crypto: globalThis.crypto,
  btoa: globalThis.btoa,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
  URLPattern,
  URL: globalThis.URL,
  URLSearchParams: globalThis.URLSearchParams,
};

export const {
  fetch,
  Headers,
  Request,
  Response,
  FormData,
  ReadableStream,
  WritableStream,
  TransformStream,
  CompressionStream,
  DecompressionStream,
  TextDecoderStream,
  TextEncoderStream,
  Blob,
  File,
  crypto,
  btoa,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
} = native;
export { URLPattern };

/** The same Fetch API, whatever is asked of it (multipart limits among them: no function reads multipart bodies). */
export const createFetch = () => native;
