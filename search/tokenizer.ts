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

// Numbers keep their separators (30.410, 7.10.2023, 3,2); names keep hyphens and apostrophes (al-Thani).
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
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

/** Tokens of an NFC text with their original offsets; compound names also yield their parts. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push(makeToken(match[0], start, false));
    if (JOINERS.test(match[0])) {
      let offset = 0;
      for (const piece of match[0].split(/['’-]/u)) {
        if (piece) tokens.push(makeToken(piece, start + offset, true));
        offset += piece.length + 1;
      }
    }
  }
  return tokens;
}

/** Consecutive whole tokens, for bigrams and phrase checks (parts are left out so adjacency is real). */
export function wholeTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => !token.part);
}
