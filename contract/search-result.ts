// One page of search hits with the ranges that matched, as the `search.query` command returns it.
import type { SearchIndexBehind } from './events.ts';

export interface MatchRange {
  field: 'title' | 'body';
  start: number;
  end: number;
}

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  snippet: { text: string; matches: { start: number; end: number }[] };
  matches: MatchRange[];
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: SearchHit[];
  /** A one-line note, e.g. when nothing searchable remains in the query or the index is being built. */
  message?: string;
  /** Set when a newer query from the same client arrived before this one ran: nothing was searched. */
  cancelled?: true;
  /** Set when the index could not take in the library's latest changes: the hits may miss recent articles. */
  behind?: SearchIndexBehind;
}

