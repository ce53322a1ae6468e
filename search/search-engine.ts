import lunr from 'lunr';
import { FIELDS, toIndexedDocument, type FieldName, type IndexedDocument } from './index-fields.ts';
import type { SearchDocument } from '../library/model.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';

const TITLE_FIELDS: FieldName[] = ['title', 'titleFolded'];
const TEXT_FIELDS_FOLDED: FieldName[] = ['titleFolded', 'bodyFolded', 'author', 'source', 'tags', 'notes'];
const FILTER_FIELDS: Record<string, FieldName[]> = {
  title: ['titleFolded'],
  source: ['source'],
  author: ['author'],
  tag: ['tags'],
};
const STOPWORDS = new Set(['va', 'la', 'cua', 'co', 'cac', 'nhung', 'mot', 'duoc', 'cho', 'trong', 'voi', 'thi', 'the', 'and', 'of', 'to', 'a', 'in']);

export interface SerializedEngine {
  index: object;
  dates: Record<string, string>;
}

export interface Candidate {
  id: string;
  score: number;
  date: string;
  /** How many plain query words the document matches. */
  words: number;
  /** How many consecutive query-word pairs occur side by side in it. */
  adjacent: number;
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.words - a.words || b.adjacent - a.adjacent || b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
}

/** A Vietnamese-aware lunr index: our own tokens per field, no English trimmer, stemmer or stopwords. */
export class SearchEngine {
  readonly #index: lunr.Index;
  readonly #dates: Map<string, string>;

  private constructor(index: lunr.Index, dates: Map<string, string>) {
    this.#index = index;
    this.#dates = dates;
  }

  static build(docs: Iterable<SearchDocument>): SearchEngine {
    const dates = new Map<string, string>();
    const builder = new lunr.Builder();
    // Stock lunr would trim "đột" to "t" and stem with English rules; our fields arrive tokenized.
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    builder.ref('id');
    for (const [name, { boost }] of Object.entries(FIELDS)) {
      builder.field(name, { boost, extractor: (doc: object) => (doc as IndexedDocument).fields[name as FieldName] });
    }
    for (const doc of docs) {
      const indexed = toIndexedDocument(doc);
      dates.set(indexed.id, indexed.date);
      builder.add(indexed as unknown as object);
    }
    return new SearchEngine(builder.build(), dates);
  }

  static load(data: SerializedEngine): SearchEngine {
    return new SearchEngine(lunr.Index.load(data.index), new Map(Object.entries(data.dates)));
  }

