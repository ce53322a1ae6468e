import { createHash } from 'node:crypto';

const WORDS = /[\p{L}\p{M}\p{N}]+(?:[.,'’-][\p{L}\p{M}\p{N}]+)*/gu;
const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORDS)) count++;
  return count;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** Hash of the body with whitespace and case folded, so re-scraped copies of one text collide. */
export function contentHash(body: string): string {
  const normalized = body.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}

export function excerptOf(body: string, length = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > length * 0.6 ? space : length)}…`;
}
