// The deploy step: load and validate the content, plan against the table, and (unless only planning) apply.
// Any content error, or a mass delete not allowed, means nothing is written.
import { createHash } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { citationFormatterFor } from "../citations/citation-formatter";
import type { Collection } from "../content/collection";
import { type Diagnostic, diagnostic, hasErrors } from "../content/diagnostic";
import { loadContent } from "../content/load";
import { placeAncestors, placeChildren, referenceReader } from "../content/published-references";
import { slugPattern } from "../content/slug";
import { validateContent } from "../content/validate";
import { collationKey } from "../locale/collation";
import type { MediaStorage } from "../renditions/media-storage";
import type { MediaPublication } from "../renditions/publish-media";
import { buildSearchIndex } from "../search/build-search-index";
import { indexChunks } from "../search/index-chunks";
import { maxItemBytes } from "../store/item-size";
import type { TableItem } from "../store/item-type";
import { isKind, searchChunkItem } from "../store/items";
import { letRequestsLeave } from "../store/let-requests-leave";
import { type ApplyOptions, applySync } from "./apply";
import { itemsToWrite, type OversizedItem, oversizedHint, oversizedItems } from "./item-limits";
import { mediaItems } from "./media-items";
import { currentRenditionKeys, prepareMedia } from "./media-sync";
import { planSync, type SyncPlan } from "./plan";
import { readSearchIndex, reusableIndex } from "./previous-search-index";
import { type EntityItems, eventItems, personItems, placeItems, sourceItems } from "./published-items";
import { retireRenditions } from "./retired-renditions";
import { storedCitations } from "./stored-citations";
import {
  contentDigest,
  forgetSyncRecord,
  readSyncRecord,
  recordedOutcome,
  recordVouchesForTable,
  stillRecorded,
  writeSyncRecord,
} from "./sync-record";
import { readStoredHashes, readTableState } from "./table-state";

export interface SyncOptions extends ApplyOptions {
  contentDir: string;
  client: DynamoDBClient;
  tableName: string;
  /** Plan only, write nothing. */
  dryRun?: boolean;
  allowMassDelete?: boolean;
  /** E.g. the git commit of the content; defaults to a hash of the published content. */
  revisionId?: string;
  /** Publish drafts too, marked as drafts: for a preview table or stage, never for the public one. */
  drafts?: boolean;
  /** The largest item the sync may write, in bytes as DynamoDB counts them (default and at most 400 KB). */
  maxItemBytes?: number;
  /** Where images' renditions go (a folder, or the stack's bucket); needed once the content's media change. */
  mediaStorage?: MediaStorage;
  /** How long a rendition no image uses is kept before it is deleted (default renditionGraceMs, 30 days). */
  renditionGraceMs?: number;
}

export type SyncOutcome =
  | { status: "invalid"; diagnostics: Diagnostic[] }
  | { status: "mass-delete-refused"; diagnostics: Diagnostic[]; plan: SyncPlan }
  | {
      status: "planned" | "applied";
      diagnostics: Diagnostic[];
      plan: SyncPlan;
      media?: MediaPublication;
      /** When a search index was written: how many events kept their terms from the index before, how many were indexed anew. */
      searchIndex?: { kept: number; indexed: number };
    };

export function publishedItems(collection: Collection, citations = citationFormatterFor(collection.sources)): EntityItems[] {
  const { locale } = collection;
  const sources = collection.sources.map((source) => sourceItems(source, citations));
  const citedSources = new Map(
    collection.sources.map((source, i) => [
      source.slug,
      { hash: sources[i].hash, cited: { title: source.csl.title, type: source.csl.type } },
    ]),
  );
  const people = collection.people.map((person) => personItems(person, locale));
  const ancestors = placeAncestors(collection.places);
  const children = placeChildren(collection.places);
  const sortNames = new Map(collection.places.map((place) => [place.slug, collationKey(place.name, locale)]));
  const byName = (a: string, b: string) => ((sortNames.get(a) ?? "") < (sortNames.get(b) ?? "") ? -1 : 1);
  const places = collection.places.map((place) =>
    placeItems(place, locale, ancestors.get(place.slug) ?? [], [...(children.get(place.slug) ?? [])].sort(byName)),
  );
  const references = referenceReader(collection);
  const events = collection.events.map((event) => eventItems(event, citations, citedSources, references.of(event)));
  return [...sources, ...people, ...places, ...collection.media.map(mediaItems), ...events];
}

/** A revision id that changes exactly when the published content does. */
export function contentRevisionId(items: EntityItems[]): string {
  const hash = createHash("sha256");
  for (const item of [...items].sort((a, b) => `${a.kind}/${a.slug}`.localeCompare(`${b.kind}/${b.slug}`))) {
    hash.update(`${item.kind}/${item.slug}/${item.hash}\n`);
  }
  return `content-${hash.digest("hex").slice(0, 16)}`;
}

/** An item too large, as a diagnostic on the file it comes from (the content folder for collection-wide items). */
function oversizedDiagnostic(oversized: OversizedItem, limit: number, files: Map<string, string>, contentDir: string): Diagnostic {
  const { pk, sk, bytes, entity } = oversized;
  const count = (n: number) => n.toLocaleString("en");
  const file = (entity && files.get(`${entity.kind}/${entity.slug}`)) ?? contentDir;
  return diagnostic(
    "item-size",
    { file, line: 1, col: 1 },
    `its table item ${pk} ${sk} would take ${count(bytes)} bytes; a DynamoDB item may take at most ${count(limit)}, so nothing was written: ${oversizedHint(oversized)}`,
  );
}

