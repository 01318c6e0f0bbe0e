// Tells the CDN to drop cached GraphQL responses after the content changed.
import { CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";

export async function invalidateGraphqlResponses(distributionId: string, revision: string): Promise<void> {
  const client = new CloudFrontClient({});
  await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: `kronika-${revision}-${Date.now()}`, Paths: { Quantity: 1, Items: ["/graphql*"] } },
    }),
  );
  client.destroy();
}
