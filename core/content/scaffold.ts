// Starting files for editors: the required keys filled in, the optional ones shown as comments. An event starts
// as a draft (its date and citation are examples, and a running `npm start` would publish them); a source,
// person or place holds only the title or name the editor typed, so it is an ordinary record at once.

export function eventScaffold(title: string): string {
  return `---
title: ${JSON.stringify(title)}
# summary: One or two sentences of plain text.
# A date in the calendar the sources use. Russian events before 14 February 1918 are Julian:
date:
  julian: 1917-10-25   # EDTF (docs/dates.md): YYYY, YYYY-MM or YYYY-MM-DD; ? uncertain, ~ approximate;
  #   X unknown digits (191X, 1917-10-XX); A/B an interval, .. an open end (1917-10-25/..);
  #   [A, B] one of, [..A] on or before, {A, B} all of; quote a date starting with %: "%1917"
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
draft: true            # checked but not published: remove this line when the event is ready
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

export function personScaffold(name: string): string {
  return `name: ${JSON.stringify(name)}   # in the collection's language; events may use it, an alias or the file name
# names: { en: English Name }           # the name in other languages
aliases: []                             # other spellings events may use, e.g. [Lenin, Uljanow]
# Life dates, written like an event's date; under the Julian calendar give both:
# born: { julian: 1870-04-10, gregorian: 1870-04-22 }
# died: 1924-01-21
# description: One line of plain text.
# wikidata: Q1394                       # only when certain: a wrong id is worse than none
`;
}

export function placeScaffold(name: string): string {
  return `name: ${JSON.stringify(name)}   # the name used when no historical name applies
# names: { en: English Name }           # the name in other languages
aliases: []                             # other spellings events may use
# coordinates: { lat: 59.9386, lon: 30.3141 }   # WGS 84 decimal degrees; for a region, a representative point
# within: rosja                         # the slug of the place that contains it
# historicalNames:                      # names through time; bounds inclusive, written like an event's date
#   - name: Sankt Petersburg
#     en: Saint Petersburg
#     until: 1914-08-30
#   - name: Piotrogród
#     from: 1914-08-31
# wikidata: Q656                        # only when certain: a wrong id is worse than none
`;
}
