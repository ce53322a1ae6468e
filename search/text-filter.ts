// The search engine's way of reading a query, applied to short texts one by one: the All annotations
// view filters notes and quotes with it (issue 16 §4), so `xac minh` finds "xác minh" there as in search.
import { FoldedTokens } from './folded-tokens.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryWord } from './query-parser.ts';

function positionsOf(tokens: FoldedTokens, word: QueryWord, prefix: boolean): number[] {
  const found: number[] = [];
  const { whole } = tokens;
  for (let w = 0; w < whole.length; w++) {
    const k = whole[w]!;
    if (tokens.is(k, word.folded) || (prefix && tokens.startsWith(k, word.folded))) found.push(w);
  }
  return found;
}

function holdsPhrase(tokens: FoldedTokens, phrase: readonly QueryWord[]): boolean {
  const first = positionsOf(tokens, phrase[0]!, false);
  return first.some((w) => phrase.every((word, i) => w + i < tokens.whole.length && tokens.is(tokens.whole[w + i]!, word.folded)));
}

function matches(query: ParsedQuery, text: string): boolean {
  const tokens = FoldedTokens.of(text.normalize('NFC'));
  const last = query.words.length - 1;
  return (
    query.words.every((word, i) => positionsOf(tokens, word, query.prefix && i === last).length > 0) &&
    query.phrases.every((phrase) => holdsPhrase(tokens, phrase)) &&
    query.filters.every((filter) => filter.words.every((word) => positionsOf(tokens, word, false).length > 0)) &&
    !query.excludedWords.some((word) => positionsOf(tokens, word, false).length > 0) &&
    !query.excludedPhrases.some((phrase) => holdsPhrase(tokens, phrase))
  );
}

/**
 * A test for texts that holds when one of them has every word of the query, folded as search folds it
 * (marks, đ, canonical tones, i/y, abbreviations), quoted phrases side by side, no excluded word; the
 * last word also as a prefix while it is being typed. Filter words (`note:x`) count as plain words here.
 * Null for a query with nothing to look for.
 */
export function textMatcher(raw: string): ((...texts: string[]) => boolean) | null {
  const query = parseQuery(raw);
  if (isEmptyQuery(query)) return null;
  return (...texts) => matches(query, texts.join('\n'));
}
