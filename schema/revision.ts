// Revision: which version of the content is published.
import type { StoredRevision } from "../core/store/items";
import { builder } from "./builder";

const Revision = builder.objectRef<StoredRevision>("Revision").implement({
  description: "The published version of the content, recorded by the last sync.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "The git commit of the content, or a hash of it (content-…)." }),
    syncedAt: t.exposeString("syncedAt", { description: "When the sync finished (ISO 8601, UTC)." }),
    eventCount: t.exposeInt("eventCount", { description: "How many events are published." }),
    sourceCount: t.exposeInt("sourceCount", { description: "How many sources are published." }),
  }),
});

builder.queryField("revision", (t) =>
  t.field({
    type: Revision,
    nullable: true,
    description: "The published revision, or null before the first sync.",
    resolve: (_root, _args, { store }) => store.revision(),
  }),
);
