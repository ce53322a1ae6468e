// A parsed query as lunr.Query clauses: which fields each word is looked for in, with what boost,
// presence, prefix wildcard or typo stand-in, and which query word each clause counts for.
import lunr from 'lunr';
import { FIELD_NAMES, type FieldName } from './index-fields.ts';
import type { ParsedQuery } from './query-parser.ts';
import { allowsConfusions } from './typo-model.ts';
import { CONTEXT_CLAUSE, SPELLING_CLAUSE } from './typo-corrector.ts';

const TEXT_FIELDS_FOLDED: FieldName[] = ['titleFolded', 'bodyFolded', 'author', 'source', 'tags', 'notes'];
const EXACT_FIELDS: FieldName[] = ['title', 'body'];
const FILTER_FIELDS: Record<string, FieldName[]> = {
  title: ['titleFolded'],
  source: ['source'],
  author: ['author'],
  tag: ['tags'],
  // Notes and highlighted quotes are one field: a `note:` word is looked for in either.
  note: ['notes'],
};
const STOPWORDS = new Set(['va', 'la', 'cua', 'co', 'cac', 'nhung', 'mot', 'duoc', 'cho', 'trong', 'voi', 'thi', 'the', 'and', 'of', 'to', 'a', 'in']);

// @types/lunr omits clause presence (lunr ≥ 2.2).
export type Clause = lunr.Query.Clause & { presence?: number };
type ClauseOptions = Partial<Clause>;

export interface BuiltQuery {
  query: lunr.Query;
  /** For each clause, the index of the plain query word it stands for, if any. */
  clauseWords: (number | null)[];
  /** Clauses that match a word only loosely (a prefix expansion or a typo), not as typed. */
  clauseLoose: boolean[];
}

type AddTerm = (text: string, options: ClauseOptions, word?: number | null) => void;

/**
 * "Exact diacritics only": every word, marked or not, is looked for as written in the exact title and
 * body syllables ("ban" finds ban, not bán or bàn), with no folded clause and no typo stand-ins.
 * Phrases are still verified on positions (the engine walks the folded ones), after each of their
 * syllables is required as written.
 */
function exactClauses(query: ParsedQuery, term: AddTerm): void {
  const { REQUIRED, PROHIBITED } = lunr.Query.presence;
  const lastIndex = query.words.length - 1;
  query.words.slice(0, 32).forEach((word, index) => {
    const weight = STOPWORDS.has(word.folded) && query.words.length > 1 ? 0.3 : 1;
    term(word.exact, { fields: EXACT_FIELDS, boost: 4 * weight }, index);
    if (query.prefix && index === lastIndex && word.exact.length <= 40) {
      term(word.exact, { fields: EXACT_FIELDS, boost: 0.5, wildcard: lunr.Query.wildcard.TRAILING }, index);
    }
  });
  for (const phrase of query.phrases) for (const word of phrase) term(word.exact, { fields: EXACT_FIELDS, boost: 3, presence: REQUIRED });
  for (const filter of query.filters) {
    for (const word of filter.words) term(word.folded, { fields: FILTER_FIELDS[filter.field]!, boost: 1, presence: REQUIRED });
  }
  for (const word of query.excludedWords) term(word.exact, { fields: EXACT_FIELDS, presence: PROHIBITED });
}

export function buildQuery(query: ParsedQuery): BuiltQuery {
  const q = new lunr.Query(FIELD_NAMES);
  const clauseWords: (number | null)[] = [];
  const clauseLoose: boolean[] = [];
  const { REQUIRED, PROHIBITED } = lunr.Query.presence;
  const term = (text: string, options: ClauseOptions, word: number | null = null): void => {
    q.term(text, { ...options, usePipeline: false } as Partial<lunr.Query.Clause>);
    clauseWords.push(word);
    // A correction the neighbours call for (lãi xuất → suất) stands for the word as firmly as the word itself.
    clauseLoose.push(options.wildcard !== undefined || (options.editDistance !== undefined && options.editDistance !== CONTEXT_CLAUSE));
  };
  const lastIndex = query.words.length - 1;
  if (query.exact) {
    exactClauses(query, term);
    return { query: q, clauseWords, clauseLoose };
  }
  // Query words beyond 32 still match, but only the first 32 count towards "how many words match".
  query.words.slice(0, 32).forEach((word, index) => {
    // Stopwords still match (hàng không, không quân), but weigh little on their own.
    const weight = STOPWORDS.has(word.folded) && query.words.length > 1 ? 0.3 : 1;
    if (word.accented) term(word.exact, { fields: EXACT_FIELDS, boost: 4 * weight }, index);
    term(word.folded, { fields: TEXT_FIELDS_FOLDED, boost: (word.accented ? 1 : 2) * weight }, index);
    if (query.prefix && index === lastIndex && word.folded.length <= 40) {
      term(word.folded, { fields: TEXT_FIELDS_FOLDED, boost: 0.5, wildcard: lunr.Query.wildcard.TRAILING }, index);
    }
    // The typo clauses stand for what the typo model finds for this word (SearchEngine.typoCorrections):
    // spelling corrections in folded fields, a hỏi/ngã swap in the exact ones (above folded, below typed).
    // A confusion the neighbours call for (lãi xuất → suất) weighs like the word typed with its tones.
    if (allowsConfusions(word.folded)) {
      term(word.folded, { fields: ['titleFolded', 'bodyFolded'], boost: 0.2 * weight, editDistance: SPELLING_CLAUSE }, index);
      term(word.folded, { fields: ['titleFolded', 'bodyFolded'], boost: 4 * weight, editDistance: CONTEXT_CLAUSE }, index);
    }
    if (word.accented) term(word.exact, { fields: EXACT_FIELDS, boost: 2 * weight, editDistance: 1 }, index);
  });
  for (const phrase of query.phrases) {
    for (const word of phrase) {
      term(word.folded, { fields: ['titleFolded', 'bodyFolded'], boost: 3, presence: REQUIRED });
      if (word.accented) term(word.exact, { fields: EXACT_FIELDS, boost: 2 });
    }
  }
  for (const filter of query.filters) {
    for (const word of filter.words) {
      term(word.folded, { fields: FILTER_FIELDS[filter.field]!, boost: filter.field === 'title' ? 2 : 1, presence: REQUIRED });
    }
  }
  for (const word of query.excludedWords) term(word.folded, { fields: ['titleFolded', 'bodyFolded'], presence: PROHIBITED });
  return { query: q, clauseWords, clauseLoose };
}
