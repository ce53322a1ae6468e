export type { MatchRange, SearchHit, SearchResult } from '../contract/search-result.ts';
export type { SearchIndexState } from '../contract/events.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Applied before limit and offset, e.g. to hide trashed articles or apply filter chips. */
  accept?: (id: string) => boolean;
  /** "Exact diacritics only": words match only as written (see exactClauses in query-clauses.ts). */
  exactDiacritics?: boolean;
}
