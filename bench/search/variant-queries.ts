import { foldVietnamese } from './peer-fold.ts';
import type { GeneratedArticle } from '../vietnamese-corpus.ts';

export type VariantKind = 'as typed (NFC)' | 'no diacritics' | 'no diacritics, đ→d' | 'other tone style' | 'NFD keyboard' | 'UPPER CASE';

export interface VariantQuery {
  kind: VariantKind;
  query: string;
  /** Index of the article the query was taken from: it must be found. */
  target: number;
}

const SYLLABLE = /[\p{L}\p{M}]+/gu;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
// Open syllables ending in oa/oe/uy carry the tone on either vowel depending on the writer's style.
const SWAPPABLE = /^(.*?)(o|u)([ae]|y)$/u;

/** hoà ⇄ hòa, khoẻ ⇄ khỏe, thuý ⇄ thúy; null when the syllable has no such alternative spelling. */
export function otherToneStyle(syllable: string): string | null {
  const decomposed = syllable.normalize('NFD');
  const tone = TONE.exec(decomposed)?.[0];
  if (!tone) return null;
  const bare = decomposed.replace(TONE, '').normalize('NFC');
  const match = SWAPPABLE.exec(bare);
  if (!match || /^q/u.test(bare) || /[aăâeêioôơuưy]$/u.test(match[1]!)) return null;
  const [, onset, first, second] = match;
  // Decomposed, the syllable ends "o◌̀a" (tone on the first vowel) or "oa◌̀" (on the second).
  const toneOnSecond = decomposed.endsWith(tone);
  const swapped = toneOnSecond ? `${onset}${first}${tone}${second}` : `${onset}${first}${second}${tone}`;
  return swapped.normalize('NFC');
}

function syllablesOf(text: string): string[] {
  return text.match(SYLLABLE) ?? [];
}

/**
 * Vietnamese variant queries with a known answer: two adjacent syllables of an article's title,
 * typed the way readers actually type them. Every variant must find its article.
 */
export function variantQueries(articles: readonly GeneratedArticle[], perKind: number): VariantQuery[] {
  const out: VariantQuery[] = [];
  const counts = new Map<VariantKind, number>();
  const add = (kind: VariantKind, query: string, target: number): void => {
    if ((counts.get(kind) ?? 0) >= perKind) return;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    out.push({ kind, query, target });
  };
  articles.forEach((article, target) => {
    const words = syllablesOf(article.title);
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = `${words[i]} ${words[i + 1]}`;
      if (foldVietnamese(pair) === pair) continue;
      const hasD = /[đĐ]/u.test(pair);
      add('as typed (NFC)', pair, target);
      add(hasD ? 'no diacritics, đ→d' : 'no diacritics', foldVietnamese(pair), target);
      add('NFD keyboard', pair.normalize('NFD'), target);
      add('UPPER CASE', pair.toUpperCase(), target);
      break;
    }
    // Tone style: any body syllable with an alternative spelling, with its neighbour for context.
    const body = syllablesOf(article.body);
    for (let i = 1; i < body.length; i++) {
      const other = otherToneStyle(body[i]!.toLowerCase());
      if (other) {
        add('other tone style', `${body[i - 1]} ${other}`, target);
        break;
      }
    }
  });
  return out;
}
