// What search indexes and where it gets it from. Search declares it; the library implements it.

/** What the search engine indexes for one article; the library produces these from SQLite. */
export interface SearchDocument {
  id: string;
  title: string;
  body: string;
  author: string | null;
  source: string | null;
  tags: string[];
  publishedAt: string | null;
  importedAt: string;
  /** Annotation notes and highlighted quotes, once annotations exist. */
  notes: string[];
}

/** Where the search index gets its documents: the library, the source of truth. */
export interface SearchDocumentSource {
  /** Bumped on every change that affects search documents; persisted with the index to detect staleness. */
  generation(): number;
  allSearchDocuments(): Iterable<SearchDocument>;
  searchDocuments(ids: readonly string[]): SearchDocument[];
}
