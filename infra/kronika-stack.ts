// One Kronika deployment (a stage): the table, the GraphQL API, and the deploy-time content sync.
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { ContentSync } from "./content-sync";
import { ContentTable } from "./content-table";
import { GraphqlApi } from "./graphql-api";

export interface KronikaStackProps extends StackProps {
  stage: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  revision?: string;
  allowMassDelete?: boolean;
}

export class KronikaStack extends Stack {
  constructor(scope: Construct, id: string, props: KronikaStackProps) {
    super(scope, id, props);
    const { table } = new ContentTable(this, "Content");
    const api = new GraphqlApi(this, "Api", { table });
    const sync = new ContentSync(this, "Sync", {
      table,
      contentDir: props.contentDir,
      revision: props.revision,
      allowMassDelete: props.allowMassDelete,
    });
    // The API is created before its content arrives; that is fine (it answers empty lists meanwhile).
    sync.trigger.executeAfter(table);
    new CfnOutput(this, "GraphqlUrl", { value: `${api.url.url}graphql`, description: "The GraphQL endpoint." });
    new CfnOutput(this, "TableName", { value: table.tableName, description: "The content table." });
  }
}
