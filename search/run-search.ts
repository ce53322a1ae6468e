import type { SearchDocument } from '../library/model.ts';
import { matchDocument } from './highlight.ts';
import { isEmptyQuery, parseQuery } from './query-parser.ts';
import { compareCandidates, type Candidate, type SearchEngine } from './search-engine.ts';
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
  let merged: Candidate[];
  if (segments.engines.length === 1 && segments.removed.size === 0) merged = segments.engines[0]!.candidates(query);
  else {
    merged = [];
    segments.engines.forEach((engine, age) => {
      const newer = segments.engines.slice(0, age);
      for (const candidate of engine.candidates(query)) {
        // A document re-indexed in a newer segment is stale here, whether or not it still matches there.
        if (segments.removed.has(candidate.id) || newer.some((e) => e.has(candidate.id))) continue;
        merged.push(candidate);
      }
    });
  }
  // All words should match. Only when no document has them all, and the query is long enough that
  // one missing word is forgivable, do near-complete matches show, best first.
  const complete = merged.filter((candidate) => candidate.words === query.words.length);
  const nearlyComplete = query.words.length >= 3 ? merged.filter((candidate) => candidate.words >= query.words.length - 1) : [];
  const ranked = query.words.length === 0 ? merged : complete.length > 0 ? complete : nearlyComplete;
  const accept = options.accept;
  const accepted = accept ? ranked.filter((candidate) => accept(candidate.id)) : ranked;
  // Phrases were verified against syllable positions by the engine, so no stored text is read here.
  const page = selectTop(accepted, offset + limit, compareCandidates).slice(offset);
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
  return { query: raw, total: accepted.length, tookMs: Math.round((performance.now() - started) * 10) / 10, hits };
}
