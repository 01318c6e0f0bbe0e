// Lambda Function URL / API Gateway v2 (payload 2.0) events to Fetch API requests and back.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** A request that HTTP cannot carry (a header value outside Latin-1, a control character): the client's fault. */
export class MalformedRequestError extends Error {}

// What a header value may hold in HTTP: visible Latin-1 characters, spaces and tabs.
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

export function requestFromEvent(event: APIGatewayProxyEventV2): Request {
  try {
    return fetchRequestOf(event);
  } catch (error) {
    if (error instanceof MalformedRequestError) throw error;
    // Anything else the Fetch API refuses (a method such as TRACE, a header name it rejects, a path that is
    // no URL path, a body that is not text) is the client's request, not a fault of the function.
    const method = String(event.requestContext?.http?.method ?? "GET").slice(0, 20);
    throw new MalformedRequestError(`the request (${method}) cannot be read: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
  }
}

function fetchRequestOf(event: APIGatewayProxyEventV2): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value === undefined) continue;
    if (!headerValue.test(value)) {
      throw new MalformedRequestError(
        `the ${name.slice(0, 100)} header holds characters HTTP headers cannot carry (outside Latin-1, or control characters)`,
      );
    }
    headers.set(name, value);
  }
  // Cookies are not passed on: nothing reads them, and the content is the same for everyone.
  // Nothing reads the URL's host, and clients can forge Host and X-Forwarded-Host: the function's own domain
  // (AWS's, never the client's) names it.
  const domain = event.requestContext?.domainName ?? "";
  const host = /^[a-z0-9.-]{1,253}$/i.test(domain) ? domain : "localhost";
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const method = event.requestContext?.http?.method ?? "GET";
  const hasBody = event.body !== undefined && event.body !== null && method !== "GET" && method !== "HEAD";
  const body = hasBody ? Buffer.from(event.body as string, event.isBase64Encoded ? "base64" : "utf8") : undefined;
  // The body is whole in the event: declare its length, so limits can refuse it before it is parsed.
  if (body) headers.set("content-length", String(body.byteLength));
  const path = event.rawPath || "/";
  if (!path.startsWith("/")) throw new MalformedRequestError("the request path must start with /");
  return new Request(`https://${host}${path}${query}`, { method, headers, body });
}

/** The answer to a request that could not be read. */
export function malformedRequestResult(error: MalformedRequestError): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 400,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify({ errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] }),
  };
}

const textTypes = /^(text\/|application\/(json|graphql-response\+json|javascript|xml)|image\/svg)/;

export async function resultFromResponse(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  return resultOf(response.status, headers, Buffer.from(await response.arrayBuffer()), response.headers.getSetCookie());
}

/** A result from a status, headers (lower-case names), bytes and cookies: text as UTF-8, anything else as base64. */
export function resultOf(
  statusCode: number,
  headerList: [string, string][],
  bytes: Buffer,
  cookies: string[] = [],
): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of headerList) {
    const lower = name.toLowerCase();
    if (lower !== "set-cookie") headers[lower] = value;
  }
  const type = headers["content-type"] ?? "";
  const binary = type !== "" && !textTypes.test(type);
  return {
    statusCode,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body: binary ? bytes.toString("base64") : bytes.toString("utf8"),
    isBase64Encoded: binary,
  };
}
