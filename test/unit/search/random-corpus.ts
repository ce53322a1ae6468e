import type { SearchDocument } from '../../../search/search-document.ts';
import { doc } from './search-fixtures.ts';

// Marked and unmarked forms of the same folded syllables, so that some exact lists equal their folded
// partner's and others do not; few enough syllables that lists run past a 128-value block.
export const SYLLABLES = ['tin', 'tín', 'con', 'cơn', 'côn', 'co', 'có', 'ngừng', 'bắn', 'đàm', 'dam', 'phán', 'hoà', 'bình', '2024', '30.410', 'al-Thani'];

/** A seeded corpus of the syllables above, as titles and bodies of random lengths. */
export function randomCorpus(count: number, seed: number): SearchDocument[] {
  let state = seed;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // Unmarked-only documents keep some words' exact and folded lists equal.
  const pick = (plain: boolean): string => {
    const syllable = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    return plain ? syllable.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd') : syllable;
  };
  const text = (length: number, plain: boolean): string => Array.from({ length }, () => pick(plain)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const plain = random() < 0.3;
    // Now and then a long body: one posting with hundreds of positions, some past 65,535.
    const body = i % 97 === 5 ? `${text(300, plain)} ${'tin '.repeat(i === 5 ? 66_000 : 200)}con tin` : text(5 + Math.floor(random() * 60), plain);
    return doc(`d${i}`, text(2 + Math.floor(random() * 6), plain), body);
  });
}
