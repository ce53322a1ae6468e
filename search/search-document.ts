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
  /**
   * The newest change sequence number committed by any process: every change to an article's search
   * document (text, tags, notes) or its removal gets the next one. An index records the highest it has
   * indexed and catches up from there.
   */
  changeSeq(): number;
  /** Articles changed or removed after `since`, and the newest sequence number among them, read in one snapshot. */
  changesSince(since: number): { seq: number; ids: string[] };
  allSearchDocuments(): Iterable<SearchDocument>;
  searchDocuments(ids: readonly string[]): SearchDocument[];
}
