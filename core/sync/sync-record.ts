// The sync's record of itself, kept in the table (the sync runs in a Lambda and from any laptop, so nothing
// local can be trusted): a digest of everything a sync's outcome depends on but the table, and the revision
// it left. A sync whose content, options and code give the same digest, on a table still at that revision,
// would plan nothing: it reads no YAML and writes nothing. Anything else (no record, another digest, another
// revision, a record of another version) is a full sync, so correctness never depends on the record.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { DeleteItemCommand, type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { citationStyles, localeData, styleData } from "../citations/csl-data";
import type { Diagnostic } from "../content/diagnostic";
import type { LoadedContent } from "../content/load";
import { rules } from "../content/rules";
import { itemBytes, maxItemBytes } from "../store/item-size";
import { wireKey } from "../store/item-type";
import { facetsItem, retiredRenditionsQuery, revisionItem, type StoredRevision, type SyncRecord, syncRecordItem } from "../store/items";
import { marshallItem } from "./apply";
import type { SyncPlan } from "./plan";
import { itemLayoutVersion } from "./published-items";

/**
 * Bump when a check or the plan changes what it reports for the same content (a new rule, a new message), or
 * the search index's terms change (stemming, weights), so a record made before is not trusted. Changes to the
 * item layout, the citation styles and the rule catalogue are covered without it.
 * 2: the record vouches for the search index, which a sync updates for the events that changed.
 */
const recordVersion = 2;

let codeVersion: string | undefined;

/**
 * The record's version and the code's: the item layout, the pinned citation styles and locales, the rules,
 * and the ICU data sort names are collated with (Node versions differ in it).
 */
export function syncRecordVersion(): string {
  const icu = [process.versions.icu, process.versions.unicode, process.versions.cldr];
  codeVersion ??= createHash("sha256")
    .update(JSON.stringify([recordVersion, itemLayoutVersion, citationStyles.map((s) => styleData[s]), localeData, rules, icu]))
    .digest("hex")
    .slice(0, 16);
  return `${recordVersion}:${codeVersion}`;
}

/** What a sync's outcome depends on besides the table and the code: the files as read, and the options. */
export interface RecordedOptions {
  contentDir: string;
  drafts: boolean;
  revisionId: string | null;
  maxItemBytes: number;
}

/** A digest of the content as loaded (every file's kind, slug, path and text, and the loader's problems) and the options. */
export function contentDigest(loaded: LoadedContent, options: RecordedOptions): string {
  const hash = createHash("sha256").update(JSON.stringify([syncRecordVersion(), options, loaded.diagnostics]));
  for (const doc of loaded.documents) {
    // An image's text is empty: its facts carry the hash of its bytes.
    hash.update(`\u0000${JSON.stringify([doc.kind, doc.slug, doc.locale ?? null, doc.file, doc.image ?? null, doc.text.length])}\u0000`);
    hash.update(doc.text);
  }
  return hash.digest("base64url");
}

/**
 * The record, the revision and the facets as the table holds them now, and whether renditions retired by an
 * earlier sync are waiting to be deleted (read consistently, all at once).
 */
export async function readSyncRecord(client: DynamoDBClient, tableName: string) {
  const get = (key: Parameters<typeof wireKey>[0]) =>
    client.send(new GetItemCommand({ TableName: tableName, Key: wireKey(key), ConsistentRead: true })).then((r) => r.Item);
  const retired = client
    .send(new QueryCommand({ TableName: tableName, ConsistentRead: true, Limit: 1, ...retiredRenditionsQuery() }))
    .then((r) => (r.Items?.length ?? 0) > 0);
  const [record, revision, facets, retiredRenditions] = await Promise.all([
    get(syncRecordItem.key({})),
    get(revisionItem.key({})),
    get(facetsItem.key({})),
    retired,
  ]);
  return {
    record: record && syncRecordItem.read(record),
    revision: revision && revisionItem.read(revision),
    facets: facets && facetsItem.read(facets),
    retiredRenditions,
  };
}

export type TableRecord = Awaited<ReturnType<typeof readSyncRecord>>;

