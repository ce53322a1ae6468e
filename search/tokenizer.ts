import { forEachPart, scanTokens } from './token-scanner.ts';
import { canonicalFolded, canonicalSyllable } from './vietnamese-text.ts';

export interface Token {
  /** The text as stored. */
  text: string;
  /** UTF-16 offsets into the NFC text that was tokenized. */
  start: number;
  end: number;
  /** Canonical syllable (lowercase, canonical tone placement). */
  exact: string;
  /** Marks stripped and đ→d. */
  folded: string;
  /** Part of a hyphenated or apostrophe name, also indexed whole. */
  part: boolean;
}


// Vietnamese has a few thousand syllables, so their canonical forms are computed once each, not per token.
const FORMS_CACHE_LIMIT = 200_000;
const forms = new Map<string, readonly [exact: string, folded: string]>();

function formsOf(text: string): readonly [string, string] {
  let cached = forms.get(text);
  if (!cached) {
    cached = [canonicalSyllable(text), canonicalFolded(text)];
    if (forms.size >= FORMS_CACHE_LIMIT) forms.clear();
    forms.set(text, cached);
  }
  return cached;
}

function makeToken(text: string, start: number, part: boolean): Token {
  const [exact, folded] = formsOf(text);
  return { text, start, end: start + text.length, exact, folded, part };
}

/** Tokens of an NFC text with their original offsets; compound names also yield their parts. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, joined) => {
    tokens.push(makeToken(text.slice(start, end), start, false));
    if (joined) forEachPart(text, start, end, (partStart, partEnd) => tokens.push(makeToken(text.slice(partStart, partEnd), partStart, true)));
  });
  return tokens;
}

/** The canonical exact form of one syllable as written (hoà and hòa give the same). */
export function exactSyllable(text: string): string {
  return formsOf(text)[0];
}
