// Creates the DynamoDB client: the AWS default chain in the cloud, fixed dummy credentials for a local endpoint.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { environment } from "../environment";
import { localCredentials } from "./table-definition";

export function createDynamoClient(endpoint = process.env[environment.endpoint]): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({});
  return new DynamoDBClient({ endpoint, region: process.env.AWS_REGION ?? "local", credentials: localCredentials });
}
