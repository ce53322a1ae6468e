import type { SearchDocument } from './search-document.ts';
import { matchDocument } from './highlight.ts';
import { isEmptyQuery, parseQuery } from './query-parser.ts';
import { compareCandidates, type Candidate, type KeepId } from './candidate-set.ts';
import type { SearchEngine } from './search-engine.ts';
import { buildSnippet } from './snippet.ts';
import { selectTop } from './top-candidates.ts';
import type { SearchOptions, SearchResult } from './types.ts';

export const NOTHING_SEARCHABLE = 'Nothing to search for: type a word, a "quoted phrase" or a filter such as source:';

export interface SearchSegments {
  /** Newest first: a document found in a newer segment hides its older copies. */
  engines: readonly SearchEngine[];
  /** Documents removed since the oldest segment was built. */
  removed: ReadonlySet<string>;
  documents: (ids: readonly string[]) => SearchDocument[];
}

/** Runs one query over the index segments and highlights the page shown from the stored text. */
export function runSearch(raw: string, segments: SearchSegments, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const query = parseQuery(raw);
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (isEmptyQuery(query)) {
    return { query: raw, total: 0, tookMs: 0, hits: [], message: raw.trim() ? NOTHING_SEARCHABLE : undefined };
  }
  const wanted = offset + limit;
  // A document re-indexed in a newer segment is stale in the older ones, whether or not it still matches there.
  const parts = segments.engines.map((engine, age) => {
    const newer = segments.engines.slice(0, age);
    const fresh: KeepId = age === 0 && segments.removed.size === 0 ? null : (id) => !segments.removed.has(id) && !newer.some((e) => e.has(id));
    return { found: engine.candidates(query), fresh };
  });
  // All words should match. Only when no document has them all, and the query is long enough that
  // one missing word is forgivable, do near-complete matches show, best first.
  const wordCount = query.words.length;
  const anyComplete = wordCount === 0 || parts.some(({ found, fresh }) => found.some(wordCount, fresh));
  const minWords = anyComplete ? wordCount : wordCount >= 3 ? wordCount - 1 : Infinity;
  const accept = options.accept;
  let total = 0;
  const best: Candidate[] = [];
  for (const { found, fresh } of parts) {
    const keep: KeepId = fresh && accept ? (id) => fresh(id) && accept(id) : (fresh ?? accept ?? null);
    const selected = found.select(minWords, keep, wanted);
    total += selected.total;
    best.push(...selected.top);
  }
  // Phrases were verified against syllable positions by the engine, so no stored text is read here.
  const page = (parts.length === 1 ? best : selectTop(best, wanted, compareCandidates)).slice(offset);
  const docs = new Map(segments.documents(page.map((c) => c.id)).map((doc) => [doc.id, doc]));
  const hits = page.flatMap((candidate) => {
    const doc = docs.get(candidate.id);
    if (!doc) return [];
    const { matches, bodyRanges, exactHits } = matchDocument(doc, query);
    return [
      {
        id: doc.id,
        title: doc.title,
        score: Math.round((candidate.score + exactHits * 0.01) * 1000) / 1000,
        snippet: buildSnippet(doc.body, bodyRanges),
        matches,
      },
    ];
  });
  return { query: raw, total, tookMs: Math.round((performance.now() - started) * 10) / 10, hits };
}
