import type { SearchDocument } from './search-document.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';
import { allowsTypos, withinOneEdit } from './word-match.ts';
import { FoldedTokens } from './folded-tokens.ts';
import { exactSyllable } from './tokenizer.ts';
import type { MatchRange } from './types.ts';

type Range = { start: number; end: number };

/** Where each phrase occurs: runs of adjacent whole tokens matching its syllables in order. */
function phraseRanges(tokens: FoldedTokens, phrase: readonly QueryWord[], ranges: Range[]): void {
  const { whole } = tokens;
  for (let i = 0; i + phrase.length <= whole.length; i++) {
    if (phrase.every((word, k) => tokens.is(whole[i + k]!, word.folded))) {
      ranges.push({ start: tokens.start(whole[i]!), end: tokens.end(whole[i + phrase.length - 1]!) });
    }
  }
}

// Marks show every form of a word, accented or not: a query with diacritics ranks exact forms higher
// but marks folded ones too, and an exact match is always a folded match, so folded forms decide.
function wordRanges(tokens: FoldedTokens, query: ParsedQuery, includeTitleFilter: boolean): Range[] {
  const ranges: Range[] = [];
  const words = query.words;
  const wanted = words.map((word) => word.folded);
  if (includeTitleFilter) for (const filter of query.filters) if (filter.field === 'title') for (const word of filter.words) wanted.push(word.folded);
  const prefix = query.prefix && words.length > 0 ? words[words.length - 1]!.folded : null;
  const found = new Set<string>();
  let prefixFound = false;
  const unmatched: number[] = [];
  for (let k = 0; k < tokens.count; k++) {
    const asTyped = wanted.find((folded) => tokens.is(k, folded));
    const asPrefix = prefix !== null && tokens.startsWith(k, prefix);
    if (asTyped !== undefined) found.add(asTyped);
    if (asPrefix) prefixFound = true;
    if (asTyped !== undefined || asPrefix) ranges.push({ start: tokens.start(k), end: tokens.end(k) });
    else unmatched.push(k);
  }
  // Typo matches are marked only for words the text does not contain as typed, to keep marks meaningful.
  const typoWords = words.filter((word, i) => allowsTypos(word.folded) && !found.has(word.folded) && !(prefix !== null && i === words.length - 1 && prefixFound));
  if (typoWords.length > 0) {
    for (const k of unmatched) {
      const folded = tokens.folded(k);
      if (typoWords.some((word) => withinOneEdit(folded, word.folded))) ranges.push({ start: tokens.start(k), end: tokens.end(k) });
    }
  }
  // Consecutive query words found side by side are one mark: "dam phan" marks "đàm phán" whole.
  for (let i = 1; i < words.length; i++) phraseRanges(tokens, [words[i - 1]!, words[i]!], ranges);
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
  exactHits: number;
}

// Typing a query re-highlights the same top articles at every keystroke; their tokens are kept.
const TOKEN_CACHE_SIZE = 128;
const tokenCache = new Map<string, FoldedTokens>();

function cachedTokens(normalized: string): FoldedTokens {
  let tokens = tokenCache.get(normalized);
  if (tokens) tokenCache.delete(normalized);
  else tokens = FoldedTokens.of(normalized);
  tokenCache.set(normalized, tokens);
  if (tokenCache.size > TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  return tokens;
}

/** How many tokens are written exactly as an accented query word (the "ranks above folded" part of the score). */
function countExact(text: string, tokens: FoldedTokens, accented: readonly QueryWord[]): number {
  if (accented.length === 0) return 0;
  let count = 0;
  for (let k = 0; k < tokens.count; k++) {
    if (accented.some((word) => tokens.is(k, word.folded) && word.exact === exactSyllable(text.slice(tokens.start(k), tokens.end(k))))) count++;
  }
  return count;
}

export function matchDocument(doc: SearchDocument, query: ParsedQuery): DocumentMatches {
  const title = doc.title.normalize('NFC');
  const body = doc.body.normalize('NFC');
  const titleTokens = cachedTokens(title);
  const bodyTokens = cachedTokens(body);
  const titleMarks = wordRanges(titleTokens, query, true);
  const bodyMarks = wordRanges(bodyTokens, query, false);
  for (const phrase of query.phrases) {
    phraseRanges(titleTokens, phrase, titleMarks);
    phraseRanges(bodyTokens, phrase, bodyMarks);
  }
  const titleRanges = merge(titleMarks);
  const bodyRanges = merge(bodyMarks);
  const accented = query.words.filter((word) => word.accented);
  const exactHits = countExact(title, titleTokens, accented) + countExact(body, bodyTokens, accented);
  return {
    matches: [...titleRanges.map((r) => ({ field: 'title' as const, ...r })), ...bodyRanges.map((r) => ({ field: 'body' as const, ...r }))],
    bodyRanges,
    exactHits,
  };
}
