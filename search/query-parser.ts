import { abbreviationAt, startsAbbreviation } from './press-abbreviations.ts';
import { tokenize, type Token } from './tokenizer.ts';
import { decodeTypedWord } from './typed-input-decoding.ts';
import { hasDiacritics } from './vietnamese-text.ts';

export type FilterField = 'title' | 'source' | 'author' | 'tag' | 'note';

export interface QueryWord {
  exact: string;
  folded: string;
  /** Typed with diacritics: exact matches rank above folded ones. */
  accented: boolean;
}

export interface ParsedQuery {
  /** Plain words, in order. The last one is also matched as a prefix when `prefix` is set. */
  words: QueryWord[];
  /** Quoted phrases: their syllables must be adjacent. */
  phrases: QueryWord[][];
  excludedWords: QueryWord[];
  excludedPhrases: QueryWord[][];
  filters: { field: FilterField; words: QueryWord[] }[];
  /** The last plain word was typed without a following space: match it as a prefix too. */
  prefix: boolean;
  /** "Exact diacritics only": each word matches only as written, marks and tones included (no folding, no typos). */
  exact?: boolean;
}

const MAX_QUERY_LENGTH = 1000;
const MAX_TERMS = 32;
const FILTER = /^(title|source|author|tag|note):/i;

/** Whether a word is already a term of the library (a folded term), so Telex decoding leaves it alone. */
export type KnownTerm = (term: string) => boolean;

const asWord = (token: Token): QueryWord => ({ exact: token.exact, folded: token.folded, accented: hasDiacritics(token.text.toLowerCase()) });

/**
 * The query words of a text. An abbreviation spelt in several words (TP HCM, Thành phố Hồ Chí
 * Minh) is one word, its compact term. A compound (Mát-xcơ-va) is one word, except in a phrase,
 * where its syllables are words, as they are positions in the index.
 */
function wordsOf(text: string, inPhrase = false): QueryWord[] {
  const tokens = tokenize(text.normalize('NFC'));
  const spelt = tokens.filter((alias) => alias.kind === 'alias' && tokens.some((t) => t.kind === 'word' && t.start === alias.start && t.end < alias.end));
  const words: QueryWord[] = [];
  for (const token of tokens) {
    const abbreviation = spelt.find((alias) => token.start >= alias.start && token.end <= alias.end);
    if (abbreviation) {
      if (token === abbreviation) words.push({ exact: token.exact, folded: token.folded, accented: false });
      continue;
    }
    if (token.kind === 'alias' || token.kind === (inPhrase ? 'compound' : 'part')) continue;
    words.push(asWord(token));
  }
  return words;
}

/**
 * The text with each whitespace-separated word typed in Telex, VNI or VIQR replaced by the
 * Vietnamese it stands for (ddaf nawngx → đà nẵng), when it confidently does (see decodeTypedWord).
 */
function decodeTyping(text: string, isKnownTerm: KnownTerm): string {
  return text.replace(/\S+/gu, (word) => decodeTypedWord(word, isKnownTerm) ?? word);
}

/** Plain words typed apart that spell an abbreviation (TP HCM, trung học phổ thông) become its one term. */
function joinAbbreviations(words: QueryWord[]): QueryWord[] {
  const joined: QueryWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = startsAbbreviation(words[i]!.folded) ? abbreviationAt(words.length, i, (k) => words[k]!.folded, () => true) : null;
    if (match) {
      joined.push({ exact: match.abbreviation.exact, folded: match.abbreviation.term, accented: false });
      i += match.length - 1;
    } else joined.push(words[i]!);
  }
  return joined;
}

/**
 * Parses the query language leniently: anything malformed (unbalanced quotes, a bare `title:`,
 * lunr syntax like `bắn^` or `~2`) degrades to plain words instead of throwing.
 */
export function parseQuery(raw: string, isKnownTerm: KnownTerm = () => false): ParsedQuery {
  const text = raw.normalize('NFC').slice(0, MAX_QUERY_LENGTH);
  const parsed: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [], filters: [], prefix: false };
  // Quoted segments first; an unbalanced quote just ends at the end of the query.
  const segments = /(-?)(?:([a-z]+):)?"([^"]*)"?|(\S+)/giu;
  let lastWasPlain = false;
  for (const match of text.matchAll(segments)) {
    const [, minus, field, quoted, bare] = match;
    lastWasPlain = false;
    if (quoted !== undefined) {
      const words = wordsOf(decodeTyping(quoted, isKnownTerm), true);
      if (words.length === 0) continue;
      const filterField = field?.toLowerCase();
      if (filterField && FILTER.test(`${filterField}:`)) parsed.filters.push({ field: filterField as FilterField, words });
      else if (minus && words.length === 1) parsed.excludedWords.push(...wordsOf(decodeTyping(quoted, isKnownTerm)));
      else if (minus) parsed.excludedPhrases.push(words);
      else if (words.length === 1) parsed.words.push(...wordsOf(decodeTyping(quoted, isKnownTerm)));
      else parsed.phrases.push(words);
      continue;
    }
    let token = bare!;
    const filter = FILTER.exec(token);
    if (filter) {
      const words = wordsOf(token.slice(filter[0].length));
      if (words.length) parsed.filters.push({ field: filter[1]!.toLowerCase() as FilterField, words });
      continue;
    }
    const excluded = token.startsWith('-') && token.length > 1;
    if (excluded) token = token.slice(1);
    const words = wordsOf(decodeTyping(token, isKnownTerm));
    if (excluded) parsed.excludedWords.push(...words);
    else {
      parsed.words.push(...words);
      lastWasPlain = words.length > 0;
    }
  }
  parsed.prefix = lastWasPlain && !/\s$/u.test(raw);
  parsed.words = joinAbbreviations(parsed.words).slice(0, MAX_TERMS);
  return parsed;
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0 && query.filters.length === 0;
}
