// The citations an earlier sync formatted, for the events this sync rewrites. An edit that leaves an event's
// citations as they were (a title, a body) then needs no citeproc-js engine: setting up the four (two styles,
// two languages) takes most of a second of a fresh process, and a sync from the CLI or a cold sync function is
// one. Only a shortcut: what cannot be read is formatted as before.
import { BatchGetItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { FormattedCitation } from "../citations/citation-formatter";
import { citationStyles } from "../citations/csl-data";
import { supportedLocales } from "../locale/locales";
import { wireKey } from "../store/item-type";
import { eventItem, mainItemOf } from "../store/items";
import { tableKeys } from "../store/table-definition";
import type { EntityItems } from "./published-items";
import type { StoredHashes } from "./table-state";

export interface StoredCitation {
  source: string;
  locator?: string;
  formatted: FormattedCitation;
}

/** One BatchGetItem's worth of events: a sync rewriting more sets the engines up once for all of them. */
const maxEvents = 100;

/**
 * The formatted citations of the events this sync rewrites, as the table holds them, of the sources whose state
 * keeps its hash. A source's hash changes with its content and with the item layout, and every event citing a
 * source is rewritten (its hash covers the source's) before the source's new state is written: so an event's
 * stored citation of such a source was formatted from the source as it is now.
 */
export async function storedCitations(
  client: DynamoDBClient,
  tableName: string,
  desired: EntityItems[],
  stored: StoredHashes,
): Promise<StoredCitation[]> {
  const storedHash = (entity: EntityItems) =>
    stored.hashes.get(mainItemOf[entity.kind].key({ slug: entity.slug })[tableKeys.partitionKey])?.hash;
  const unchangedSources = new Set(desired.filter((e) => e.kind === "source" && storedHash(e) === e.hash).map((e) => e.slug));
  const rewritten = desired.filter((e) => e.kind === "event" && storedHash(e) !== undefined && storedHash(e) !== e.hash);
  if (unchangedSources.size === 0 || rewritten.length === 0 || rewritten.length > maxEvents) return [];
  const citations = eventItem.projection(["citations"]);
  try {
    const result = await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [tableName]: {
            Keys: rewritten.map((event) => wireKey(eventItem.key({ slug: event.slug }))),
            ProjectionExpression: citations.expression,
            ExpressionAttributeNames: citations.names,
            ConsistentRead: true,
          },
        },
      }),
    );
    // Keys DynamoDB leaves unprocessed are formatted anew.
    return (result.Responses?.[tableName] ?? [])
      .flatMap((item) => citations.read(item).citations ?? [])
      .filter((citation) => unchangedSources.has(citation.source) && isFormatted(citation.formatted))
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
