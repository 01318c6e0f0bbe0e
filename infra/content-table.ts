// The content table, built from the shared definition (core/store/table-definition.ts).
import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, Billing, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { listIndexes, tableKeys } from "../core/store/table-definition";

export interface ContentTableProps {
  /**
   * Keep the table (and its data) when the stack is deleted, and protect it from deletion.
   * @default true
   */
  readonly retain?: boolean;
}

export class ContentTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: ContentTableProps = {}) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.table = new TableV2(this, "Table", {
      partitionKey: { name: tableKeys.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableKeys.sortKey, type: AttributeType.STRING },
      // CloudFormation adds one index per deployment to an existing table: declare new ones one release apart.
      globalSecondaryIndexes: listIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
