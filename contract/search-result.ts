// One page of search hits with the ranges that matched, as the `search.query` command returns it.
import type { SearchIndexBehind } from './events.ts';

export interface MatchRange {
  field: 'title' | 'body';
  start: number;
  end: number;
  /** Set when the range was matched only as a typo correction of a query word, not as typed. */
  typo?: true;
}

/** A query word the typo model also searched corrections for, and the corrections marked on this page. */
export interface SearchCorrection {
  /** The word as typed (lowercase). */
  typed: string;
  /** The corrected forms as written in the articles shown, most frequent first. */
  shown: string[];
}

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  snippet: { text: string; matches: { start: number; end: number; typo?: true }[] };
  matches: MatchRange[];
  /** Set when the article was found through an annotation's note (or quote): `snippet` is then that note. */
  matchedIn?: 'note';
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: SearchHit[];
  /** A one-line note, e.g. when nothing searchable remains in the query or the index is being built. */
  message?: string;
  /** Words the typo model corrected because they were scarce in the library, when the page marks a correction. */
  corrections?: SearchCorrection[];
  /** Set when a newer query from the same client arrived before this one ran: nothing was searched. */
  cancelled?: true;
  /** Set when the index could not take in the library's latest changes: the hits may miss recent articles. */
  behind?: SearchIndexBehind;
}

