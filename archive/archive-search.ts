// Searching the shared archive: the query is parsed by the local engine's own parser, turned into a
// tsquery over the forms archive-search-schema.ts indexes, answered by PostgreSQL (nr_search applies
// the articles' row-level security rule for the reporter), and the page's snippets are marked in Node by the local engine's
// highlighter, so an archive hit reads like a local one.
import type { Block } from '../contract/article.ts';
import type { ArchiveHit, ArchiveSearchResult } from '../contract/archive.ts';
import { matchDocument, type WordCorrections } from '../search/highlight.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryWord } from '../search/query-parser.ts';
import { NOTHING_SEARCHABLE } from '../search/run-search.ts';
import type { SearchDocument } from '../search/search-document.ts';
import { buildSnippet } from '../search/snippet.ts';
import { canonicalFolded } from '../search/vietnamese-text.ts';
import type { ArchiveDb } from './archive-connection.ts';
import { PAIR_JOINER } from './archive-search-pairs.ts';
import { exactKey } from './archive-search-schema.ts';

export interface ArchiveSearchOptions {
  limit?: number;
  offset?: number;
}

/**
 * Matches past this many are neither ranked nor counted: a word in most articles (của, và) would
 * otherwise make PostgreSQL read and rank every article's vector. The first matches the index gives
 * are ranked, and the result says so.
 */
export const MAX_RANKED = 200;
/** Known words tried for a query word the archive does not know (a typo). */
const TYPO_ALTERNATIVES = 3;
/** ts_rank weights for D, C, B, A: body folded, body exact, title folded, title exact. */
const WEIGHTS = '{0.1, 0.3, 0.4, 1.0}';

