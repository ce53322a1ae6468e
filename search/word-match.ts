import type { QueryWord } from './query-parser.ts';

/** One insertion, deletion or substitution at most: the typo tolerance on folded syllables. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Typo tolerance is for real syllables: four letters or more, and not numbers. */
export function allowsTypos(folded: string): boolean {
  return folded.length >= 4 && folded.length <= 12 && !/^\p{N}/u.test(folded);
}

export function termMatchesWord(term: string, word: QueryWord, prefix: boolean): boolean {
  if (term === word.exact || term === word.folded) return true;
  if (prefix && term.startsWith(word.folded)) return true;
  return allowsTypos(word.folded) && withinOneEdit(term, word.folded);
}
