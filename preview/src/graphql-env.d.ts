/* eslint-disable */
/* prettier-ignore */

export type introspection_types = {
  BodyFormat: { name: "BodyFormat"; enumValues: "HTML" | "MARKDOWN" | "TEXT" };
  Boolean: unknown;
  BoundingBox: {
    kind: "INPUT_OBJECT";
    name: "BoundingBox";
    isOneOf: false;
    inputFields: [
      {
        name: "east";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } };
        defaultValue: null;
      },
      {
        name: "north";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } };
        defaultValue: null;
      },
      {
        name: "south";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } };
        defaultValue: null;
      },
      {
        name: "west";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  Calendar: { name: "Calendar"; enumValues: "GREGORIAN" | "JULIAN" };
  Citation: {
    kind: "OBJECT";
    name: "Citation";
    fields: {
      formatted: { name: "formatted"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      locator: { name: "locator"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      note: { name: "note"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      source: { name: "source"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Source"; ofType: null } } };
    };
  };
  CitationFormat: { name: "CitationFormat"; enumValues: "HTML" | "TEXT" };
  CitationStyle: { name: "CitationStyle"; enumValues: "APA" | "CHICAGO" };
  Coordinates: {
    kind: "OBJECT";
    name: "Coordinates";
    fields: {
      lat: { name: "lat"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } } };
      lon: { name: "lon"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } } };
    };
  };
  DatePrecision: { name: "DatePrecision"; enumValues: "DAY" | "MONTH" | "YEAR" };
  Event: {
    kind: "OBJECT";
    name: "Event";
    fields: {
      body: { name: "body"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      citations: {
        name: "citations";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Citation"; ofType: null } };
          };
        };
      };
      date: { name: "date"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } } };
      draft: { name: "draft"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Boolean"; ofType: null } } };
      id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "ID"; ofType: null } } };
      locale: { name: "locale"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "ENUM"; name: "Locale"; ofType: null } } };
      notes: {
        name: "notes";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
          };
        };
      };
      people: {
        name: "people";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Person"; ofType: null } };
          };
        };
      };
      places: {
        name: "places";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Place"; ofType: null } };
          };
        };
      };
      related: {
        name: "related";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Event"; ofType: null } };
          };
        };
      };
      slug: { name: "slug"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      summary: { name: "summary"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      tags: {
        name: "tags";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
          };
        };
      };
      title: { name: "title"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
    };
  };
  EventConnection: {
    kind: "OBJECT";
    name: "EventConnection";
    fields: {
      edges: {
        name: "edges";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "EventEdge"; ofType: null } };
          };
        };
      };
      pageInfo: { name: "pageInfo"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PageInfo"; ofType: null } } };
      totalCount: { name: "totalCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
  EventEdge: {
    kind: "OBJECT";
    name: "EventEdge";
    fields: {
      cursor: { name: "cursor"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      node: { name: "node"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Event"; ofType: null } } };
    };
  };
  EventFilter: {
    kind: "INPUT_OBJECT";
    name: "EventFilter";
    isOneOf: false;
    inputFields: [
      { name: "bbox"; type: { kind: "INPUT_OBJECT"; name: "BoundingBox"; ofType: null }; defaultValue: null },
      { name: "calendar"; type: { kind: "ENUM"; name: "Calendar"; ofType: null }; defaultValue: "GREGORIAN" },
      { name: "from"; type: { kind: "SCALAR"; name: "String"; ofType: null }; defaultValue: null },
      {
        name: "people";
        type: {
          kind: "LIST";
          name: never;
          ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
        };
        defaultValue: null;
      },
      {
        name: "places";
        type: {
          kind: "LIST";
          name: never;
          ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
        };
        defaultValue: null;
      },
      { name: "source"; type: { kind: "SCALAR"; name: "String"; ofType: null }; defaultValue: null },
      {
        name: "tags";
        type: {
          kind: "LIST";
          name: never;
          ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
        };
        defaultValue: null;
      },
      { name: "to"; type: { kind: "SCALAR"; name: "String"; ofType: null }; defaultValue: null },
    ];
  };
  EventOrder: { name: "EventOrder"; enumValues: "CHRONOLOGICAL" | "REVERSE_CHRONOLOGICAL" };
  FacetCount: {
    kind: "OBJECT";
    name: "FacetCount";
    fields: {
      count: { name: "count"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
      name: { name: "name"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      value: { name: "value"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
    };
  };
  Facets: {
    kind: "OBJECT";
    name: "Facets";
    fields: {
      decades: {
        name: "decades";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "YearCount"; ofType: null } };
          };
        };
      };
      eventCount: { name: "eventCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
      people: {
        name: "people";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "FacetCount"; ofType: null } };
          };
        };
      };
      places: {
        name: "places";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "FacetCount"; ofType: null } };
          };
        };
      };
      tags: {
        name: "tags";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "FacetCount"; ofType: null } };
          };
        };
      };
      years: {
        name: "years";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "YearCount"; ofType: null } };
          };
        };
      };
    };
  };
  Float: unknown;
  HistoricalDate: {
    kind: "OBJECT";
    name: "HistoricalDate";
    fields: {
      approximate: {
        name: "approximate";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Boolean"; ofType: null } };
      };
      calendar: { name: "calendar"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "ENUM"; name: "Calendar"; ofType: null } } };
      edtf: { name: "edtf"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      end: { name: "end"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      gregorian: { name: "gregorian"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      julian: { name: "julian"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      label: { name: "label"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      precision: {
        name: "precision";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "ENUM"; name: "DatePrecision"; ofType: null } };
      };
      start: { name: "start"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      uncertain: { name: "uncertain"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Boolean"; ofType: null } } };
    };
  };
  ID: unknown;
  Int: unknown;
  JSON: unknown;
  Locale: { name: "Locale"; enumValues: "EN" | "PL" };
  Node: {
    kind: "INTERFACE";
    name: "Node";
    fields: { id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "ID"; ofType: null } } } };
    possibleTypes: "Event" | "Person" | "Place" | "Source";
  };
  PageInfo: {
    kind: "OBJECT";
    name: "PageInfo";
    fields: {
      endCursor: { name: "endCursor"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      hasNextPage: {
        name: "hasNextPage";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Boolean"; ofType: null } };
      };
      hasPreviousPage: {
        name: "hasPreviousPage";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Boolean"; ofType: null } };
      };
      startCursor: { name: "startCursor"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
    };
  };
  Person: {
    kind: "OBJECT";
    name: "Person";
    fields: {
      aliases: {
        name: "aliases";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
          };
        };
      };
      born: { name: "born"; type: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } };
      description: { name: "description"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      died: { name: "died"; type: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } };
      events: {
        name: "events";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "EventConnection"; ofType: null } };
      };
      id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "ID"; ofType: null } } };
      name: { name: "name"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      slug: { name: "slug"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      wikidata: { name: "wikidata"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
    };
  };
  PersonConnection: {
    kind: "OBJECT";
    name: "PersonConnection";
    fields: {
      edges: {
        name: "edges";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PersonEdge"; ofType: null } };
          };
        };
      };
      pageInfo: { name: "pageInfo"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PageInfo"; ofType: null } } };
      totalCount: { name: "totalCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
  PersonEdge: {
    kind: "OBJECT";
    name: "PersonEdge";
    fields: {
      cursor: { name: "cursor"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      node: { name: "node"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Person"; ofType: null } } };
    };
  };
  Place: {
    kind: "OBJECT";
    name: "Place";
    fields: {
      aliases: {
        name: "aliases";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
          };
        };
      };
      contains: {
        name: "contains";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Place"; ofType: null } };
          };
        };
      };
      coordinates: { name: "coordinates"; type: { kind: "OBJECT"; name: "Coordinates"; ofType: null } };
      description: { name: "description"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      events: {
        name: "events";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "EventConnection"; ofType: null } };
      };
      historicalNames: {
        name: "historicalNames";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PlaceName"; ofType: null } };
          };
        };
      };
      id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "ID"; ofType: null } } };
      name: { name: "name"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      slug: { name: "slug"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      wikidata: { name: "wikidata"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      within: { name: "within"; type: { kind: "OBJECT"; name: "Place"; ofType: null } };
    };
  };
  PlaceConnection: {
    kind: "OBJECT";
    name: "PlaceConnection";
    fields: {
      edges: {
        name: "edges";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PlaceEdge"; ofType: null } };
          };
        };
      };
      pageInfo: { name: "pageInfo"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PageInfo"; ofType: null } } };
      totalCount: { name: "totalCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
  PlaceEdge: {
    kind: "OBJECT";
    name: "PlaceEdge";
    fields: {
      cursor: { name: "cursor"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      node: { name: "node"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Place"; ofType: null } } };
    };
  };
  PlaceName: {
    kind: "OBJECT";
    name: "PlaceName";
    fields: {
      from: { name: "from"; type: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } };
      name: { name: "name"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      until: { name: "until"; type: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } };
    };
  };
  Query: {
    kind: "OBJECT";
    name: "Query";
    fields: {
      event: { name: "event"; type: { kind: "OBJECT"; name: "Event"; ofType: null } };
      events: {
        name: "events";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "EventConnection"; ofType: null } };
      };
      facets: { name: "facets"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Facets"; ofType: null } } };
      geojson: { name: "geojson"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "JSON"; ofType: null } } };
      node: { name: "node"; type: { kind: "INTERFACE"; name: "Node"; ofType: null } };
      people: {
        name: "people";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PersonConnection"; ofType: null } };
      };
      person: { name: "person"; type: { kind: "OBJECT"; name: "Person"; ofType: null } };
      place: { name: "place"; type: { kind: "OBJECT"; name: "Place"; ofType: null } };
      places: {
        name: "places";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PlaceConnection"; ofType: null } };
      };
      revision: { name: "revision"; type: { kind: "OBJECT"; name: "Revision"; ofType: null } };
      search: {
        name: "search";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "SearchConnection"; ofType: null } };
      };
      source: { name: "source"; type: { kind: "OBJECT"; name: "Source"; ofType: null } };
      sources: {
        name: "sources";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "SourceConnection"; ofType: null } };
      };
      timeline: { name: "timeline"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "JSON"; ofType: null } } };
    };
  };
  Revision: {
    kind: "OBJECT";
    name: "Revision";
    fields: {
      eventCount: { name: "eventCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
      id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      sourceCount: { name: "sourceCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
      syncedAt: { name: "syncedAt"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
    };
  };
  SearchConnection: {
    kind: "OBJECT";
    name: "SearchConnection";
    fields: {
      edges: {
        name: "edges";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "SearchEdge"; ofType: null } };
          };
        };
      };
      pageInfo: { name: "pageInfo"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PageInfo"; ofType: null } } };
      totalCount: { name: "totalCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
  SearchEdge: {
    kind: "OBJECT";
    name: "SearchEdge";
    fields: {
      cursor: { name: "cursor"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      node: { name: "node"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Event"; ofType: null } } };
      score: { name: "score"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Float"; ofType: null } } };
      snippet: { name: "snippet"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
    };
  };
  Source: {
    kind: "OBJECT";
    name: "Source";
    fields: {
      authors: {
        name: "authors";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } };
          };
        };
      };
      citation: { name: "citation"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      csl: { name: "csl"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "JSON"; ofType: null } } };
      date: { name: "date"; type: { kind: "OBJECT"; name: "HistoricalDate"; ofType: null } };
      events: {
        name: "events";
        type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "EventConnection"; ofType: null } };
      };
      id: { name: "id"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "ID"; ofType: null } } };
      issued: { name: "issued"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      language: { name: "language"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      publisher: { name: "publisher"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
      slug: { name: "slug"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      title: { name: "title"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      type: { name: "type"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      url: { name: "url"; type: { kind: "SCALAR"; name: "String"; ofType: null } };
    };
  };
  SourceConnection: {
    kind: "OBJECT";
    name: "SourceConnection";
    fields: {
      edges: {
        name: "edges";
        type: {
          kind: "NON_NULL";
          name: never;
          ofType: {
            kind: "LIST";
            name: never;
            ofType: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "SourceEdge"; ofType: null } };
          };
        };
      };
      pageInfo: { name: "pageInfo"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "PageInfo"; ofType: null } } };
      totalCount: { name: "totalCount"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
  SourceEdge: {
    kind: "OBJECT";
    name: "SourceEdge";
    fields: {
      cursor: { name: "cursor"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "String"; ofType: null } } };
      node: { name: "node"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "OBJECT"; name: "Source"; ofType: null } } };
    };
  };
  String: unknown;
  YearCount: {
    kind: "OBJECT";
    name: "YearCount";
    fields: {
      count: { name: "count"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
      year: { name: "year"; type: { kind: "NON_NULL"; name: never; ofType: { kind: "SCALAR"; name: "Int"; ofType: null } } };
    };
  };
};

/** An IntrospectionQuery representation of your schema.
 *
 * @remarks
 * This is an introspection of your schema saved as a file by GraphQLSP.
 * It will automatically be used by `gql.tada` to infer the types of your GraphQL documents.
 * If you need to reuse this data or update your `scalars`, update `tadaOutputLocation` to
 * instead save to a .ts instead of a .d.ts file.
 */
export type introspection = {
  name: never;
  query: "Query";
  mutation: never;
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from "gql.tada";

declare module "gql.tada" {
  interface setupSchema {
    introspection: introspection;
  }
}
