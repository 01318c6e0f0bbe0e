// The sync's media steps around applying a plan: before it, the renditions of every image the plan writes are
// in storage (so no item ever names a rendition not yet uploaded) and the placeholders are in its items;
// after it, the renditions no image uses any more are retired, and those retired longer than the grace
// period are deleted.
import { type DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import type { MediaEntry } from "../content/collection";
import type { MediaStorage } from "../renditions/media-storage";
import { type MediaPublication, publishMedia } from "../renditions/publish-media";
import { wireKey } from "../store/item-type";
import { mediaItem, type StoredMedia } from "../store/items";
import { tableKeys } from "../store/table-definition";
import { storedMedia } from "./media-items";
import type { SyncPlan } from "./plan";

/** The published media items of these slugs, as the table holds them. */
async function readPublishedMedia(client: DynamoDBClient, tableName: string, slugs: string[]): Promise<Map<string, StoredMedia>> {
  const found = new Map<string, StoredMedia>();
  await Promise.all(
    slugs.map(async (slug) => {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: wireKey(mediaItem.key({ slug })), ConsistentRead: true }),
      );
      if (Item) found.set(slug, mediaItem.read(Item));
    }),
  );
  return found;
}

/** The plan with each media item it writes given its placeholder. */
export function withPlaceholders(plan: SyncPlan, placeholders: ReadonlyMap<string, string>): SyncPlan {
  const pkOf = new Map([...placeholders.keys()].map((slug) => [mediaItem.key({ slug })[tableKeys.partitionKey], slug]));
  const phases = plan.phases.map((phase) => ({
    ...phase,
    writes: phase.writes.map((write) => {
      if (!("put" in write) || write.put[tableKeys.sortKey] !== mediaItem.key({ slug: "" })[tableKeys.sortKey]) return write;
      const slug = pkOf.get(write.put[tableKeys.partitionKey]);
      return slug === undefined ? write : { put: { ...write.put, placeholder: placeholders.get(slug) } };
    }),
  }));
  return { ...plan, phases };
}

export interface PreparedMedia {
  plan: SyncPlan;
  publication?: MediaPublication;
  /** The keys of renditions that the plan's updated or deleted images used. */
  previousKeys: string[];
}

/** Uploads what the plan's media items will name, and puts their placeholders in the plan. */
export async function prepareMedia(
  plan: SyncPlan,
  media: MediaEntry[],
  options: { client: DynamoDBClient; tableName: string; storage?: MediaStorage },
): Promise<PreparedMedia> {
  const changes = plan.changes.filter((change) => change.kind === "media");
  if (changes.length === 0) return { plan, previousKeys: [] };
  if (!options.storage) throw new Error("the content's media changed, but the sync was given no media storage to write renditions to");
  const published = await readPublishedMedia(
    options.client,
    options.tableName,
    changes.filter((c) => c.action !== "create").map((c) => c.slug),
  );
  const written = new Set(changes.filter((c) => c.action !== "delete").map((c) => c.slug));
  const publication = await publishMedia(
    media.filter((entry) => written.has(entry.slug)),
    published,
    options.storage,
  );
  return {
    plan: withPlaceholders(plan, publication.placeholders),
    publication,
    previousKeys: [...published.values()].flatMap((item) => item.renditions.map((r) => r.key)),
  };
}

/** Every rendition key the collection's images use. */
export const currentRenditionKeys = (media: MediaEntry[]) =>
  new Set(media.flatMap((entry) => storedMedia(entry).renditions.map((r) => r.key)));
