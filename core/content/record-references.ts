// People and places across files: each name belongs to one record, `within` builds a tree, and every
// reference in an event finds its record. Once a kind has records (a file in people/ or places/), each of
// its references must resolve; without any, references of that kind stay bare strings.
import type { EventEntry, EventReferences } from "./collection";
import type { Diagnostic } from "./diagnostic";
import type { ContentDocument, ParsedDocument } from "./document";
import { type Report, reporterFor } from "./fields";
import { type NameOccurrence, ReferenceIndex, recordNames } from "./reference-index";
import { didYouMean, editDistance } from "./similar";

export interface RecordDocument {
  doc: ContentDocument;
  /** Undefined when the file's YAML could not be read: it still counts as a record, by its slug. */
  parsed?: ParsedDocument;
}

interface EventDocument {
  entry: EventEntry;
  doc: ContentDocument;
  parsed: ParsedDocument;
}

const kinds = {
  person: { field: "people", folder: "people", noun: "person", unknown: "unknown-person" },
  place: { field: "places", folder: "places", noun: "place", unknown: "unknown-place" },
} as const;

type Kind = keyof typeof kinds;

const byFile = (records: RecordDocument[], diagnostics: Diagnostic[]) => {
  const reporters = new Map<string, Report>();
  for (const { doc, parsed } of records) reporters.set(doc.file, reporterFor(doc, parsed, diagnostics));
  return (file: string) => reporters.get(file) as Report;
};

/** A name, an alias or a historical name that two records share: events could not tell them apart. */
function duplicateNames(kind: Kind, occurrences: NameOccurrence[], reportIn: (file: string) => Report) {
  const owners = new Map<string, NameOccurrence>();
  for (const occurrence of occurrences) {
    const owner = owners.get(occurrence.key);
    if (!owner) owners.set(occurrence.key, occurrence);
    else if (owner.slug !== occurrence.slug) {
      const what = occurrence.path.length === 0 ? "the file name" : `"${occurrence.key}"`;
      reportIn(occurrence.file)(
        occurrence.path,
        "duplicate-name",
        `${what} also names the ${kinds[kind].noun} in ${owner.file}: a name or alias belongs to one ${kinds[kind].noun}; rename one, or merge the two files`,
      );
    }
  }
}

/** Two records whose names are one or two edits apart: probably one person (or place) in two files. */
function similarRecordNames(kind: Kind, occurrences: NameOccurrence[], reportIn: (file: string) => Report) {
  const names = occurrences.filter((o) => o.path.length > 0 && !/\d/.test(o.key));
  const reported = new Set<string>();
  for (let i = 0; i < names.length; i += 1) {
    for (let j = i + 1; j < names.length; j += 1) {
      const [first, later] = [names[i], names[j]];
      if (first.slug === later.slug || Math.abs(first.key.length - later.key.length) > 2) continue;
      const distance = editDistance(first.key, later.key);
      const pair = `${first.slug}\n${later.slug}`;
      if (distance < 1 || distance > 2 || reported.has(pair)) continue;
      reported.add(pair);
      reportIn(later.file)(
        later.path,
        "similar-name",
        `"${later.key}" looks like "${first.key}" of the ${kinds[kind].noun} in ${first.file}; if they are one ${kinds[kind].noun}, merge the files, else spell them apart`,
      );
    }
  }
}

/** Two records of the same Wikidata item. */
function duplicateWikidata(records: RecordDocument[], reportIn: (file: string) => Report) {
  const owners = new Map<string, string>();
  for (const { doc, parsed } of records) {
    const id = (parsed?.data as Record<string, unknown> | undefined)?.wikidata;
    if (typeof id !== "string") continue;
    const owner = owners.get(id);
    if (!owner) owners.set(id, doc.file);
    else reportIn(doc.file)(["wikidata"], "duplicate-wikidata", `${id} is also the Wikidata item of ${owner}: one item, one record`);
  }
}

