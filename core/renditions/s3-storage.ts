// Renditions in an S3 bucket, through its REST API signed with Signature Version 4 (core/store/sigv4.ts):
// three calls (HEAD, PUT, DELETE) do not need an SDK. Each object carries the Cache-Control and Content-Type
// CloudFront serves it with.
import { createHash } from "node:crypto";
import { renditionCacheControl } from "../media/serving";
import { type SignedEndpoint, signRequest } from "../store/sigv4";
import { checkedKey, type MediaStorage } from "./media-storage";

/** The bucket's region and credentials; another endpoint (a stand-in in tests) is addressed path-style: <endpoint>/<bucket>/<key>. */
export interface S3StorageOptions extends SignedEndpoint {
  bucket: string;
  /** Objects are written under this prefix, which CloudFront's /media/* behaviour maps them from. */
  prefix?: string;
}

/** The key prefix of renditions in the bucket: the URL path /media/<key> is the object media/<key>. */
export const s3MediaPrefix = "media/";

export function s3Storage(options: S3StorageOptions): MediaStorage {
  const prefix = options.prefix ?? s3MediaPrefix;
  const urlOf = (key: string) =>
    new URL(
      options.endpoint
        ? `${options.endpoint.replace(/\/$/, "")}/${options.bucket}/${prefix}${checkedKey(key)}`
        : `https://${options.bucket}.s3.${options.region}.amazonaws.com/${prefix}${checkedKey(key)}`,
    );
  const send = async (method: string, key: string, body: Uint8Array = new Uint8Array(), headers: Record<string, string> = {}) => {
    const url = urlOf(key);
    const signed = signRequest(
      { method, url, headers: { ...headers, "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") }, body },
      options.credentials,
      { region: options.region, service: "s3" },
      options.now?.() ?? new Date(),
    );
    const { host: _host, ...sent } = signed;
    return fetch(url, { method, headers: sent, ...(method === "PUT" ? { body: new Blob([body as Uint8Array<ArrayBuffer>]) } : {}) });
  };
  const fail = async (what: string, key: string, response: Response) => {
    throw new Error(`S3 ${what} ${options.bucket}/${prefix}${key}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  };
  return {
    description: `s3://${options.bucket}/${prefix}`,
    async has(key) {
      const response = await send("HEAD", key);
      if (response.status === 404) return false;
      if (!response.ok) await fail("HEAD", key, response);
      return true;
    },
    async put(key, bytes, contentType) {
      const response = await send("PUT", key, bytes, { "content-type": contentType, "cache-control": renditionCacheControl });
      if (!response.ok) await fail("PUT", key, response);
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) await fail("DELETE", key, response);
    },
  };
}
