// A hit found through an annotation's note (or highlighted quote), not through its title or body:
// the results say so and show that note as the snippet (issue 16 §4).
import { FoldedTokens } from './folded-tokens.ts';
import type { ParsedQuery, QueryWord } from './query-parser.ts';
import type { SearchDocument } from './search-document.ts';
import { tokenize } from './tokenizer.ts';

/** Longer notes are cut around their first match, like a body's snippet. */
const NOTE_SNIPPET = 200;
const LEAD = 40;

export interface NoteMatch {
  text: string;
  matches: { start: number; end: number }[];
}

/** Bit i when plain query word i occurs in the text (the last word also as a prefix while typing). */
function wordMask(tokens: FoldedTokens, query: ParsedQuery): number {
  let mask = 0;
  const words = query.words.slice(0, 32);
  const last = words.length - 1;
  for (let k = 0; k < tokens.count; k++) {
    words.forEach((word, i) => {
      if (tokens.is(k, word.folded) || (query.prefix && i === last && tokens.startsWith(k, word.folded))) mask |= 1 << i;
    });
  }
  return mask;
}

const holdsAll = (tokens: FoldedTokens, words: readonly QueryWord[]): boolean =>
  words.every((word) => Array.from({ length: tokens.count }, (_, k) => k).some((k) => tokens.is(k, word.folded)));

/** Whether the title and body hold every plain query word (folded): then the article matched through its text. */
function textHoldsAll(doc: SearchDocument, query: ParsedQuery, all: number): boolean {
  let mask = 0;
  for (const text of [doc.title, doc.body]) {
    mask |= wordMask(FoldedTokens.of(text.normalize('NFC')), query);
    if (mask === all) return true;
  }
  return false;
}

/**
 * The note (or quote) an article was found through: with a `note:` filter, the first that holds the
 * filter's words (preferring one that also holds the plain words); otherwise, when the title and body
 * lack a plain query word, the first that holds them all. Null when the article matched through its text.
 */
export function noteMatch(doc: SearchDocument, query: ParsedQuery): NoteMatch | null {
  if (doc.notes.length === 0 || query.phrases.length > 0) return null;
  const filterWords = query.filters.filter((f) => f.field === 'note').flatMap((f) => f.words);
  const all = query.words.length >= 32 ? 0xffffffff : (1 << Math.min(query.words.length, 32)) - 1;
  if (filterWords.length === 0 && (query.words.length === 0 || textHoldsAll(doc, query, all))) return null;
  let best: { text: string; tokens: FoldedTokens; words: number } | null = null;
  for (const note of doc.notes) {
    const text = note.normalize('NFC');
    const tokens = FoldedTokens.of(text);
    if (filterWords.length > 0 && !holdsAll(tokens, filterWords)) continue;
    const words = wordMask(tokens, query);
    if (filterWords.length === 0 && words !== all) continue;
    if (!best || popcount(words) > popcount(best.words)) best = { text, tokens, words };
    if (words === all) break;
  }
  return best ? noteSnippet(best.text, best.tokens, query, filterWords) : null;
}

function noteSnippet(text: string, tokens: FoldedTokens, query: ParsedQuery, filterWords: readonly QueryWord[]): NoteMatch {
  const wanted = [...query.words, ...filterWords].map((word) => word.folded);
  const last = query.prefix ? query.words[query.words.length - 1]?.folded : undefined;
  const ranges: { start: number; end: number }[] = [];
  for (let k = 0; k < tokens.count; k++) {
    if (tokens.isPart(k)) continue;
    if (wanted.some((folded) => tokens.is(k, folded)) || (last !== undefined && tokens.startsWith(k, last))) ranges.push({ start: tokens.start(k), end: tokens.end(k) });
  }
  if (text.length <= NOTE_SNIPPET) return { text, matches: ranges };
  const from = Math.max(0, Math.min((ranges[0]?.start ?? 0) - LEAD, text.length - NOTE_SNIPPET));
  // Cut at word boundaries, as tokenize sees them, so no word is shown half.
  const words = tokenize(text);
  const start = from === 0 ? 0 : (words.find((w) => w.start >= from)?.start ?? from);
  const endLimit = start + NOTE_SNIPPET;
  const end = [...words].reverse().find((w) => w.end <= endLimit)?.end ?? endLimit;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    matches: ranges.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
