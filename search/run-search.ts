import type { SearchDocument } from './search-document.ts';
import { matchDocument, type CorrectedForms } from './highlight.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query-parser.ts';
import { compareCandidates, type Candidate, type CandidateSet, type KeepId } from './candidate-set.ts';
import type { SearchEngine } from './search-engine.ts';
import { buildSnippet } from './snippet.ts';
import { noteMatch } from './note-match.ts';
import { selectTop } from './top-candidates.ts';
import { pageCorrections, segmentCorrections } from './typo-corrections.ts';
import type { SearchHit, SearchOptions, SearchResult } from './types.ts';

export const NOTHING_SEARCHABLE = 'Nothing to search for: type a word, a "quoted phrase" or a filter such as source:';

export interface SearchSegments {
  /** Newest first: a document found in a newer segment hides its older copies. */
  engines: readonly SearchEngine[];
  /** Documents removed since the oldest segment was built. */
  removed: ReadonlySet<string>;
  /** The stored documents of the page shown, asked for once per query with all its ids. */
  documents: (ids: readonly string[]) => SearchDocument[];
}

interface SegmentMatches {
  found: CandidateSet;
  fresh: KeepId;
}

/**
 * Whether the last word is a single letter still being typed. As a prefix it would stand for
 * every word starting with that letter, i.e. nearly every article, and cost the most of any query
 * while telling the reader nothing; so it is matched as a whole word only, which is what one-letter
 * Vietnamese syllables (ở, ý, á, ô) need.
 */
function typingOneLetter(query: ParsedQuery): boolean {
  const last = query.words[query.words.length - 1];
  return query.prefix && last !== undefined && [...last.folded].length === 1;
}

function matchSegments(query: ParsedQuery, segments: SearchSegments, only: ((id: string) => boolean) | null, rank: boolean, onlyIds: ReadonlySet<string> | null): SegmentMatches[] {
  // A document re-indexed in a newer segment is stale in the older ones, whether or not it still matches there.
  return segments.engines.map((engine, age) => {
    const newer = segments.engines.slice(0, age);
    const fresh: KeepId = age === 0 && segments.removed.size === 0 ? null : (id) => !segments.removed.has(id) && !newer.some((e) => e.has(id));
    return { found: engine.candidates(query, only, rank, onlyIds), fresh };
  });
}

const hasAllWords = (query: ParsedQuery, parts: readonly SegmentMatches[]): boolean =>
  query.words.length === 0 || parts.some(({ found, fresh }) => found.some(query.words.length, fresh));

/** Runs one query over the index segments and highlights only the page asked for, from the stored text. */
export function runSearch(raw: string, segments: SearchSegments, options: SearchOptions = {}): SearchResult {
  const started = performance.now();
  const typed = parseQuery(raw, (term) => segments.engines.some((engine) => engine.hasTerm(term)));
  // Exact: every word counts as typed with its marks, for matching and for marking alike.
  const parsed = options.exactDiacritics ? { ...typed, exact: true, words: typed.words.map((word) => ({ ...word, accented: true })) } : typed;
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (isEmptyQuery(parsed)) {
    return { query: raw, total: 0, tookMs: 0, hits: [], message: raw.trim() ? NOTHING_SEARCHABLE : undefined };
  }
  // A count (limit 0: a saved search's new matches, a bulk action's "select all") orders nothing, so
  // its candidates are not graded for proximity: the total does not depend on it.
  const rank = limit > 0;
  const oneLetter = typingOneLetter(parsed);
  let query: ParsedQuery = oneLetter ? { ...parsed, prefix: false } : parsed;
  let parts = matchSegments(query, segments, options.accept ?? null, rank, options.acceptIds ?? null);
  let anyComplete = hasAllWords(query, parts);
  // "dam p": while the next letter is on its way, the words before it keep their results instead of none.
  if (oneLetter && !anyComplete && !isEmptyQuery({ ...query, words: query.words.slice(0, -1) })) {
    query = { ...query, words: query.words.slice(0, -1) };
    parts = matchSegments(query, segments, options.accept ?? null, rank, options.acceptIds ?? null);
    anyComplete = hasAllWords(query, parts);
  }
  // All words should match. Only when no document has them all, and the query is long enough that
  // one missing word is forgivable, do near-complete matches show, best first. A word matched only
  // by a completion of the last word or by a typo counts only when no document has every word as
  // typed ("khoi to": the articles with khởi tố, not those with khởi công and toàn bộ).
  const wordCount = query.words.length;
  const strict = wordCount > 0 && parts.some(({ found, fresh }) => found.some(wordCount, fresh, true));
  const minWords = anyComplete ? wordCount : wordCount >= 3 ? wordCount - 1 : Infinity;
  const wanted = offset + limit;
  let total = 0;
  const best: Candidate[] = [];
  // `accept` already narrowed the candidates inside each engine; only stale copies are left to drop.
  // select() asks `keep` once for each candidate with enough words, so what it keeps is what it counts.
  const collect = options.collect;
  for (const { found, fresh } of parts) {
    const keep: KeepId = collect
      ? (id) => {
          if (fresh && !fresh(id)) return false;
          collect(id);
          return true;
        }
      : fresh;
    const selected = found.select(minWords, keep, wanted, strict);
    total += selected.total;
    best.push(...selected.top);
  }
  // Phrases were verified against syllable positions by the engine, so no stored text is read for
  // ranking: only the page asked for is fetched (in one call) and highlighted.
  const page = (parts.length === 1 ? best : selectTop(best, wanted, compareCandidates)).slice(offset, wanted);
  const docs = new Map(segments.documents(page.map((c) => c.id)).map((doc) => [doc.id, doc]));
  const corrections = query.exact || page.length === 0 ? [] : segmentCorrections(query, segments.engines);
  const corrected: CorrectedForms[] = [];
  const hits = page.flatMap((candidate): SearchHit[] => {
    const doc = docs.get(candidate.id);
    if (!doc) return [];
    const found = matchDocument(doc, query, corrections);
    const { matches, bodyRanges, exactHits } = found;
    corrected.push(found.corrected);
    // Found through a note: the note is what the reader needs to see, and the results say so.
    const note = noteMatch(doc, query);
    return [
      {
        id: doc.id,
        title: doc.title,
        score: Math.round((candidate.score + exactHits * 0.01) * 1000) / 1000,
        snippet: note ?? buildSnippet(doc.body, bodyRanges, found.bodyFocus),
        matches,
        ...(note ? { matchedIn: 'note' as const } : {}),
      },
    ];
  });
  const shown = pageCorrections(query, corrected);
  return { query: raw, total, tookMs: Math.round((performance.now() - started) * 10) / 10, hits, ...(shown.length ? { corrections: shown } : {}) };
}
