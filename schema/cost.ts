// What a field costs in the query cost limit, where its work or its answer grows with the collection
// (every other field costs 1; a connection multiplies its selection by its page size). The limit plugin
// reads these from each field's `extensions`.
import { maxTimelineEvents } from "./timeline-size";

export const costExtension = "cost";
/** A list field's most elements, declared as `extensions: { listSize }`: its selection is paid once per element. */
export const listSizeExtension = "listSize";

export const fieldCosts = {
  /** Up to maxTimelineEvents slides, each about as large as an event with its body and date. */
  timeline: maxTimelineEvents * 5,
  /** Up to maxTimelineEvents events, each with up to a few points. */
  geojson: maxTimelineEvents * 5,
  /** Facets of a filter read every matching list entry. */
  facets: 500,
  /** Full-text search ranks the whole index in memory before its page is read. */
  search: 200,
  /** A search hit's snippet scans its text (up to 20,000 characters) for the query's words. */
  snippet: 5,
  /** A total pages through the whole list, counting. */
  totalCount: 50,
} as const;

/** The `extensions` that declare a list field's bound, which the content check enforces. */
export const listOf = (size: number) => ({ [listSizeExtension]: size });

/** The `extensions` that declare a field's cost. */
export const costOf = (field: keyof typeof fieldCosts) => ({ [costExtension]: fieldCosts[field] });
