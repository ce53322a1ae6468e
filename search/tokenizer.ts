import { scanTokens } from './token-scanner.ts';
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

const JOINERS = /['’-]/u;

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

/** The parts of a hyphenated or apostrophe name, with their offsets in it. */
function forEachPart(whole: string, onPart: (piece: string, offset: number) => void): void {
  let offset = 0;
  for (const piece of whole.split(JOINERS)) {
    if (piece) onPart(piece, offset);
    offset += piece.length + 1;
  }
}

/** Tokens of an NFC text with their original offsets; compound names also yield their parts. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, joined) => {
    const whole = text.slice(start, end);
    tokens.push(makeToken(whole, start, false));
    if (joined) forEachPart(whole, (piece, offset) => tokens.push(makeToken(piece, start + offset, true)));
  });
  return tokens;
}

/** The canonical exact form of one syllable as written (hoà and hòa give the same). */
export function exactSyllable(text: string): string {
  return formsOf(text)[0];
}
