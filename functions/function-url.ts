// Lambda Function URL / API Gateway v2 (payload 2.0) events to Fetch API requests and back.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export function requestFromEvent(event: APIGatewayProxyEventV2): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set("cookie", event.cookies.join("; "));
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? event.requestContext?.domainName ?? "localhost";
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const method = event.requestContext?.http?.method ?? "GET";
  const hasBody = event.body !== undefined && event.body !== null && method !== "GET" && method !== "HEAD";
  const body = hasBody ? Buffer.from(event.body as string, event.isBase64Encoded ? "base64" : "utf8") : undefined;
  // The body is whole in the event: declare its length, so limits can refuse it before it is parsed.
  if (body) headers.set("content-length", String(body.byteLength));
  return new Request(`https://${host}${event.rawPath || "/"}${query}`, { method, headers, body });
}

const textTypes = /^(text\/|application\/(json|graphql-response\+json|javascript|xml)|image\/svg)/;

export async function resultFromResponse(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower !== "set-cookie") headers[lower] = value;
  });
  const cookies = response.headers.getSetCookie();
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  const binary = type !== "" && !textTypes.test(type);
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body: binary ? bytes.toString("base64") : bytes.toString("utf8"),
    isBase64Encoded: binary,
  };
}
