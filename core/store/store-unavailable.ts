// The store could not answer: unreachable, too slow for the request's deadline, or still overloaded after
// the retries. A condition of the service, not of the request: the API answers 503 and a client may retry.
// Errors DynamoDB answers about the request itself (a bad key, a missing table) are not this.

export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

/** DynamoDB's names for "too many requests right now": worth a retry, and unavailability once retries run out. */
export const throttlingErrorNames: ReadonlySet<string> = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);
