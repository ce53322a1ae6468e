import { abbreviationAt, isDottedPrefix, startsAbbreviation } from './press-abbreviations.ts';
import { forEachPart, scanTokens } from './token-scanner.ts';
import { iyCanonical, isSeparatedNumber, numberTerms } from './term-forms.ts';
import { canonicalFolded, canonicalSyllable } from './vietnamese-text.ts';

/**
 * What a token stands for in the running text. The syllable sequence (words and parts) takes
 * successive positions; a compound and an alias sit at the position of their first syllable.
 * - word: a run of letters or a number, as scanned;
 * - compound: a hyphenated or apostrophe name whole (Mát-xcơ-va, al-Thani), indexed as typed;
 * - part: one syllable of a compound (mát, xcơ, va), each at its own position;
 * - alias: another term for a span, not typed as such: an abbreviation's compact form (TP.HCM →
 *   tphcm) or a number's second reading (1,000 → 1000 beside 1.000).
 */
export type TokenKind = 'word' | 'compound' | 'part' | 'alias';

export interface Token {
  /** The text as stored. */
  text: string;
  /** UTF-16 offsets into the NFC text that was tokenized. */
  start: number;
  end: number;
  /** Canonical syllable (lowercase, canonical tone placement, i/y and number forms). */
  exact: string;
  /** Marks stripped and đ→d, then the same forms as exact. */
  folded: string;
  kind: TokenKind;
  /** Position in the syllable sequence; sentence punctuation leaves a gap of one, so no run crosses it. */
  position: number;
}

// Vietnamese has a few thousand syllables, so their canonical forms are computed once each, not per token.
const FORMS_CACHE_LIMIT = 200_000;
type Forms = readonly [exact: string, folded: string, other: string | null];
const forms = new Map<string, Forms>();

function computeForms(text: string): Forms {
  if (isSeparatedNumber(text)) {
    const [term, other] = numberTerms(text);
    return [term, term, other];
  }
  return [iyCanonical(canonicalSyllable(text)), iyCanonical(canonicalFolded(text)), null];
}

function formsOf(text: string): Forms {
  let cached = forms.get(text);
  if (!cached) {
    cached = computeForms(text);
    if (forms.size >= FORMS_CACHE_LIMIT) forms.clear();
    forms.set(text, cached);
  }
  return cached;
}

/** The folded term of a token's text, the same as tokenize gives it. */
export function foldedTerm(text: string): string {
  return formsOf(text)[1];
}

/** The second reading of an ambiguous number (1,000 → 1000), if any. */
export function otherNumberReading(text: string): string | null {
  return formsOf(text)[2];
}

export const SENTENCE_MARKS = new Set([...',;:?!…|•\n\r\u2013\u2014']);

/**
 * Whether the characters between two tokens end a clause or sentence: a comma, period, semicolon,
 * colon, question or exclamation mark, dash or line break. A period after an abbreviation (TP.,
 * GS., a capital initial) does not.
 */
export function breaksSentence(between: string, previousText: string, previousFolded: string): boolean {
  if (between === ' ') return false;
  let dash = false;
  let space = false;
  for (let i = 0; i < between.length; i++) {
    const char = between[i]!;
    if (SENTENCE_MARKS.has(char)) return true;
    if (char === '.') {
      if (between.trim() !== '.' || !dottedPrefix(previousText, previousFolded)) return true;
    } else if (char === '-') dash = true;
    else if (char === ' ' || char === '\t' || char === '\u00a0') space = true;
  }
  return dash && space;
}

function dottedPrefix(text: string, folded: string): boolean {
  if (text.length === 1) return text !== text.toLowerCase();
  return isDottedPrefix(folded);
}

/** Tokens of an abbreviation's spelling stand a space or one dot apart, on one line. */
export function joinsAbbreviation(between: string): boolean {
  return /^[ \t\u00a0]*\.?[ \t\u00a0]*$/u.test(between) && between.length <= 3;
}

function makeToken(text: string, start: number, kind: TokenKind, position: number): Token {
  const [exact, folded] = formsOf(text);
  return { text, start, end: start + text.length, exact, folded, kind, position };
}

/** Tokens of an NFC text with their original offsets and positions; compound names also yield their parts. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = -1;
  let previous: Token | null = null;
  let aliases = false;
  scanTokens(text, (start, end, joined) => {
    if (previous) position += breaksSentence(text.slice(previous.end, start), previous.text, previous.folded) ? 2 : 1;
    else position = 0;
    const whole = makeToken(text.slice(start, end), start, joined ? 'compound' : 'word', position);
    tokens.push(whole);
    previous = whole;
    const other = formsOf(whole.text)[2];
    if (other !== null) {
      tokens.push({ ...whole, exact: other, folded: other, kind: 'alias' });
      aliases = true;
    }
    if (startsAbbreviation(whole.folded)) aliases = true;
    if (joined) {
      let partPosition = position;
      forEachPart(text, start, end, (partStart, partEnd) => {
        tokens.push(makeToken(text.slice(partStart, partEnd), partStart, 'part', partPosition++));
      });
      position = partPosition - 1;
    }
  });
  return aliases ? withAbbreviations(text, tokens) : tokens;
}

/** Adds the compact term of every abbreviation spelt out in words, at its first word's position. */
function withAbbreviations(text: string, tokens: Token[]): Token[] {
  const words: number[] = [];
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.kind === 'word') words.push(k);
  const after = new Map<number, Token>();
  for (let i = 0; i < words.length; i++) {
    if (!startsAbbreviation(tokens[words[i]!]!.folded)) continue;
    const match = abbreviationAt(
      words.length,
      i,
      (w) => tokens[words[w]!]!.folded,
      (w) => {
        const previous = tokens[words[w - 1]!]!;
        const current = tokens[words[w]!]!;
        return current.position - previous.position === 1 && joinsAbbreviation(text.slice(previous.end, current.start));
      },
    );
    if (!match) continue;
    const first = tokens[words[i]!]!;
    const last = tokens[words[i + match.length - 1]!]!;
    const { term, exact } = match.abbreviation;
    const alias: Token = { text: text.slice(first.start, last.end), start: first.start, end: last.end, exact, folded: term, kind: 'alias', position: first.position };
    // After the first word and its own number reading, if any: the index needs each term's positions ascending.
    after.set(tokens[words[i]! + 1]?.kind === 'alias' ? words[i]! + 1 : words[i]!, alias);
    i += match.length - 1;
  }
  if (after.size === 0) return tokens;
  const merged: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    merged.push(tokens[k]!);
    const alias = after.get(k);
    if (alias) merged.push(alias);
  }
  return merged;
}

/** The canonical exact form of one syllable as written (hoà and hòa give the same). */
export function exactSyllable(text: string): string {
  return formsOf(text)[0];
}
