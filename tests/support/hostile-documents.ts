// GraphQL documents built to cost far more than their size: the families an attacker reaches for first.

/** Fragment F0 spreads F1 twice inside `related`, F1 spreads F2 twice, …: 2^levels paths, each deeper. */
export function nestedFragmentFan(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Event { title }` : `fragment F${i} on Event { related { ...F${i + 1} ...F${i + 1} } }`,
  );
  return `query { event(slug: "szturm") { ...F0 } } ${fragments.join(" ")}`;
}

/** Fragment F0 spreads F1 twice at the same level, F1 spreads F2 twice, …: 2^levels copies of one field, no depth. */
export function siblingFragmentFan(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Event { title }` : `fragment F${i} on Event { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { event(slug: "szturm") { ...F0 } } ${fragments.join(" ")}`;
}

/** The same expensive field under many aliases: few bytes, a large answer. */
export function aliasedField(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
}
