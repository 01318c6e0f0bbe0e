// AWS Signature Version 4 for one request with a body, as DynamoDB's JSON API and S3 take it: the headers to send,
// with Authorization. Pure: the clock and the credentials come in.
import { createHash, createHmac } from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where a signed call goes and as whom: what every SigV4 client of Kronika's (DynamoDB, EventBridge, S3) takes. */
export interface SignedEndpoint {
  region: string;
  /** Another endpoint (a local emulator, a test's stand-in); default: the service's regional endpoint. */
  endpoint?: string;
  credentials: Credentials;
  /** The signing time (default: now). */
  now?: () => Date;
}

/** How a signed client retries: attempts in all, each bounded in time however the server trickles its answer. */
export interface SignedAttempts {
  maxAttempts?: number;
  attemptTimeoutMs?: number;
}

export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Text (UTF-8), or bytes (an S3 object). */
  body: string | Uint8Array;
}

const sha256Hex = (data: string | Uint8Array) =>
  (typeof data === "string" ? createHash("sha256").update(data, "utf8") : createHash("sha256").update(data)).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** 20150830T123600Z and 20150830, from a Date. */
export function amzDate(now: Date): { dateTime: string; date: string } {
  const dateTime = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return { dateTime, date: dateTime.slice(0, 8) };
}

const encodePath = (path: string) =>
  path
    .split("/")
    .map((segment) =>
      encodeURIComponent(decodeURIComponent(segment)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join("/");

const canonicalQuery = (params: URLSearchParams) =>
  [...params]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");

export function signRequest(
  request: SignableRequest,
  credentials: Credentials,
  scope: { region: string; service: string },
  now: Date,
): Record<string, string> {
  const { dateTime, date } = amzDate(now);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    "x-amz-date": dateTime,
    ...(credentials.sessionToken ? { "x-amz-security-token": credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lowered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const canonicalHeaders = names.map((name) => `${name}:${lowered[name].trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    request.method,
    encodePath(request.url.pathname || "/"),
    canonicalQuery(request.url.searchParams),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(request.body),
  ].join("\n");
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", dateTime, credentialScope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), scope.region), scope.service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
