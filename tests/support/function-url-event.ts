// Lambda Function URL events as AWS sends them (payload format 2.0).
import type { APIGatewayProxyEventV2 } from "aws-lambda";

export function functionUrlEvent(options: {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  base64?: boolean;
  cookies?: string[];
}): APIGatewayProxyEventV2 {
  const method = options.method ?? "GET";
  const domainName = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws";
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: options.path ?? "/graphql",
    rawQueryString: options.query ?? "",
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers: {
      host: domainName,
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      "x-forwarded-for": "203.0.113.7",
      "user-agent": "vitest",
      accept: "application/graphql-response+json, application/json",
      "x-amzn-trace-id": "Root=1-67890abc-1234567890abcdef12345678",
      ...options.headers,
    },
    queryStringParameters: options.query ? Object.fromEntries(new URLSearchParams(options.query)) : undefined,
    requestContext: {
      accountId: "anonymous",
      apiId: "abcdefghijklmnopqrstuvwxyz012345",
      domainName,
      domainPrefix: "abcdefghijklmnopqrstuvwxyz012345",
      http: { method, path: options.path ?? "/graphql", protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "vitest" },
      requestId: "6f2f1d6e-0d5c-4b8e-9a52-1f7b5a9c2e11",
      routeKey: "$default",
      stage: "$default",
      time: "26/Nov/2026:17:00:00 +0000",
      timeEpoch: 1795712400000,
    },
    ...(options.body !== undefined ? { body: options.base64 ? Buffer.from(options.body).toString("base64") : options.body } : {}),
    isBase64Encoded: Boolean(options.base64),
  } as APIGatewayProxyEventV2;
}
