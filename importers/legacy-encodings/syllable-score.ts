// How much of a text is well-formed Vietnamese syllables. Detection scores a candidate decoding by
// it: a wrong table turns "Đà Nẵng" into "§µ N½ng" or "Ðà Nång", which no Vietnamese speaker could
// write, so well-formedness tells decodings apart without a dictionary.

import { isVietnameseSyllable } from '../../vietnamese/vietnamese-syllable.ts';

export interface SyllableScore {
  /** Words holding letters. */
  words: number;
  /** Words with a letter outside ASCII: the ones an encoding decides. */
  marked: number;
  /** Marked words that are Vietnamese syllables. */
  validMarked: number;
  /** Words that are Vietnamese syllables, marked or not. */
  valid: number;
}

/** Scores the first 16K characters of a text (some 3,000 words: evidence enough), word by word (split at white space). */
export function scoreSyllables(text: string): SyllableScore {
  const score: SyllableScore = { words: 0, marked: 0, validMarked: 0, valid: 0 };
  const sample = text.length > 16_384 ? text.slice(0, 16_384) : text;
  for (const raw of sample.split(/\s+/u)) {
    // Only ASCII punctuation and quotes are trimmed: "§µ" must stay whole to count against its decoding.
    const word = raw.replace(/^[!-/:-@[-`{-~“”‘’…–—«»]+|[!-/:-@[-`{-~“”‘’…–—«»]+$/gu, '');
    if (!/\p{L}/u.test(word)) continue;
    score.words++;
    const valid = isVietnameseSyllable(word);
    if (valid) score.valid++;
    if (/[^\0-\x7f]/u.test(word)) {
      score.marked++;
      if (valid) score.validMarked++;
    }
  }
  return score;
}
