// The CSL-JSON vocabulary (CSL 1.0.2): item types and variable names, so a Zotero export pastes in.

export const cslTypes = [
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
  "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
  "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
  "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
  "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
  "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
] as const;

export const cslNameVariables = [
  "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
  "curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host",
  "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
  "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
] as const;

export const cslDateVariables = ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"] as const;

export const cslTextVariables = [
  "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
  "call-number", "chapter-number", "citation-key", "citation-label", "collection-number", "collection-title",
  "container-title", "container-title-short", "dimensions", "division", "DOI", "edition", "event",
  "event-title", "event-place", "genre", "ISBN", "ISSN", "issue", "jurisdiction", "keyword", "language",
  "license", "medium", "note", "number", "number-of-pages", "number-of-volumes", "original-publisher",
  "original-publisher-place", "original-title", "page", "page-first", "part-number", "part-title", "PMCID",
  "PMID", "printing-number", "publisher", "publisher-place", "references", "reviewed-genre",
  "reviewed-title", "scale", "section", "source", "status", "supplement-number", "title-short", "URL",
  "version", "volume", "volume-title", "volume-title-short", "year-suffix",
] as const;