/** Every `within` names a place, and following them never comes back to where it started. */
function checkWithin(places: RecordDocument[], reportIn: (file: string) => Report) {
  const parents = new Map<string, string>();
  const files = new Map(places.map(({ doc }) => [doc.slug, doc.file]));
  for (const { doc, parsed } of places) {
    const within = (parsed?.data as Record<string, unknown> | undefined)?.within;
    if (typeof within !== "string") continue;
    if (files.has(within)) parents.set(doc.slug, within);
    else reportIn(doc.file)(["within"], "unknown-place", `no place "${within}" in places/${didYouMean(within, files.keys())}`);
  }
  for (const [slug] of parents) {
    const chain = [slug];
    for (let next = parents.get(slug); next !== undefined && !chain.includes(next); next = parents.get(next)) chain.push(next);
    const last = parents.get(chain[chain.length - 1]);
    if (last !== slug) continue; // no cycle through this place (one further along is reported at its own places)
    reportIn(files.get(slug) as string)(
      ["within"],
      "within-cycle",
      `"within" goes round in a circle: ${[...chain, slug].join(" → ")}; a place cannot contain itself`,
    );
  }
}

/**
 * Checks the records of both kinds and every reference to them; returns the resolvers (of the records that
 * passed their own checks) and each published event's references as slugs.
 */
export function checkRecordReferences(
  records: { people: RecordDocument[]; places: RecordDocument[] },
  valid: { people: Set<string>; places: Set<string> },
  events: EventDocument[],
  diagnostics: Diagnostic[],
): { references: { people: ReferenceIndex; places: ReferenceIndex }; eventReferences: Map<string, EventReferences> } {
  const indexes = new Map<Kind, ReferenceIndex>();
  const resolvers = new Map<Kind, ReferenceIndex>();
  for (const kind of ["person", "place"] as const) {
    const documents = records[kinds[kind].field];
    const reportIn = byFile(documents, diagnostics);
    const occurrences = documents.flatMap(({ doc, parsed }) => recordNames(kind, { slug: doc.slug, file: doc.file, data: parsed?.data }));
    duplicateNames(kind, occurrences, reportIn);
    similarRecordNames(kind, occurrences, reportIn);
    duplicateWikidata(documents, reportIn);
    if (kind === "place") checkWithin(documents, reportIn);
    indexes.set(kind, new ReferenceIndex(occurrences));
    resolvers.set(kind, new ReferenceIndex(occurrences.filter((o) => valid[kinds[kind].field].has(o.slug))));
  }
  const filesOf = (kind: Kind) => new Map(records[kinds[kind].field].map(({ doc }) => [doc.slug, doc.file]));
  const files = { person: filesOf("person"), place: filesOf("place") };
  const eventReferences = new Map<string, EventReferences>();
  for (const { entry, doc, parsed } of events) {
    const report = reporterFor(doc, parsed, diagnostics);
    const resolved: EventReferences = { people: [], places: [] };
    for (const kind of ["person", "place"] as const) {
      const { field, folder, noun, unknown } = kinds[kind];
      const index = indexes.get(kind) as ReferenceIndex;
      if (!index.hasRecords) continue;
      entry[field].forEach((reference, i) => {
        const found = index.lookup(reference);
        if (found.status === "unknown") {
          report([field, i], unknown, `no ${noun} "${reference}" in ${folder}/${didYouMean(reference, index.keys())}`);
        } else if (found.status === "ambiguous") {
          const named = found.slugs.map((slug) => files[kind].get(slug)).join(" and ");
          report(
            [field, i],
            "ambiguous-reference",
            `"${reference}" names more than one ${noun}: ${named}; write the slug (${found.slugs.join(" or ")})`,
          );
        } else if (!resolved[field].includes(found.slug)) {
          resolved[field].push(found.slug);
        }
      });
    }
    eventReferences.set(entry.slug, resolved);
  }
  return {
    references: { people: resolvers.get("person") as ReferenceIndex, places: resolvers.get("place") as ReferenceIndex },
    eventReferences,
  };
}
