import type { SearchDocument } from '../library/model.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';
import { termMatchesWord } from './word-match.ts';
import { tokenize, wholeTokens, type Token } from './tokenizer.ts';
import type { MatchRange } from './types.ts';

type Range = { start: number; end: number };

function sameSyllable(token: Token, word: QueryWord): boolean {
  return word.accented ? token.exact === word.exact || token.folded === word.folded : token.folded === word.folded;
}

/** Where each phrase occurs: runs of adjacent whole tokens matching its syllables in order. */
export function phraseRanges(tokens: readonly Token[], phrase: readonly QueryWord[]): Range[] {
  const whole = wholeTokens(tokens);
  const ranges: Range[] = [];
  for (let i = 0; i + phrase.length <= whole.length; i++) {
    if (phrase.every((word, k) => whole[i + k]!.folded === word.folded)) {
      ranges.push({ start: whole[i]!.start, end: whole[i + phrase.length - 1]!.end });
    }
  }
  return ranges;
}

function wordRanges(tokens: readonly Token[], query: ParsedQuery, includeTitleFilter: boolean): Range[] {
  const ranges: Range[] = [];
  const last = query.words.length - 1;
  // Typo matches are marked only for words the text does not contain as typed, to keep marks meaningful.
  const direct = query.words.map((word, i) => tokens.some((token) => sameSyllable(token, word) || (query.prefix && i === last && token.folded.startsWith(word.folded))));
  for (const token of tokens) {
    const matched =
      query.words.some((word, i) => sameSyllable(token, word) || (!direct[i] && termMatchesWord(token.folded, word, query.prefix && i === last)) || (query.prefix && i === last && token.folded.startsWith(word.folded))) ||
      (includeTitleFilter && query.filters.some((f) => f.field === 'title' && f.words.some((word) => sameSyllable(token, word))));
    if (matched) ranges.push({ start: token.start, end: token.end });
  }
  // Consecutive query words found side by side are one mark: "dam phan" marks "đàm phán" whole.
  for (let i = 1; i < query.words.length; i++) ranges.push(...phraseRanges(tokens, [query.words[i - 1]!, query.words[i]!]));
  return ranges;
}

/** Merges overlapping ranges (a compound and its parts, a word inside a phrase) into one mark each. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && range.start < previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface DocumentMatches {
  matches: MatchRange[];
  bodyRanges: Range[];
  /** Every quoted phrase really occurs (adjacent syllables in the stored text), and no excluded one does. */
  phrasesVerified: boolean;
  exactHits: number;
}

// Typing a query re-highlights the same top articles at every keystroke; their tokens are kept.
const TOKEN_CACHE_SIZE = 128;
const tokenCache = new Map<string, Token[]>();

function cachedTokens(text: string): Token[] {
  const normalized = text.normalize('NFC');
  let tokens = tokenCache.get(normalized);
  if (tokens) tokenCache.delete(normalized);
  else tokens = tokenize(normalized);
  tokenCache.set(normalized, tokens);
  if (tokenCache.size > TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  return tokens;
}

export function matchDocument(doc: SearchDocument, query: ParsedQuery): DocumentMatches {
  const titleTokens = cachedTokens(doc.title);
  const bodyTokens = cachedTokens(doc.body);
  const phraseTitle = query.phrases.flatMap((phrase) => phraseRanges(titleTokens, phrase));
  const phraseBody = query.phrases.flatMap((phrase) => phraseRanges(bodyTokens, phrase));
  const phrasesVerified =
    query.phrases.every((phrase) => phraseRanges(titleTokens, phrase).length + phraseRanges(bodyTokens, phrase).length > 0) &&
    query.excludedPhrases.every((phrase) => phraseRanges(titleTokens, phrase).length + phraseRanges(bodyTokens, phrase).length === 0);
  const title = merge([...phraseTitle, ...wordRanges(titleTokens, query, true)]);
  const body = merge([...phraseBody, ...wordRanges(bodyTokens, query, false)]);
  const accented = query.words.filter((word) => word.accented);
  const exactHits = [...titleTokens, ...bodyTokens].filter((token) => accented.some((word) => token.exact === word.exact)).length;
  return {
    matches: [...title.map((r) => ({ field: 'title' as const, ...r })), ...body.map((r) => ({ field: 'body' as const, ...r }))],
    bodyRanges: body,
    phrasesVerified,
    exactHits,
  };
}
