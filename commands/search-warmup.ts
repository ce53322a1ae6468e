// The first query after start used to pay for everything the index builds lazily. The core worker
// asks for it right after start instead, while the reader is still looking at the window.
import type { SearchOptions, SearchResult } from '../search/types.ts';

export interface WarmableSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
}

/**
 * Queries that touch each lazy part once: the segments read from disk (any query waits for them),
 * BM25's length norms per field, the exact-form tables a two-word query ranks with, the prefix
 * expansion of a word being typed, and the typo vocabulary (a lunr TokenSet of every syllable-like
 * term, the slowest to build), which only a word the library lacks calls for.
 */
export const WARM_QUERIES: readonly string[] = ['việt nam', 'dan so', 'thanh ph', 'xqvzk nam'];

/** Runs the warm-up queries one after another; a failure is only logged, since a real query will report it. */
export async function warmSearch(search: WarmableSearch, log: (message: string) => void = () => {}): Promise<number> {
  const started = performance.now();
  try {
    for (const query of WARM_QUERIES) await search.search(query, { limit: 1 });
  } catch (error) {
    log(`search warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return performance.now() - started;
}
