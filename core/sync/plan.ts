// Plans a sync: compares what the content publishes with what the table holds, by slug and content hash,
// and orders the writes so references stay whole at every instant and an interrupted sync converges.
import { defaultLocale, type Locale } from "../locale/locales";
import { type Facets, facetsOf } from "../store/facets";
import { type PrimaryKey, primaryKey, type TableItem } from "../store/item-type";
import { entityStateItem, type Kind, mainItemOf, type StoredRevision } from "../store/items";
import { tableKeys } from "../store/table-definition";
import { type EntityItems, entityState, membershipKeys, pendingHash } from "./published-items";
import type { TableState } from "./table-state";

export type Action = "create" | "update" | "delete";

export interface PlannedChange {
  kind: Kind;
  slug: string;
  title: string;
  action: Action;
}

export type Write = { put: TableItem } | { delete: PrimaryKey };

export interface SyncPlan {
  changes: PlannedChange[];
  counts: Record<Kind, Record<Action | "unchanged", number>>;
  /** Each phase completes before the next starts. */
  phases: { name: string; writes: Write[] }[];
  revision: Omit<StoredRevision, "syncedAt">;
  /** Facet counts of the whole published collection, written with the revision. */
  facets: Facets;
  /** True when the revision item needs writing (anything changed, or a new revision id). */
  writesRevision: boolean;
  /** Set when the plan deletes more than half of what is published. */
  massDelete?: { deleting: number; published: number };
}

/**
 * The writes that bring the table from `state` to `desired`, phase by phase. The main items of the entities
 * written are rendered here (`EntityItems.render`), and only theirs: an unchanged entity is never rendered.
 */
export function planSync(desired: EntityItems[], state: TableState, revisionId: string, locale: Locale = defaultLocale): SyncPlan {
  const tally = () => ({ create: 0, update: 0, delete: 0, unchanged: 0 });
  const counts: SyncPlan["counts"] = { event: tally(), source: tally(), person: tally(), place: tally(), media: tally() };
  const changes: PlannedChange[] = [];
  const phase = {
    intents: [] as Write[],
    recordPuts: [] as Write[],
    membershipPuts: [] as Write[],
    staleMemberships: [] as Write[],
    eventPuts: [] as Write[],
    statePuts: [] as Write[],
    goneMemberships: [] as Write[],
    eventDeletes: [] as Write[],
    recordDeletes: [] as Write[],
    stateDeletes: [] as Write[],
  };

  const desiredByPk = new Map(desired.map((e) => [mainItemOf[e.kind].key({ slug: e.slug })[tableKeys.partitionKey], e]));
  for (const [pk, entity] of desiredByPk) {
    const stored = state.entities.get(pk);
    const action: Action | undefined = !stored ? "create" : stored.hash !== entity.hash ? "update" : undefined;
    if (!action) {
      counts[entity.kind].unchanged += 1;
      continue;
    }
    counts[entity.kind][action] += 1;
    changes.push({ kind: entity.kind, slug: entity.slug, title: entity.title, action });
    // Before anything of the entity is written, its state says so, naming every list it has or will have. A
    // sync stopped midway leaves that state, which matches no content: the next sync writes the entity again
    // (or removes it), whatever the content is by then, even the content as it was before this sync.
    const storedLists = state.memberships.get(pk) ?? [];
    const lists = membershipKeys(entity);
    phase.intents.push({ put: entityState(entity, pendingHash, [...new Set([...storedLists, ...lists])]) });
    // The state item goes last of all: until it carries the new hash, a re-run redoes this entity's writes.
    phase.statePuts.push({ put: entityState(entity) });
    const wanted = new Set(lists);
    phase.membershipPuts.push(...entity.memberships.map((m) => ({ put: m })));
    for (const sk of storedLists) {
      if (!wanted.has(sk)) phase.staleMemberships.push({ delete: primaryKey(pk, sk) });
    }
    // Sources, people and places go before the events that name them.
    (entity.kind === "event" ? phase.eventPuts : phase.recordPuts).push({ put: entity.render() });
  }
  for (const [pk, stored] of state.entities) {
    if (desiredByPk.has(pk)) continue;
    counts[stored.kind].delete += 1;
    changes.push({ kind: stored.kind, slug: stored.slug, title: stored.title, action: "delete" });
    // Pending before anything of it is deleted, as above: a sync stopped midway leaves a state that the next
    // sync finishes deleting, or writes again whole if the file is back by then.
    phase.intents.push({
      put: entityState({ ...stored, memberships: [] }, pendingHash, state.memberships.get(pk) ?? []),
    });
    // ... and are deleted after them.
    (stored.kind === "event" ? phase.eventDeletes : phase.recordDeletes).push({ delete: mainItemOf[stored.kind].key(stored) });
    phase.stateDeletes.push({ delete: entityStateItem.key(stored) });
  }
  for (const [pk, sortKeys] of state.memberships) {
    if (desiredByPk.has(pk)) continue; // kept or updated above
    // The lists of a deleted entity.
    phase.goneMemberships.push(...sortKeys.map((sk) => ({ delete: primaryKey(pk, sk) })));
  }

  const ofKind = (kind: Kind) => desired.filter((e) => e.kind === kind);
  const events = ofKind("event");
  const revision = {
    id: revisionId,
    eventCount: events.length,
    sourceCount: ofKind("source").length,
    personCount: ofKind("person").length,
    placeCount: ofKind("place").length,
    maxSpanDays: events.reduce((max, e) => Math.max(max, e.spanDays), 0),
    locale,
  };
  const facets = facetsOf(events.flatMap((e) => (e.facts ? [e.facts] : [])));
  const published = state.entities.size;
  const deleting = Object.values(counts).reduce((sum, count) => sum + count.delete, 0);
  const phases = [
    { name: "intents", writes: phase.intents },
    { name: "sources, people and places", writes: phase.recordPuts },
    { name: "lists", writes: phase.membershipPuts },
    { name: "stale lists", writes: phase.staleMemberships },
    { name: "events", writes: phase.eventPuts },
    { name: "entity states", writes: phase.statePuts },
    { name: "lists of deleted entities", writes: phase.goneMemberships },
    { name: "deleted events", writes: phase.eventDeletes },
    { name: "deleted sources, people and places", writes: phase.recordDeletes },
    { name: "states of deleted entities", writes: phase.stateDeletes },
  ].filter((p) => p.writes.length > 0);
  const stored = state.revision;
  const revisionChanged =
    !stored ||
    (["id", "eventCount", "sourceCount", "personCount", "placeCount", "maxSpanDays", "locale"] as const).some(
      (field) => stored[field] !== revision[field],
    );
  return {
    changes,
    counts,
    phases,
    revision,
    facets,
    writesRevision: phases.length > 0 || revisionChanged,
    ...(deleting * 2 > published && deleting > 0 ? { massDelete: { deleting, published } } : {}),
  };
}
