export type { MatchRange, SearchHit, SearchResult } from '../contract/search-result.ts';
export type { SearchIndexState } from '../contract/events.ts';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /**
   * Applied before limit and offset, e.g. to hide trashed articles or apply filter chips. It narrows the
   * candidates inside the engine, so it may be asked about documents that do not end up counted: keep it
   * a pure test, and use `collect` to learn which ones are.
   */
  accept?: (id: string) => boolean;
  /**
   * Only these ids, as `accept` but known in advance (a saved search's new articles): each segment
   * marks them once and skips every other document as it reads postings, before scoring.
   */
  acceptIds?: ReadonlySet<string>;
  /** Told every hit counted in `total`, once each, in no order (a bulk action on all results, limit 0). */
  collect?: (id: string) => void;
  /** "Exact diacritics only": words match only as written (see exactClauses in query-clauses.ts). */
  exactDiacritics?: boolean;
}
