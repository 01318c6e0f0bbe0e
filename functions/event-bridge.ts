// EventBridge's PutEvents for one entry, as a SigV4-signed HTTPS request (core/store/sigv4.ts) rather than the
// AWS SDK's client: the sync needs this one call, and the signer is already shipped. Throttling, 5xx, failed
// entries EventBridge marks as internal, and dropped connections are retried with backoff, each attempt bounded.
import { pauseAfter } from "../core/store/retry";
import { type SignedAttempts, type SignedEndpoint, signRequest } from "../core/store/sigv4";

export interface EventEntry {
  source: string;
  detailType: string;
  /** Sent as JSON: EventBridge takes the detail as a JSON string. */
  detail: unknown;
  /** Default: the account's default bus. */
  eventBusName?: string;
}

/** EventBridge's endpoint; 3 attempts of 5000 ms each by default. */
export interface PutEventsOptions extends SignedEndpoint, SignedAttempts {
  sleep?: (ms: number) => Promise<void>;
}

/** What EventBridge refused: `name` is its error code (the exception's, or a failed entry's). */
export class EventBridgeError extends Error {
  constructor(
    name: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = name;
  }
}

/** Error codes worth another attempt: EventBridge's own trouble, not the request's. */
const retryableCodes: ReadonlySet<string> = new Set(["ThrottlingException", "InternalFailure", "InternalException", "ServiceUnavailable"]);

interface PutEventsResponse {
  FailedEntryCount?: number;
  Entries?: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
}

async function attempt(url: URL, body: string, options: PutEventsOptions): Promise<string> {
  const { host: _host, ...headers } = signRequest(
    {
      method: "POST",
      url,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSEvents.PutEvents" },
      body,
    },
    options.credentials,
    { region: options.region, service: "events" },
    options.now?.() ?? new Date(),
  );
  // fetch sends the same Host (the URL's) itself; the signal bounds the whole exchange, body included.
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(options.attemptTimeoutMs ?? 5000) });
  const text = await response.text();
  let parsed: PutEventsResponse & { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (e.g. a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    const name = parsed.__type?.split("#").pop() || `HTTP${response.status}`;
    const message = parsed.message ?? parsed.Message ?? text.slice(0, 200);
    throw new EventBridgeError(name, `EventBridge PutEvents: ${name}: ${message}`, response.status >= 500 || retryableCodes.has(name));
  }
  const [entry] = parsed.Entries ?? [];
  if (parsed.FailedEntryCount || !entry?.EventId) {
    const name = entry?.ErrorCode ?? "NoEventId";
    throw new EventBridgeError(
      name,
      `EventBridge PutEvents refused the entry: ${name}: ${entry?.ErrorMessage ?? text.slice(0, 200)}`,
      retryableCodes.has(name),
    );
  }
  return entry.EventId;
}

/** Puts one event; resolves to its EventBridge id, or rejects once the attempts are spent or the error is final. */
export async function putEvent(entry: EventEntry, options: PutEventsOptions): Promise<string> {
  const url = new URL(options.endpoint ?? `https://events.${options.region}.amazonaws.com/`);
  const body = JSON.stringify({
    Entries: [
      {
        Source: entry.source,
        DetailType: entry.detailType,
        Detail: JSON.stringify(entry.detail),
        ...(entry.eventBusName ? { EventBusName: entry.eventBusName } : {}),
      },
    ],
  });
  const maxAttempts = options.maxAttempts ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt(url, body, options);
    } catch (error) {
      const retryable = error instanceof EventBridgeError ? error.retryable : !(error instanceof SyntaxError);
      if (!retryable || attempts >= maxAttempts) throw error;
      await sleep(pauseAfter(attempts, Math.random()));
    }
  }
}
