// Which record an event's `people` or `places` reference means: the slug, the name, an alias or a historical
// name of exactly one record of that kind.
import type { PathKey } from "./document";

/** A word that names a record, and where it is written (the slug is written in the file name: path []). */
export interface NameOccurrence {
  key: string;
  slug: string;
  file: string;
  path: PathKey[];
}

export type Resolution = { status: "found"; slug: string } | { status: "ambiguous"; slugs: string[] } | { status: "unknown" };

/** What the collection offers the API: one kind's references turned into slugs. */
export interface ReferenceResolver {
  /** Whether the collection has records of this kind; without any, its references are bare strings. */
  readonly hasRecords: boolean;
  /** The slug of the one record a reference means; undefined for no record, or for more than one. */
  resolve(reference: string): string | undefined;
}

/** The words a record answers to, read from its data as written (so a record with other problems still counts). */
export function recordNames(
  kind: "person" | "place",
  { slug, file, data }: { slug: string; file: string; data: unknown },
): NameOccurrence[] {
  const found: NameOccurrence[] = [{ key: slug, slug, file, path: [] }];
  if (!data || typeof data !== "object") return found;
  const fields = data as Record<string, unknown>;
  const add = (value: unknown, path: PathKey[]) => {
    if (typeof value === "string" && value.trim()) found.push({ key: value.trim(), slug, file, path });
  };
  add(fields.name, ["name"]);
  if (Array.isArray(fields.aliases)) {
    fields.aliases.forEach((alias, i) => {
      add(alias, ["aliases", i]);
    });
  }
  if (kind === "place" && Array.isArray(fields.historicalNames)) {
    fields.historicalNames.forEach((entry, i) => {
      if (entry && typeof entry === "object") add((entry as Record<string, unknown>).name, ["historicalNames", i, "name"]);
    });
  }
  return found;
}

export class ReferenceIndex implements ReferenceResolver {
  /** Every word, with the slugs of the records it names, in the order first met. */
  private readonly slugsByKey = new Map<string, string[]>();
  readonly hasRecords: boolean;

  constructor(occurrences: Iterable<NameOccurrence>) {
    const records = new Set<string>();
    for (const { key, slug } of occurrences) {
      records.add(slug);
      const slugs = this.slugsByKey.get(key);
      if (!slugs) this.slugsByKey.set(key, [slug]);
      else if (!slugs.includes(slug)) slugs.push(slug);
    }
    this.hasRecords = records.size > 0;
  }

  lookup(reference: string): Resolution {
    const slugs = this.slugsByKey.get(reference);
    if (!slugs) return { status: "unknown" };
    return slugs.length === 1 ? { status: "found", slug: slugs[0] } : { status: "ambiguous", slugs: [...slugs] };
  }

  resolve(reference: string): string | undefined {
    const found = this.lookup(reference);
    return found.status === "found" ? found.slug : undefined;
  }

  /** Every word a reference may use, for "did you mean". */
  keys(): Iterable<string> {
    return this.slugsByKey.keys();
  }
}
