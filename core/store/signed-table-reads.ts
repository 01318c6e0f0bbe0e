// The table reads as signed HTTPS requests to DynamoDB's JSON API, without the AWS SDK: what the GraphQL
// function uses, so that a cold start loads and runs a fraction of the code. Credentials come from the
// environment, as Lambda provides them; throttling, 5xx and dropped connections are retried with backoff.
import http from "node:http";
import https from "node:https";
import { type Credentials, signRequest } from "./sigv4";
import { environment, localCredentials } from "./table-definition";
import type { TableReads } from "./table-reads";

export interface SignedReadsOptions {
  region: string;
  /** E.g. http://localhost:8000 for DynamoDB Local; default: DynamoDB's regional endpoint. */
  endpoint?: string;
  credentials: Credentials;
  maxAttempts?: number;
  /** An attempt fails when its connection has been idle this long (default 2000 ms). */
  timeoutMs?: number;
  now?: () => Date;
}

/** An error DynamoDB answered with: `name` is the exception's name, as the SDK names it. */
export class DynamoDbError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = name;
  }
}

const retryableNames = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "LimitExceededException",
]);

const isRetryable = (error: unknown) =>
  error instanceof DynamoDbError ? error.statusCode >= 500 || retryableNames.has(error.name) : !(error instanceof SyntaxError);

export function signedTableReads(options: SignedReadsOptions): TableReads {
  const url = new URL(options.endpoint ?? `https://dynamodb.${options.region}.amazonaws.com/`);
  const secure = url.protocol === "https:";
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 2000;

  const once = (operation: string, body: string) =>
    new Promise<unknown>((resolve, reject) => {
      const headers = signRequest(
        {
          method: "POST",
          url,
          headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": `DynamoDB_20120810.${operation}` },
          body,
        },
        options.credentials,
        { region: options.region, service: "dynamodb" },
        options.now?.() ?? new Date(),
      );
      const request = (secure ? https : http).request(
        url,
        { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, timeout: timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (response.statusCode === 200) {
              try {
                resolve(JSON.parse(text));
              } catch (error) {
                reject(error);
              }
              return;
            }
            let parsed: { __type?: string; message?: string; Message?: string } = {};
            try {
              parsed = JSON.parse(text);
            } catch {
              // Not JSON (e.g. a proxy's error page): the status says enough.
            }
            const name = parsed.__type?.split("#").pop() || `HTTP${response.statusCode}`;
            reject(new DynamoDbError(name, parsed.message ?? parsed.Message ?? text.slice(0, 200), response.statusCode ?? 0));
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error(`DynamoDB ${operation}: no data for ${timeoutMs} ms`)));
      request.on("error", reject);
      request.end(body);
    });

  async function call<T>(operation: string, input: unknown): Promise<T> {
    const body = JSON.stringify(input);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await once(operation, body)) as T;
      } catch (error) {
        if (attempt >= maxAttempts || !isRetryable(error)) throw error;
        // Full jitter on an exponential base, as the AWS SDKs do.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20_000, 100 * 2 ** attempt)));
      }
    }
  }

  return {
    getItem: (input) => call("GetItem", input),
    query: (input) => call("Query", input),
    batchGetItem: (input) => call("BatchGetItem", input),
  };
}

/** The reads for a function: DynamoDB in its region with Lambda's credentials, or a local endpoint. */
export function tableReadsFromEnvironment(env: NodeJS.ProcessEnv = process.env): TableReads {
  const endpoint = env[environment.endpoint];
  const fromEnvironment =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }
      : undefined;
  if (!endpoint && !fromEnvironment) throw new Error("no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)");
  return signedTableReads({
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "local",
    endpoint,
    credentials: endpoint ? localCredentials : (fromEnvironment as Credentials),
  });
}
