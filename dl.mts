import { startDynamoDbLocal } from "./cli/dynamodb-local";
import { createDynamoClient } from "./core/store/client";
import { ensureTable } from "./core/store/create-table";
import { syncContent } from "./core/sync/sync";

const local = await startDynamoDbLocal({ port: 8123 });
const client = createDynamoClient(local.endpoint);
await ensureTable(client, "kronika-exp");
await syncContent({ contentDir: "content", client, tableName: "kronika-exp" });
console.log("ready", local.endpoint);
setInterval(() => {}, 1000);
