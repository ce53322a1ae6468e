import { describe, expect, it } from 'vitest';
import { buildCompactIndex, searchable } from '../../../search/compact-index.ts';
import { PairCache, walkPair } from '../../../search/proximity-ranking.ts';
import { CORPUS } from './search-fixtures.ts';

describe('PairCache: pair walks kept across keystrokes', () => {
  const index = searchable(buildCompactIndex(CORPUS));
  const id = (term: string): number => index.termIds.get(term)!;

  it('gives back the walk of a pair asked before, equal to a fresh walk, and forgets the least recently used', () => {
    const cache = new PairCache(2);
    const [dam, phan, ngung, ban] = ['dam', 'phan', 'ngung', 'ban'].map(id) as [number, number, number, number];
    const first = cache.walk(index, dam, phan);
    expect(first).toEqual(walkPair(index, dam, phan));
    expect(first.adjacentDocs.length).toBeGreaterThan(0);
    expect(cache.walk(index, dam, phan)).toBe(first);
    const second = cache.walk(index, ngung, ban);
    // A third pair in a cache of two drops the least recently used one: dam phan.
    cache.walk(index, phan, dam);
    expect(cache.walk(index, ngung, ban)).toBe(second);
    const again = cache.walk(index, dam, phan);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('keeps a walk per order of the two terms', () => {
    const cache = new PairCache();
    expect(cache.walk(index, id('dam'), id('phan'))).not.toBe(cache.walk(index, id('phan'), id('dam')));
  });
});
