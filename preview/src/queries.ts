// Every document the preview sends, typed against the API's schema. A front-end can copy these.
import { graphql } from "./graphql";

const EventCard = graphql(`
  fragment EventCard on Event @_unmask {
    slug
    title
    summary
    draft
    tags
    date { label earliest }
    places { slug name }
  }
`);

/** A record's events: a page of cards. */
const RecordEvents = graphql(
  `
  fragment RecordEvents on EventConnection @_unmask {
    totalCount
    edges { node { ...EventCard } }
    pageInfo { hasNextPage endCursor }
  }
`,
  [EventCard],
);

export const TimelinePage = graphql(
  `
  query TimelinePage($first: Int!, $after: String, $filter: EventFilter, $locale: Locale) {
    events(first: $first, after: $after, filter: $filter, locale: $locale) {
      totalCount
      edges { node { ...EventCard } }
      pageInfo { hasNextPage endCursor }
    }
    facets(filter: $filter) {
      tags { value name count }
      people { value name(locale: $locale) count }
      places { value name(locale: $locale) count }
    }
  }
`,
  [EventCard],
);

export const SearchPage = graphql(
  `
  query SearchPage($query: String!, $first: Int!, $after: String, $filter: EventFilter, $locale: Locale) {
    search(query: $query, first: $first, after: $after, filter: $filter, locale: $locale) {
      totalCount
      edges { snippet node { ...EventCard } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [EventCard],
);

export const EventPage = graphql(`
  query EventPage($slug: String!, $locale: Locale, $style: CitationStyle) {
    event(slug: $slug, locale: $locale) {
      slug
      title
      summary
      draft
      locale
      tags
      notes
      body(format: HTML)
      date { label julian gregorian calendar }
      people { slug name }
      places { slug name coordinates { lat lon } }
      citations { formatted(style: $style, format: HTML) source { slug title } }
      related { slug title date { label } }
      media {
        caption(locale: $locale)
        media {
          alt(locale: $locale)
          format
          width
          height
          credit
          licence
          source
          src: url(width: 1280)
          srcset
          avif: srcset(format: AVIF)
          webp: srcset(format: WEBP)
        }
      }
    }
  }
`);

export const PersonPage = graphql(
  `
  query PersonPage($slug: String!, $locale: Locale, $after: String) {
    person(slug: $slug) {
      slug
      name(locale: $locale)
      aliases
      description
      wikidata
      born { label(locale: $locale) }
      died { label(locale: $locale) }
      events(first: 50, after: $after, locale: $locale) { ...RecordEvents }
    }
  }
`,
  [RecordEvents],
);

export const PlacePage = graphql(
  `
  query PlacePage($slug: String!, $locale: Locale, $after: String) {
    place(slug: $slug) {
      slug
      name(locale: $locale)
      description
      wikidata
      aliases
      coordinates { lat lon }
      historicalNames { name(locale: $locale) from { label(locale: $locale) } until { label(locale: $locale) } }
      within { slug name(locale: $locale) }
      contains { slug name(locale: $locale) }
      events(first: 50, after: $after, locale: $locale) { ...RecordEvents }
    }
  }
`,
  [RecordEvents],
);
