// The table reads as signed HTTPS requests to DynamoDB's JSON API, without the AWS SDK: what the GraphQL
// function uses, so that a cold start loads and runs a fraction of the code. Credentials come from the
// environment, as Lambda provides them; throttling, 5xx and dropped connections are retried with backoff,
// each attempt and the whole call bounded in time (by the request's deadline, see deadline.ts).
import http from "node:http";
import https from "node:https";
import { environment } from "../environment";
import { retrying } from "./retry";
import { type Credentials, type SignedAttempts, type SignedEndpoint, signRequest } from "./sigv4";
import { throttlingErrorNames } from "./store-unavailable";
import { localCredentials } from "./table-definition";
import type { TableReads } from "./table-reads";

/** DynamoDB's endpoint (e.g. http://localhost:8000 for DynamoDB Local); 3 attempts of 2000 ms each by default, never past the request's deadline. */
export type SignedReadsOptions = SignedEndpoint & SignedAttempts;

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

/** Throttling, DynamoDB's 5xx, and failures of the connection itself (refused, reset, timed out). */
const isRetryable = (error: unknown) =>
  error instanceof DynamoDbError ? error.statusCode >= 500 || throttlingErrorNames.has(error.name) : !(error instanceof SyntaxError);

export function signedTableReads(options: SignedReadsOptions): TableReads {
  const url = new URL(options.endpoint ?? `https://dynamodb.${options.region}.amazonaws.com/`);
  const secure = url.protocol === "https:";
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const maxAttempts = options.maxAttempts ?? 3;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 2000;

  const once = (operation: string, body: string, timeoutMs: number) =>
    new Promise<unknown>((settleResolve, settleReject) => {
      // A wall-clock bound, not an idle one: a server sending a byte a second never goes idle.
      const timer = setTimeout(() => {
        const error = new Error(`DynamoDB ${operation}: no complete answer within ${Math.round(timeoutMs)} ms`);
        reject(error);
        request.destroy(error);
      }, timeoutMs);
      const resolve = (value: unknown) => {
        clearTimeout(timer);
        settleResolve(value);
      };
      const reject = (error: unknown) => {
        clearTimeout(timer);
        settleReject(error);
      };
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
        { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("close", () => {
            if (!response.complete) reject(new Error(`DynamoDB ${operation}: the connection closed mid-answer`));
          });
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
      request.on("error", reject);
      request.end(body);
    });

  // The shared retry policy (retry.ts): each attempt bounded by its timeout and the request's deadline.
  const call = <T>(operation: string, input: unknown): Promise<T> => {
    const body = JSON.stringify(input);
    return retrying<T>({ maxAttempts, what: `DynamoDB ${operation}` }, async (timeLeftMs) => {
      try {
        return { value: (await once(operation, body, Math.min(attemptTimeoutMs, timeLeftMs))) as T };
      } catch (error) {
        if (!isRetryable(error)) throw error;
        return { retry: error };
      }
    });
  };

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
