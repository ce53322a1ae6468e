import type { SearchDocument } from '../library/model.ts';
import { matchDocument } from './highlight.ts';
import { isEmptyQuery, parseQuery } from './query-parser.ts';
import { compareCandidates, type Candidate, type SearchEngine } from './search-engine.ts';
import { buildSnippet } from './snippet.ts';
import type { SearchOptions, SearchResult } from './types.ts';

export const NOTHING_SEARCHABLE = 'Nothing to search for: type a word, a "quoted phrase" or a filter such as source:';

export interface SearchSegments {
  /** Newest first: a document found in a newer segment hides its older copies. */
  engines: readonly SearchEngine[];
  /** Documents removed since the oldest segment was built. */
  removed: ReadonlySet<string>;
  documents: (ids: readonly string[]) => SearchDocument[];
}

/** Runs one query over the index segments, verifies phrases against stored text, and highlights the page shown. */
export function runSearch(raw: string, segments: SearchSegments, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const query = parseQuery(raw);
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (isEmptyQuery(query)) {
    return { query: raw, total: 0, tookMs: 0, hits: [], message: raw.trim() ? NOTHING_SEARCHABLE : undefined };
  }
  const seen = new Set<string>();
  const merged: Candidate[] = [];
  segments.engines.forEach((engine, age) => {
    const newer = segments.engines.slice(0, age);
    for (const candidate of engine.candidates(query)) {
      // A document re-indexed in a newer segment is stale here, whether or not it still matches there.
      if (seen.has(candidate.id) || segments.removed.has(candidate.id) || newer.some((e) => e.has(candidate.id))) continue;
      seen.add(candidate.id);
      merged.push(candidate);
    }
  });
  merged.sort(compareCandidates);
  // All words should match. Only when no document has them all, and the query is long enough that
  // one missing word is forgivable, do near-complete matches show, best first.
  const complete = merged.filter((candidate) => candidate.words === query.words.length);
  const nearlyComplete = query.words.length >= 3 ? merged.filter((candidate) => candidate.words >= query.words.length - 1) : [];
  const ranked = query.words.length === 0 ? merged : complete.length > 0 ? complete : nearlyComplete;
  const accepted = ranked.filter((candidate) => !options.accept || options.accept(candidate.id));
  const needsVerification = query.phrases.some((p) => p.length > 2) || query.excludedPhrases.length > 0;
  let verified = accepted;
  if (needsVerification) {
    const docs = new Map(segments.documents(accepted.map((c) => c.id)).map((doc) => [doc.id, doc]));
    verified = accepted.filter((candidate) => {
      const doc = docs.get(candidate.id);
      return doc !== undefined && matchDocument(doc, query).phrasesVerified;
    });
  }
  const page = verified.slice(offset, offset + limit);
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
  return { query: raw, total: verified.length, tookMs: Math.round((performance.now() - started) * 10) / 10, hits };
}
