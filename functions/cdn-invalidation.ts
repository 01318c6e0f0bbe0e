// Tells the CDN to drop cached GraphQL responses after the content changed, and can wait until it has: a
// front-end told of the new revision must read it through CloudFront, not a cached answer.
import { CloudFrontClient, CreateInvalidationCommand, waitUntilInvalidationCompleted } from "@aws-sdk/client-cloudfront";

/** The longest the sync waits for CloudFront to finish (it takes seconds to a few minutes). */
export const invalidationWaitSeconds = 300;

/** Starts the invalidation; resolves to its id. */
export async function invalidateGraphqlResponses(distributionId: string, revision: string): Promise<string | undefined> {
  const client = new CloudFrontClient({});
  try {
    const { Invalidation } = await client.send(
      new CreateInvalidationCommand({
        DistributionId: distributionId,
        InvalidationBatch: { CallerReference: `kronika-${revision}-${Date.now()}`, Paths: { Quantity: 1, Items: ["/graphql*"] } },
      }),
    );
    return Invalidation?.Id;
  } finally {
    client.destroy();
  }
}

/** Resolves once the invalidation has completed; rejects after invalidationWaitSeconds. */
export async function invalidationCompleted(distributionId: string, invalidationId: string): Promise<void> {
  const client = new CloudFrontClient({});
  try {
    await waitUntilInvalidationCompleted(
      { client, maxWaitTime: invalidationWaitSeconds, minDelay: 5, maxDelay: 20 },
      { DistributionId: distributionId, Id: invalidationId },
    );
  } finally {
    client.destroy();
  }
}
