// The query GraphiQL opens with: a page of the timeline with both calendars and citations.
export const exampleQuery = `# Kronika: a timeline of history in both calendars.
# Press ▶ to run. Ctrl-Space completes fields; the Docs panel describes every type.
query Timeline {
  events(first: 5) {
    totalCount
    edges {
      node {
        title
        date {
          label            # "25 października (7 listopada) 1917"
          julian           # as EDTF in the Julian calendar (old style)
          gregorian        # the same days in the Gregorian calendar
        }
        citations { source { title } locator }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  revision { id syncedAt eventCount }
}
`;
