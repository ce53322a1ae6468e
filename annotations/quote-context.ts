// Describing a range of the body as selectors, and measuring how well text around a candidate
// match agrees with the context that was recorded when the annotation was made.
import type { TextPositionSelector, TextQuoteSelector } from './model.ts';

/** How much context the quote selector keeps on each side (Hypothesis uses the same). */
export const CONTEXT_LENGTH = 32;

/** The selectors for body[start, end). `body` must be the stored NFC body. */
export function describeRange(
  body: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) {
    throw new RangeError(`invalid range ${start}–${end} for a body of ${body.length} characters`);
  }
  const prefixStart = avoidSplitPair(body, Math.max(0, start - CONTEXT_LENGTH));
  const suffixEnd = avoidSplitPair(body, Math.min(body.length, end + CONTEXT_LENGTH));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: body.slice(start, end),
      prefix: body.slice(prefixStart, start),
      suffix: body.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Moves a cut point off the middle of a surrogate pair, so context never holds half an emoji. */
function avoidSplitPair(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isLowSurrogate && index > 0 ? index + 1 : index;
}

/** 0..1: how closely the text just before `start` matches the recorded prefix. 1 when no prefix was recorded. */
export function prefixSimilarity(body: string, start: number, prefix: string): number {
  if (prefix === '') return 1;
  const actual = body.slice(Math.max(0, start - prefix.length), start);
  return similarity(prefix, actual);
}

/** 0..1: how closely the text just after `end` matches the recorded suffix. 1 when no suffix was recorded. */
export function suffixSimilarity(body: string, end: number, suffix: string): number {
  if (suffix === '') return 1;
  const actual = body.slice(end, end + suffix.length);
  return similarity(suffix, actual);
}

/** 1 − normalised Levenshtein distance. Inputs are at most a few dozen characters, so O(n·m) is fine. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
