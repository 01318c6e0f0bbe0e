// The citations an earlier sync formatted, for the events this sync rewrites. An edit that leaves an event's
// citations as they were (a title, a body) then needs no citeproc-js engine: setting up the four (two styles,
// two languages) takes most of a second of a fresh process, and a sync from the CLI or a cold sync function is
// one. Only a shortcut: what cannot be read is formatted as before.
import { BatchGetItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { FormattedCitation, KnownCitation } from "../citations/citation-formatter";
import { citationStyles } from "../citations/csl-data";
import { supportedLocales } from "../locale/locales";
import { type PrimaryKey, readKey, wireKey } from "../store/item-type";
import { eventItem, mainItemOf, sourceItem } from "../store/items";
import { tableKeys } from "../store/table-definition";
import type { EntityItems } from "./published-items";
import type { StoredHashes } from "./table-state";

/** One BatchGetItem's worth of keys (events and their sources): a sync rewriting more sets the engines up once. */
const maxKeys = 100;

/**
 * The formatted citations of the events this sync rewrites, as the table holds them, of the sources that keep
 * their hash in both their state and their main item. A source's hash changes with its content and with the
 * item layout. A sync writes a changed source's main item before the events citing it (their hashes cover the
 * source's, so it rewrites them all) and its state after them. So when the main item and the state of a source
 * both carry the hash the content gives it now, every event's stored citation of it was formatted from it as it
 * is now: a sync stopped between the two writes, and content changed back before the next, leaves them apart.
 */
export async function storedCitations(
  client: DynamoDBClient,
  tableName: string,
  desired: EntityItems[],
  stored: StoredHashes,
): Promise<KnownCitation[]> {
  const storedHash = (entity: EntityItems) =>
    stored.hashes.get(mainItemOf[entity.kind].key({ slug: entity.slug })[tableKeys.partitionKey])?.hash;
  const desiredSources = new Map(desired.flatMap((e) => (e.kind === "source" && storedHash(e) === e.hash ? [[e.slug, e.hash]] : [])));
  const rewritten = desired.filter((e) => e.kind === "event" && storedHash(e) !== undefined && storedHash(e) !== e.hash);
  const cited = [...new Set(rewritten.flatMap((event) => event.facts?.sources ?? []))].filter((slug) => desiredSources.has(slug));
  if (cited.length === 0 || rewritten.length + cited.length > maxKeys) return [];
  const keys = [...rewritten.map((event) => eventItem.key({ slug: event.slug })), ...cited.map((slug) => sourceItem.key({ slug }))];
  try {
    const result = await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [tableName]: {
            Keys: keys.map(wireKey),
            ProjectionExpression: "#pk, #sk, #citations, #hash",
            ExpressionAttributeNames: {
              "#pk": tableKeys.partitionKey,
              "#sk": tableKeys.sortKey,
              "#citations": "citations",
              "#hash": "hash",
            },
            ConsistentRead: true,
          },
        },
      }),
    );
    // Keys DynamoDB leaves unprocessed are formatted anew. Each key asked for has a partition of its own.
    const found = new Map((result.Responses?.[tableName] ?? []).map((item) => [readKey(item)[tableKeys.partitionKey], item]));
    const itemAt = (key: PrimaryKey) => found.get(key[tableKeys.partitionKey]);
    const trusted = new Set(
      cited.filter((slug) => {
        const hash = itemAt(sourceItem.key({ slug }))?.hash?.S;
        return hash !== undefined && hash === desiredSources.get(slug);
      }),
    );
    return rewritten
      .flatMap((event) => {
        const item = itemAt(eventItem.key({ slug: event.slug }));
        return item ? (eventItem.read(item).citations ?? []) : [];
      })
      .filter((citation) => trusted.has(citation.source) && isFormatted(citation.formatted))
      .map(({ source, locator, formatted }) => ({ source, ...(locator !== undefined ? { locator } : {}), formatted }));
  } catch {
    return [];
  }
}

/** Formatted in every style and language the formatter gives now: an item of an older layout may not be. */
function isFormatted(formatted: unknown): formatted is FormattedCitation {
  const styles = formatted as Record<string, Record<string, { html?: unknown; text?: unknown } | undefined> | undefined>;
  return citationStyles.every((style) =>
    supportedLocales.every((locale) => {
      const text = styles?.[style]?.[locale];
      return typeof text?.html === "string" && typeof text.text === "string";
    }),
  );
}