export async function syncContent(options: SyncOptions): Promise<SyncOutcome> {
  // Reading the sync's record waits on DynamoDB while loading the files waits on the disk: start both.
  const recordRead = readSyncRecord(options.client, options.tableName);
  recordRead.catch(() => {}); // awaited below
  const loaded = await loadContent(options.contentDir);
  const limit = Math.min(options.maxItemBytes ?? maxItemBytes, maxItemBytes);
  const digest = contentDigest(loaded, {
    contentDir: options.contentDir,
    drafts: Boolean(options.drafts),
    revisionId: options.revisionId ?? null,
    maxItemBytes: limit,
  });
  const table = await recordRead;
  // Nothing changed since the last sync completed: its outcome again, without reading the content.
  const recorded = recordedOutcome(table, digest);
  // Renditions retired earlier wait for a sync with the media storage to delete them: a full one.
  if (recorded && !(options.mediaStorage && table.retiredRenditions)) {
    const diagnostics = [...loaded.diagnostics, ...recorded.diagnostics];
    return { status: options.dryRun ? "planned" : "applied", diagnostics, plan: recorded.plan };
  }
  const storedHashes = readStoredHashes(
    options.client,
    options.tableName,
    // Where to cut the ranges read at once: the entities the content publishes, if it is valid (a slug that is
    // not could sort elsewhere in DynamoDB's byte order than in JavaScript's).
    loaded.documents.flatMap(({ kind, slug }) => (isKind(kind) && slugPattern.test(slug) ? [{ kind, slug }] : [])),
  );
  storedHashes.catch(() => {}); // awaited below, unless the content is invalid
  // The index of a table the record vouches for is updated, not rebuilt: read it while the content is checked.
  const indexed = table.revision;
  // Only a shortcut: an index that cannot be read is built from nothing.
  const previousIndex =
    indexed && recordVouchesForTable(table)
      ? readSearchIndex(options.client, options.tableName, indexed).catch(() => undefined)
      : undefined;
  // The check holds the thread for a second on a large collection: let these reads leave first.
  await letRequestsLeave();
  const checked = validateContent(loaded.documents, { drafts: options.drafts });
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  if (hasErrors(diagnostics)) return { status: "invalid", diagnostics };
  const citations = citationFormatterFor(checked.collection.sources);
  const items = publishedItems(checked.collection, citations);
  const hashes = await storedHashes;
  const [state, kept] = await Promise.all([
    readTableState(options.client, options.tableName, hashes, items),
    storedCitations(options.client, options.tableName, items, hashes),
  ]);
  citations.adopt(kept);
  // The record is read again once the states are (see below where it is awaited): asked for now, while planning.
  const recordKept = previousIndex ? stillRecorded(options.client, options.tableName, table) : undefined;
  recordKept?.catch(() => {}); // awaited below, unless nothing is written
  const plan = planSync(items, state, options.revisionId ?? contentRevisionId(items), checked.collection.locale);
  // Every item is made and measured before the first write: one that DynamoDB would refuse stops the whole sync.
  const files = new Map(loaded.documents.map((d) => [`${d.kind}/${d.slug}`, d.file]));
  const tooLarge = (written: TableItem[]) =>
    oversizedItems(written, limit).map((item) => oversizedDiagnostic(item, limit, files, options.contentDir));
  const oversized = tooLarge(itemsToWrite(plan));
  if (oversized.length > 0) return { status: "invalid", diagnostics: [...diagnostics, ...oversized] };
  if (plan.massDelete && !options.allowMassDelete) return { status: "mass-delete-refused", diagnostics, plan };
  if (options.dryRun) return { status: "planned", diagnostics, plan };
  // The search index is written only when the published content changes; kept events keep their terms.
  // The states were read after the record: a sync that began writing in between (it forgets the record first)
  // may have written states this one now finds unchanged, while the index is still the old revision's. Read the
  // record again, after the states, and keep the index only if no other sync has written since.
  const reusable = plan.writesRevision && previousIndex && (await recordKept);
  const searchIndex = plan.writesRevision
    ? buildSearchIndex(
        checked.collection,
        reusable
          ? reusableIndex(await previousIndex, indexed, { plan, against: state.revision, locale: checked.collection.locale })
          : undefined,
      )
    : undefined;
  const searchChunks = searchIndex
    ? indexChunks(searchIndex.index).map((data, number) => searchChunkItem.item({ data }, { revision: plan.revision.id, number }))
    : undefined;
  const oversizedChunks = searchChunks ? tooLarge(searchChunks) : [];
  if (oversizedChunks.length > 0) return { status: "invalid", diagnostics: [...diagnostics, ...oversizedChunks] };
  // Every rendition an item will name is uploaded before the first write.
  const media = await prepareMedia(plan, checked.collection.media, { ...options, storage: options.mediaStorage });
  const writes = media.plan.writesRevision || media.plan.phases.length > 0;
  if (writes && table.record) await forgetSyncRecord(options.client, options.tableName);
  const { syncedAt } = await applySync(options.client, options.tableName, media.plan, { ...options, searchChunks });
  if (options.mediaStorage) {
    await retireRenditions(options.client, options.tableName, options.mediaStorage, {
      previousKeys: media.previousKeys,
      current: currentRenditionKeys(checked.collection.media),
      now: options.now?.() ?? new Date(),
      graceMs: options.renditionGraceMs,
    });
  }
  const revision = syncedAt ? { id: media.plan.revision.id, syncedAt } : state.revision;
  if (revision) {
    await writeSyncRecord(options.client, options.tableName, { digest, revision, plan: media.plan, diagnostics: checked.diagnostics });
  }
  return {
    status: "applied",
    diagnostics,
    plan: media.plan,
    ...(media.publication ? { media: media.publication } : {}),
    ...(searchIndex ? { searchIndex: { kept: searchIndex.kept, indexed: searchIndex.indexed } } : {}),
  };
}
