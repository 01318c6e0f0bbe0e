// One Kronika deployment (a stage): the table, the GraphQL API behind CloudFront with GraphiQL beside it,
// and the deploy-time content sync.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { ContentDelivery, graphiqlPath, graphqlPath } from "./content-delivery";
import { ContentSync } from "./content-sync";
import { ContentTable } from "./content-table";
import { writeGraphiqlSite } from "./graphiql-site";
import { GraphqlApi } from "./graphql-api";

export interface KronikaStackProps extends StackProps {
  stage: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  revision?: string;
  allowMassDelete?: boolean;
  /** Keep the table and logs when the stack is deleted. Default: only for the "prod" stage. */
  retainData?: boolean;
  /** Reserved concurrency of the GraphQL function. Default: none (the account's pool). */
  apiReservedConcurrency?: number;
}

export class KronikaStack extends Stack {
  constructor(scope: Construct, id: string, props: KronikaStackProps) {
    super(scope, id, props);
    const retain = props.retainData ?? props.stage === "prod";
    const { table } = new ContentTable(this, "Content", { retain });
    const api = new GraphqlApi(this, "Api", {
      table,
      graphiqlPath,
      reservedConcurrency: props.apiReservedConcurrency,
      destroyWithStack: !retain,
    });
    const graphiqlSiteDir = writeGraphiqlSite(mkdtempSync(path.join(tmpdir(), "kronika-graphiql-")), { endpoint: graphqlPath });
    const cdn = new ContentDelivery(this, "Cdn", { apiUrl: api.url, graphiqlSiteDir, destroyWithStack: !retain });
    const sync = new ContentSync(this, "Sync", {
      table,
      contentDir: props.contentDir,
      revision: props.revision,
      allowMassDelete: props.allowMassDelete,
      distribution: cdn.distribution,
      destroyWithStack: !retain,
    });
    sync.trigger.executeAfter(table);
    const origin = `https://${cdn.distribution.distributionDomainName}`;
    new CfnOutput(this, "GraphqlUrl", { value: `${origin}${graphqlPath}`, description: "The GraphQL endpoint (CloudFront)." });
    new CfnOutput(this, "GraphiqlUrl", { value: `${origin}${graphiqlPath}`, description: "GraphiQL, for exploring the API." });
    new CfnOutput(this, "TableName", { value: table.tableName, description: "The content table." });
  }
}
