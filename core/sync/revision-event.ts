// The "Revision published" event a sync announces once its revision is written: which revision, and the
// slugs it created, updated and deleted by kind. Its shape is declared once here (the type, the docs' example
// check and receivers' expectations come from it); the sync function puts it on EventBridge, the CLI prints it.
import { z } from "zod";
import type { Kind } from "../store/items";
import type { SyncPlan } from "./plan";

/** The event's source and detail-type on EventBridge: what a rule matches. */
export const revisionPublished = { source: "kronika", detailType: "Revision published" } as const;

/**
 * The most the detail may take, in UTF-8 bytes of its JSON. EventBridge refuses an entry over 256 KB (source,
 * detail-type and detail together); past this budget the slugs give way to their counts.
 */
export const detailBudgetBytes = 200 * 1024;

/** Each kind under its plural, as the GraphQL API names its lists. */
const plurals = { event: "events", source: "sources", person: "people", place: "places", media: "media" } as const satisfies Record<
  Kind,
  string
>;

const byKind = <T extends z.ZodType>(value: T) =>
  z.strictObject({ events: value, sources: value, people: value, places: value, media: value } satisfies Record<(typeof plurals)[Kind], T>);

const listing = <T extends z.ZodType>(value: T, truncated: boolean) =>
  z.strictObject({
    /** The revision now served (a git commit, or a hash of the content). */
    revision: z.string(),
    /** The deployment's stage (`prod`, `pr-42`); absent locally. */
    stage: z.string().optional(),
    /** True when the lists were too long to send, and each holds its count instead. */
    truncated: z.literal(truncated),
    created: byKind(value),
    updated: byKind(value),
    deleted: byKind(value),
  });

/** The event's detail: slugs by kind, or, past the budget, their counts with `truncated: true`. */
export const revisionEventDetail = z.discriminatedUnion("truncated", [
  listing(z.array(z.string()), false),
  listing(z.number().int().nonnegative(), true),
]);

export type RevisionEventDetail = z.infer<typeof revisionEventDetail>;

type Verb = "created" | "updated" | "deleted";
const verbs = { create: "created", update: "updated", delete: "deleted" } as const satisfies Record<
  SyncPlan["changes"][number]["action"],
  Verb
>;

/**
 * The detail for a plan that was applied. Slugs are sorted, so the same change reads the same way; the
 * revision is the plan's even when no entity changed (a new commit with the same content).
 */
export function revisionEventDetailOf(
  plan: Pick<SyncPlan, "changes" | "revision">,
  options: { stage?: string; budgetBytes?: number } = {},
): RevisionEventDetail {
  const lists = () => ({
    events: [] as string[],
    sources: [] as string[],
    people: [] as string[],
    places: [] as string[],
    media: [] as string[],
  });
  const slugs = { created: lists(), updated: lists(), deleted: lists() };
  for (const change of plan.changes) slugs[verbs[change.action]][plurals[change.kind]].push(change.slug);
  for (const verb of Object.values(slugs)) for (const list of Object.values(verb)) list.sort();
  const head = { revision: plan.revision.id, ...(options.stage ? { stage: options.stage } : {}) };
  const full: RevisionEventDetail = { ...head, truncated: false, ...slugs };
  if (Buffer.byteLength(JSON.stringify(full)) <= (options.budgetBytes ?? detailBudgetBytes)) return full;
  const count = (verb: Verb) => {
    const { events, sources, people, places, media } = slugs[verb];
    return { events: events.length, sources: sources.length, people: people.length, places: places.length, media: media.length };
  };
  return { ...head, truncated: true, created: count("created"), updated: count("updated"), deleted: count("deleted") };
}
