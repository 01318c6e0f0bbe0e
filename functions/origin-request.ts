// Lambda@Edge, on each request CloudFront sends to the GraphQL function (origin request, with the body).
// CloudFront signs those requests with origin access control (SigV4), and a Function URL accepts no
// unsigned payload: a POST must carry its body's SHA-256 in x-amz-content-sha256. Clients cannot be asked
// to send it, so it is computed here. Methods the API does not serve are refused here too, as CloudFront
// offers no method set with POST but without PUT, PATCH and DELETE.
import { createHash } from "node:crypto";
import type { CloudFrontRequestEvent, CloudFrontRequestResult, CloudFrontResultResponse } from "aws-lambda";

export const allowedMethods = ["GET", "HEAD", "OPTIONS", "POST"];
const contentHashHeader = "x-amz-content-sha256";

export async function handler(event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> {
  const request = event.Records[0].cf.request;
  if (!allowedMethods.includes(request.method)) {
    return refusal("405", "Method Not Allowed", { allow: [{ key: "Allow", value: allowedMethods.join(", ") }] });
  }
  // A viewer's own value would only make the signature fail: a 403 that CloudFront might cache for others.
  delete request.headers[contentHashHeader];
  if (request.method !== "POST") return request;
  // CloudFront passes at most 1 MB of body; a hash of part of a body would be signed as if it were the whole.
  if (request.body?.inputTruncated) return refusal("413", "Payload Too Large");
  const body = Buffer.from(request.body?.data ?? "", request.body?.encoding === "text" ? "utf8" : "base64");
  request.headers[contentHashHeader] = [{ key: contentHashHeader, value: createHash("sha256").update(body).digest("hex") }];
  return request;
}

function refusal(status: string, statusDescription: string, headers: CloudFrontResultResponse["headers"] = {}): CloudFrontResultResponse {
  return {
    status,
    statusDescription,
    headers: {
      ...headers,
      "cache-control": [{ key: "Cache-Control", value: "no-store" }],
      "content-type": [{ key: "Content-Type", value: "text/plain; charset=utf-8" }],
    },
    body: `${status} ${statusDescription}\n`,
  };
}