/** A tsquery lexeme literal. */
function lexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** The syllables a word is indexed as: a hyphenated name is its parts, side by side. */
function parts(term: string): string[] {
  return term.split(/['’-]+/u).filter(Boolean);
}

function chain(terms: readonly string[], weight = ''): string {
  const quoted = terms.map((term) => lexeme(term) + weight);
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' <-> ')})`;
}

interface WordTerms {
  exact: string[];
  folded: string[];
  accented: boolean;
}

function termsOf(word: QueryWord): WordTerms {
  return { exact: parts(word.exact).map(exactKey), folded: parts(word.folded), accented: word.accented };
}

/**
 * The pair lexemes of syllables in a row (archive-search-pairs.ts): every article holding the
 * sequence holds them all, so GIN narrows to those before the `<->` check reads any vector.
 */
function pairsOf(syllables: readonly string[]): string[] {
  const pairs = new Set<string>();
  for (let i = 1; i < syllables.length; i++) pairs.add(`${syllables[i - 1]}${PAIR_JOINER}${syllables[i]}`);
  return [...pairs];
}

/**
 * A word or phrase: found by its folded syllables in order; the exact ones, when typed, rank above.
 * Two syllables or more also need their pairs (an index filter beside the exact `<->` check).
 */
function sequenceQuery(words: readonly WordTerms[], alternatives: readonly string[] = []): string {
  const syllables = words.flatMap((w) => w.folded);
  const options = [chain(syllables), ...alternatives.map((term) => lexeme(term))];
  if (words.some((w) => w.accented)) options.unshift(chain(words.flatMap((w) => (w.accented ? w.exact : w.folded))));
  const sequence = options.length === 1 ? options[0]! : `(${options.join(' | ')})`;
  const pairs = alternatives.length ? [] : pairsOf(syllables);
  return pairs.length ? `(${[...pairs.map(lexeme), sequence].join(' & ')})` : sequence;
}

interface BuiltQuery {
  tsquery: string;
  /** Per query word, the known words searched in its place (a typo), for the highlighter. */
  corrections: WordCorrections;
}

function buildQuery(query: ParsedQuery, vocabulary: Vocabulary): BuiltQuery | null {
  const words = query.words.map(termsOf);
  const clauses: string[] = [];
  const corrections: (readonly { term: string; kind: 'edit' }[] | undefined)[] = [];
  words.forEach((word, i) => {
    const similar = word.folded.length === 1 ? (vocabulary.similar.get(word.folded[0]!) ?? []) : [];
    corrections[i] = similar.length ? similar.map((term) => ({ term, kind: 'edit' as const })) : undefined;
    clauses.push(sequenceQuery([word], similar));
  });
  for (const phrase of query.phrases) clauses.push(sequenceQuery(phrase.map(termsOf)));
  for (const filter of query.filters) {
    // The title's folded words weigh B; other filters (source:, tag:, note:) are the local library's.
    if (filter.field === 'title') clauses.push(chain(filter.words.flatMap((w) => parts(w.folded)), ':B'));
  }
  if (clauses.length === 0) return null;
  for (const word of query.excludedWords) clauses.push(`!${chain(parts(word.folded))}`);
  for (const phrase of query.excludedPhrases) clauses.push(`!${chain(phrase.flatMap((w) => parts(w.folded)))}`);
  return { tsquery: clauses.join(' & '), corrections };
}

/** The tsquery the archive runs for a query whose words it all knows (no typo alternatives): for tests and EXPLAIN. */
export function archiveTsquery(raw: string): string | null {
  const parsed = parseQuery(raw, () => true);
  return isEmptyQuery(parsed) ? null : (buildQuery(parsed, { known: new Set(), similar: new Map() })?.tsquery ?? null);
}

interface HitRow {
  found: string;
  score: number;
  id: string;
  title: string;
  source: string | null;
  author: string | null;
  url: string | null;
  published_at: string | null;
  body: string;
  added_by: string[];
  desks: string[];
}

interface Vocabulary {
  /** Typed words (folded) the archive knows: the parser leaves them alone instead of reading them as Telex. */
  known: Set<string>;
  /** For a word it does not know (a typo), the known words closest to it. */
  similar: Map<string, string[]>;
}

/** One round trip: which typed words the archive knows, and the closest known words for the others. */
async function lookUpWords(db: ArchiveDb, raw: string): Promise<Vocabulary> {
  const typed = [...new Set(raw.split(/[\s"]+/u).filter((w) => w && w.length <= 40).map((w) => canonicalFolded(w.replace(/^-/u, ''))))].slice(0, 64);
  if (typed.length === 0) return { known: new Set(), similar: new Map() };
  const { rows } = await db.query<{ word: string; known: boolean; similar: string[] | null }>(
    `WITH known AS (SELECT nr_known_words($1::text[]) AS word)
     SELECT w AS word, w IN (SELECT word FROM known) AS known,
            CASE WHEN w NOT IN (SELECT word FROM known) AND length(w) >= 3 THEN ARRAY(SELECT nr_similar_words(w, $2)) END AS similar
       FROM unnest($1::text[]) w`,
    [typed, TYPO_ALTERNATIVES],
  );
  return {
    known: new Set(rows.filter((row) => row.known).map((row) => row.word)),
    similar: new Map(rows.filter((row) => row.similar?.length).map((row) => [row.word, row.similar!])),
  };
}

/** Searches what this reporter may see of the archive; `localId` is left for the host to fill. */
export async function searchArchive(db: ArchiveDb, raw: string, options: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
  const started = performance.now();
  const limit = Math.max(1, Math.min(options.limit ?? 20, 100));
  const offset = Math.max(0, options.offset ?? 0);
  const tookMs = (): number => Math.round((performance.now() - started) * 10) / 10;
  const vocabulary = await lookUpWords(db, raw);
  const parsed = parseQuery(raw, (term) => vocabulary.known.has(term));
  const built = isEmptyQuery(parsed) ? null : buildQuery(parsed, vocabulary);
  if (!built) {
    // source:, tag: and note: filters narrow the local library's fields; alone they search nothing here.
    const message = parsed.filters.length ? 'The archive searches words, phrases and title: filters; add a word to search with this filter.' : raw.trim() ? NOTHING_SEARCHABLE : undefined;
    return { query: raw, total: 0, tookMs: tookMs(), hits: [], ...(message ? { message } : {}) };
  }

  const { rows } = await db.query<HitRow>(`SELECT * FROM nr_search($1::tsquery, $2::float4[], ${MAX_RANKED}, $3, $4)`, [built.tsquery, WEIGHTS, limit, offset]);
  let total = rows.length ? Number(rows[0]!.found) : 0;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: the count still says how many there are.
    const counted = await db.query<{ total: string }>(`SELECT nr_search_count($1::tsquery, ${MAX_RANKED}) AS total`, [built.tsquery]);
    total = Number(counted.rows[0]!.total);
  }
  // Counting every match of a common word would cost as much as ranking them all: past MAX_RANKED
  // the total is "at least".
  const message =
    total >= MAX_RANKED
      ? `At least ${MAX_RANKED.toLocaleString('en')} articles match: the best of the first ${MAX_RANKED.toLocaleString('en')} found are shown. Add a word to narrow it down.`
      : undefined;
  const hits = rows.map((row) => toHit(row, parsed, built.corrections));
  return { query: raw, total, tookMs: tookMs(), hits, ...(message ? { message } : {}) };
}

function toHit(row: HitRow, query: ParsedQuery, corrections: WordCorrections): ArchiveHit {
  const doc: SearchDocument = {
    id: row.id,
    title: row.title,
    body: row.body,
    author: row.author,
    source: row.source,
    tags: [],
    publishedAt: row.published_at,
    importedAt: '',
    notes: [],
  };
  const found = matchDocument(doc, query, corrections);
  return {
    archiveId: row.id,
    title: row.title,
    source: row.source,
    author: row.author,
    url: row.url,
    publishedAt: row.published_at,
    score: Math.round(row.score * 1000) / 1000,
    snippet: buildSnippet(row.body, found.bodyRanges, found.bodyFocus),
    localId: null,
    addedBy: row.added_by,
    desks: row.desks,
  };
}

/** An archive article with what saving it into the local library needs. */
export interface ArchiveArticle {
  archiveId: string;
  urlKey: string | null;
  contentHash: string;
  title: string;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  body: string;
  blocks: Block[];
  addedBy: string;
  addedAt: string;
}

/** The article with this archive id, if this reporter may see it (null otherwise, or if there is none). */
export async function fetchArchiveArticle(db: ArchiveDb, archiveId: string): Promise<ArchiveArticle | null> {
  const { rows } = await db.query<{
    id: string;
    url_key: string | null;
    content_hash: string;
    title: string;
    author: string | null;
    source: string | null;
    url: string | null;
    language: string;
    published_at: string | null;
    body: string;
    blocks: Block[];
    added_by: string;
    added_at: Date;
  }>(
    `SELECT id, url_key, content_hash, title, author, source, url, language, published_at, body, blocks, added_by::text, added_at
       FROM articles WHERE id = $1`,
    [archiveId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    archiveId: row.id,
    urlKey: row.url_key,
    contentHash: row.content_hash,
    title: row.title,
    author: row.author,
    source: row.source,
    url: row.url,
    language: row.language,
    publishedAt: row.published_at,
    body: row.body,
    blocks: row.blocks,
    addedBy: row.added_by,
    addedAt: row.added_at.toISOString(),
  };
}
