// The Fetch API for the Lambda bundle: Node's own (Node 22 has every class yoga uses), standing in for
// @whatwg-node/fetch's ponyfill, which would add its own implementation and a multipart parser to every
// cold start. esbuild swaps it in (infra/function-bundling.ts); tests run the shipped bundle.
import { URLPattern } from "urlpattern-polyfill";

export const fetch = globalThis.fetch;
export const Headers = globalThis.Headers;
export const Request = globalThis.Request;
export const Response = globalThis.Response;
export const FormData = globalThis.FormData;
export const ReadableStream = globalThis.ReadableStream;
export const WritableStream = globalThis.WritableStream;
export const TransformStream = globalThis.TransformStream;
export const CompressionStream = globalThis.CompressionStream;
export const DecompressionStream = globalThis.DecompressionStream;
export const TextDecoderStream = globalThis.TextDecoderStream;
export const TextEncoderStream = globalThis.TextEncoderStream;
export const Blob = globalThis.Blob;
export const File = globalThis.File;
export const crypto = globalThis.crypto;
export const btoa = globalThis.btoa;
export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
export { URLPattern };
export const createFetch = () => ({
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
  URLPattern,
});
