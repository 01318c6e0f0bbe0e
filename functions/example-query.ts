// The queries GraphiQL opens with, as tabs: real, commented examples against the shipped collection.

export interface ExampleTab {
  query: string;
  variables?: string;
}

const timeline = `# Kronika: a timeline of history in both calendars.
# Press ▶ (or Ctrl-Enter) to run. Ctrl-Space completes fields; the Docs panel (book icon) describes every type.
# The October days of 1917, dated as the Russian sources date them (Julian calendar, "old style"):
query Timeline {
  events(first: 10, filter: { calendar: JULIAN, from: "1917-10-24", to: "1917-10-31" }) {
    totalCount
    edges {
      node {
        title
        date {
          label            # "25 października (7 listopada) 1917": Julian, then Gregorian
          julian           # the days as EDTF in the Julian calendar
          gregorian        # the same days in the Gregorian calendar
        }
        places { name }  # named as on the event's day: Piotrogród in 1917, Leningrad in 1925
        citations { source { title } locator }
      }
    }
    pageInfo { hasNextPage endCursor }   # pass endCursor as "after" for the next page
  }
  revision { id syncedAt eventCount }
}
`;

const eventDetail = `# One event in full: its body as HTML, the editor's notes and the events it leads into.
query EventDetail($slug: String!) {
  event(slug: $slug) {
    id                                   # a global ID: node(id:) refetches it
    title
    summary
    date { label(locale: EN) earliest latest precision }
    body(format: HTML)
    notes                                # e.g. a date corrected against a source
    people { slug name en: name(locale: EN) }
    places { name coordinates { lat lon } within { name } }
    related { slug title date { label } }
    citations {
      locator
      formatted                          # a Chicago full note with the locator: "…, rozdz. IV."
      apa: formatted(style: APA, locale: EN)
    }
  }
}
`;

const sourceWithEvents = `# A source (CSL-JSON), formatted in two styles, and the events that cite it.
query SourceWithEvents($slug: String!) {
  source(slug: $slug) {
    title
    type
    date { label }                       # a decree, dated in both calendars
    chicago: citation(format: HTML)      # a bibliography entry, formatted when the content was synced
    apa: citation(style: APA, locale: EN)
    csl                                  # the whole CSL-JSON item
    events(first: 5) { totalCount edges { node { title date { label } } } }
  }
}
`;

const dateRange = `# A date range read in the Gregorian calendar ("new style"), with a person:
# every event naming Lenin that overlaps November 1917.
query LeninInNovember {
  events(first: 20, filter: { people: ["wlodzimierz-lenin"], from: "1917-11", to: "1917-11" }) {
    totalCount
    edges { node { title date { label gregorian } } }
  }
}
`;

const search = `# Full-text search: case, Polish letters and inflection do not matter ("palac zimowy" finds "Pałac Zimowy").
query Search {
  search(query: "Pałacu Zimowego", first: 5) {
    totalCount
    edges { score snippet node { title date { label } } }
  }
}
`;

const peopleAndPlaces = `# People and places are records: names in other languages, life dates in both calendars,
# places named as they were at the time, and the places within them.
query PeopleAndPlaces {
  person(slug: "wlodzimierz-lenin") {
    name
    en: name(locale: EN)
    born { label }                       # "10 kwietnia (22 kwietnia) 1870": Julian, then Gregorian
    events(first: 3) { totalCount edges { node { title date { label } } } }
  }
  place(slug: "piotrogrod") {
    name
    in1913: name(at: "1913")             # Sankt Petersburg
    in1925: name(at: "1925")             # Leningrad
    historicalNames { name from { label } until { label } }
    contains { name coordinates { lat lon } }
    # Events here or at any place within it (the Winter Palace, Smolny, …)
    events(first: 3) { totalCount edges { node { title } } }
  }
  people(first: 5, query: "lew") { edges { node { slug name } } }   # in the Polish alphabet: Ł after L
  # For a map: every event with a place in the box, as GeoJSON points
  geojson(filter: { bbox: { south: 59.85, west: 30.15, north: 60.05, east: 30.5 }, from: "1917-10", to: "1917-11" })
}
`;

export const exampleTabs: ExampleTab[] = [
  { query: timeline },
  { query: eventDetail, variables: JSON.stringify({ slug: "szturm-na-palac-zimowy" }, null, 2) },
  { query: sourceWithEvents, variables: JSON.stringify({ slug: "dekret-o-pokoju" }, null, 2) },
  { query: dateRange },
  { query: peopleAndPlaces },
  { query: search },
];

export const exampleQuery = timeline;

/**
 * A GraphiQL renderer opening on the examples, as `npm start` serves it. The deployed GraphiQL is a static
 * site (infra/graphiql-site.ts), so the GraphQL function itself carries no examples.
 */
export const withExampleTabs =
  (render: (options?: object) => string) =>
  (options?: object): string =>
    render({ ...options, defaultQuery: exampleQuery, defaultTabs: exampleTabs });