  toJSON(): SerializedEngine {
    return { index: this.#index.toJSON(), dates: Object.fromEntries(this.#dates) };
  }

  get size(): number {
    return this.#dates.size;
  }

  has(id: string): boolean {
    return this.#dates.has(id);
  }

  ids(): string[] {
    return [...this.#dates.keys()];
  }

  /**
   * Candidates ranked by how many query words they match, then by lunr's score; the caller verifies
   * phrases against stored text and computes highlights for the page it shows.
   */
  candidates(query: ParsedQuery): Candidate[] {
    let results: lunr.Index.Result[];
    try {
      results = this.#index.query((q) => buildClauses(q, query));
    } catch {
      return [];
    }
    const ranked: Candidate[] = [];
    for (const result of results) {
      const terms = Object.keys(result.matchData.metadata);
      if (!satisfiesFilters(result, query)) continue;
      const words = query.words.filter((word, i) => terms.some((term) => termMatchesWord(term, word, query.prefix && i === query.words.length - 1))).length;
      const phrasesOk = query.phrases.every((phrase) => phrasePairs(phrase).every((pair) => terms.includes(pair)));
      if (!phrasesOk) continue;
      if (query.words.length > 0 && words === 0 && query.phrases.length === 0) continue;
      const adjacent = queryPairs(query).filter((pair) => terms.includes(pair)).length;
      ranked.push({ id: result.ref, score: result.score, date: this.#dates.get(result.ref) ?? '', words, adjacent });
    }
    ranked.sort(compareCandidates);
    return ranked;
  }
}

/** Folded pairs of consecutive plain words: adjacency evidence for unquoted multi-syllable words. */
function queryPairs(query: ParsedQuery): string[] {
  return phrasePairs(query.words);
}

export function phrasePairs(phrase: readonly QueryWord[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < phrase.length; i++) pairs.push(`${phrase[i - 1]!.folded} ${phrase[i]!.folded}`);
  return pairs;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function termMatchesWord(term: string, word: QueryWord, prefix: boolean): boolean {
  if (term === word.exact || term === word.folded) return true;
  if (prefix && term.startsWith(word.folded)) return true;
  return word.folded.length >= 4 && !term.includes(' ') && withinOneEdit(term, word.folded);
}

function satisfiesFilters(result: lunr.Index.Result, query: ParsedQuery): boolean {
  for (const filter of query.filters) {
    const fields = FILTER_FIELDS[filter.field]!;
    for (const word of filter.words) {
      const hit = Object.entries(result.matchData.metadata).some(
        ([term, byField]) => (term === word.folded || term === word.exact) && fields.some((field) => field in byField),
      );
      if (!hit) return false;
    }
  }
  return true;
}

function buildClauses(q: lunr.Query, query: ParsedQuery): void {
  const { REQUIRED, PROHIBITED } = lunr.Query.presence;
  const lastIndex = query.words.length - 1;
  query.words.forEach((word, index) => {
    // Stopwords still match (hàng không, không quân), but weigh little on their own.
    const weight = STOPWORDS.has(word.folded) && query.words.length > 1 ? 0.3 : 1;
    if (word.accented) q.term(word.exact, { fields: ['title', 'body'], boost: 4 * weight, usePipeline: false });
    q.term(word.folded, { fields: TEXT_FIELDS_FOLDED, boost: (word.accented ? 1 : 2) * weight, usePipeline: false });
    if (query.prefix && index === lastIndex && word.folded.length <= 40) {
      q.term(word.folded, { fields: TEXT_FIELDS_FOLDED, boost: 0.5, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    }
    // Typo tolerance is for real syllables; a 40-letter run is not a word worth expanding.
    if (word.folded.length >= 4 && word.folded.length <= 12 && !/^\p{N}/u.test(word.folded)) {
      q.term(word.folded, { fields: ['titleFolded', 'bodyFolded'], boost: 0.1, editDistance: 1, usePipeline: false });
    }
  });
  // Adjacent words rank above scattered ones: "con tin" as a pair beats "con ... tin".
  for (const pair of queryPairs(query)) q.term(pair, { fields: ['titlePairs', 'bodyPairs'], boost: 3, usePipeline: false });
  for (const phrase of query.phrases) {
    for (const pair of phrasePairs(phrase)) q.term(pair, { fields: ['titlePairs', 'bodyPairs'], boost: 5, presence: REQUIRED, usePipeline: false });
    for (const word of phrase) {
      if (word.accented) q.term(word.exact, { fields: ['title', 'body'], boost: 2, usePipeline: false });
    }
  }
  for (const filter of query.filters) {
    for (const word of filter.words) {
      q.term(word.folded, { fields: FILTER_FIELDS[filter.field]!, boost: filter.field === 'title' ? 2 : 1, presence: REQUIRED, usePipeline: false });
    }
  }
  for (const word of query.excludedWords) {
    q.term(word.folded, { fields: [...TITLE_FIELDS.slice(1), 'bodyFolded'], presence: PROHIBITED, usePipeline: false });
  }
  for (const phrase of query.excludedPhrases) {
    if (phrase.length === 2) q.term(phrasePairs(phrase)[0]!, { fields: ['titlePairs', 'bodyPairs'], presence: PROHIBITED, usePipeline: false });
  }
}