/**
 * Whether the table is exactly as the recorded sync left it, whatever the content now: a record of this code's
 * version, and the revision and facets it names. Then the search index of that revision was built from the
 * entities whose state items the table holds.
 */
export function recordVouchesForTable({ record, revision, facets }: TableRecord): boolean {
  if (!record || !revision || !facets) return false;
  return (
    record.version === syncRecordVersion() &&
    record.revision === revision.id &&
    record.syncedAt === revision.syncedAt &&
    facets.revision === revision.id
  );
}

/**
 * Whether the table still holds the record read as `earlier`, vouching for it: no other sync has begun writing
 * since (a sync forgets the record before its first write) nor completed (it writes a record of its own).
 */
export async function stillRecorded(client: DynamoDBClient, tableName: string, earlier: TableRecord): Promise<boolean> {
  const later = await readSyncRecord(client, tableName);
  const [was, is] = [earlier.record, later.record];
  return (
    recordVouchesForTable(later) &&
    was !== undefined &&
    is !== undefined &&
    is.digest === was.digest &&
    is.revision === was.revision &&
    is.syncedAt === was.syncedAt
  );
}

/**
 * The plan and diagnostics a full sync would give, when the record vouches for them: same version, same
 * digest, and the table still at the revision the record names, with its facets. Undefined otherwise.
 */
export function recordedOutcome(table: TableRecord, digest: string): { plan: SyncPlan; diagnostics: Diagnostic[] } | undefined {
  const { record, revision, facets } = table;
  if (!record || !revision || !facets || !recordVouchesForTable(table) || record.digest !== digest) return undefined;
  // Each kind the recording sync counted, all unchanged now.
  const counts = Object.fromEntries(
    Object.entries(record.counts).map(([kind, { unchanged }]) => [kind, { create: 0, update: 0, delete: 0, unchanged }]),
  ) as SyncPlan["counts"];
  const { eventCount, tags, people, places, years, decades } = facets;
  return {
    plan: {
      changes: [],
      counts,
      phases: [],
      revision: plannedRevision(revision),
      facets: { eventCount, tags, people, places, years, decades },
      writesRevision: false,
    },
    diagnostics: JSON.parse(gunzipSync(Buffer.from(record.diagnostics, "base64")).toString("utf8")) as Diagnostic[],
  };
}

/** The revision as a plan describes it: the stored one without when it was written or how its index is kept. */
function plannedRevision(revision: StoredRevision): SyncPlan["revision"] {
  const { id, eventCount, sourceCount, personCount, placeCount, maxSpanDays, locale } = revision;
  return { id, eventCount, sourceCount, personCount, placeCount, maxSpanDays, locale };
}

/** Removes the record: done before a sync's first write, so a sync interrupted after it leaves no record. */
export async function forgetSyncRecord(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteItemCommand({ TableName: tableName, Key: wireKey(syncRecordItem.key({})) }));
}

/**
 * Records a sync that completed: its digest, the revision it left (`syncedAt` as the revision item has it),
 * its counts and its diagnostics. A record too large for an item (a collection with very many warnings) is
 * not written, and one written before is removed: the next sync is then a full one.
 */
export async function writeSyncRecord(
  client: DynamoDBClient,
  tableName: string,
  recorded: { digest: string; revision: Pick<StoredRevision, "id" | "syncedAt">; plan: SyncPlan; diagnostics: Diagnostic[] },
): Promise<void> {
  // What the table holds after this sync, of each kind: what a sync of the same content finds unchanged.
  const counts = Object.fromEntries(
    Object.entries(recorded.plan.counts).map(([kind, count]) => [kind, { unchanged: count.unchanged + count.create + count.update }]),
  ) as SyncRecord["counts"];
  const item = syncRecordItem.item({
    version: syncRecordVersion(),
    digest: recorded.digest,
    revision: recorded.revision.id,
    syncedAt: recorded.revision.syncedAt,
    counts,
    diagnostics: gzipSync(JSON.stringify(recorded.diagnostics)).toString("base64"),
  });
  const marshalled = marshallItem(item);
  if (itemBytes(marshalled) > maxItemBytes) await forgetSyncRecord(client, tableName);
  else await client.send(new PutItemCommand({ TableName: tableName, Item: marshalled }));
}
