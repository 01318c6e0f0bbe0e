// Starting files for editors: the required keys filled in, the optional ones shown as comments.

export function eventScaffold(title: string): string {
  return `---
title: ${JSON.stringify(title)}
# summary: One or two sentences of plain text.
# A date in the calendar the sources use. Russian events before 14 February 1918 are Julian:
date:
  julian: 1917-10-25   # EDTF: YYYY, YYYY-MM or YYYY-MM-DD; ? uncertain, ~ approximate; A/B an interval
  # gregorian: 1917-11-07   # optional; if given it must be the same days
# or a Gregorian date alone:
# date: 1918-03-03
places: []
people: []
tags: []
sources:
  - source: opracowanie-rewolucja-pazdziernikowa   # a file in content/sources/
    # locator: "s. 12"
related: []            # slugs of events this one leads into
# notes:
#   - Editor's note, e.g. a date corrected against a source, quoting what it gave.
# draft: true          # checked but not published
---
Write the event here, in Markdown.
`;
}

export function sourceScaffold(title: string): string {
  return `# CSL-JSON fields; an item exported from Zotero as CSL-JSON can be pasted in as YAML.
type: book             # a CSL type: book, article, chapter, legislation, …
title: ${JSON.stringify(title)}   # in sentence case; Chicago title-cases English titles
language: pl           # the work's language: a title not in English keeps its case
# author:
#   - family: Pipes
#     given: Richard
# issued:
#   date-parts: [[1990]]
# publisher: Alfred A. Knopf
# publisher-place: New York
# A dated document (e.g. a decree) may carry its date in both calendars:
# date:
#   julian: 1917-10-26
`;
}
