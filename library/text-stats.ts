import { createHash } from 'node:crypto';

const WORDS = /[\p{L}\p{M}\p{N}]+(?:[.,'’-][\p{L}\p{M}\p{N}]+)*/gu;
const WORDS_PER_MINUTE = 200;
// Whitespace that collapsing changes: runs of two or more, and single characters other than a space.
// Replacing only these gives what replacing every /\s+/ run gives, at a third of the cost.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

export function countWords(text: string): number {
  // One native pass; iterating matchAll builds a match object per word and costs half as much again.
  return text.match(WORDS)?.length ?? 0;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** Hash of the body with whitespace and case folded, so re-scraped copies of one text collide. */
export function contentHash(body: string): string {
  const normalized = body.normalize('NFC').toLowerCase().replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}

export function excerptOf(body: string, length = 200): string {
  const flat = flatStart(body, length);
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > length * 0.6 ? space : length)}…`;
}

/**
 * The body with whitespace runs collapsed and trimmed, at least its first `length + 1` characters
 * (all of it when shorter): collapsing only ever joins characters, so a prefix that already yields
 * more than `length` gives the same excerpt as the whole body, without flattening 10 kB per article.
 */
function flatStart(body: string, length: number): string {
  for (let take = 4 * (length + 1); take < body.length; take *= 4) {
    const flat = body.slice(0, take).replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
    if (flat.length > length) return flat;
  }
  return body.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}
