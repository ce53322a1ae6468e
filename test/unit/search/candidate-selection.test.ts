import { describe, expect, it } from 'vitest';
import { CandidateSet, compareCandidates } from '../../../search/candidate-set.ts';
import { kthLargest, selectTop } from '../../../search/top-candidates.ts';

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('candidate selection', () => {
  it('finds the k-th largest value like a full sort does, duplicates included', () => {
    const random = seeded(3);
    for (let n = 1; n < 400; n += 7) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = values.slice().sort();
      for (const k of [1, Math.ceil(n / 3), n]) expect(kthLargest(values, k), `n=${n} k=${k}`).toBe(sorted[n - k]);
    }
  });

  it('selects the page in ranking order, counting every kept candidate that has enough words', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const dates = ['2024-01-01', '2024-05-01', '2023-01-01', '2024-02-01', '2024-03-01', '2022-01-01'];
    // Entry i is document docs[i]: words, adjacency and score decide in that order, then the newer date.
    const set = new CandidateSet(
      ids,
      dates,
      Uint32Array.of(0, 1, 2, 3, 4, 5),
      Uint8Array.of(2, 2, 1, 2, 2, 2),
      Uint8Array.of(0, 1, 0, 0, 0, 0),
      Float64Array.of(5, 1, 9, 5, 7, 5),
    );
    const all = set.select(0, null, 6);
    expect(all.total).toBe(6);
    expect(all.top.map((c) => c.id)).toEqual(['b', 'e', 'd', 'a', 'f', 'c']);
    expect(all.top[0]).toEqual({ id: 'b', score: 1, date: '2024-05-01', words: 2, adjacent: 1 });

    const page = set.select(2, (id) => id !== 'e', 2);
    expect(page.total).toBe(4);
    expect(page.top.map((c) => c.id)).toEqual(['b', 'd']);
    expect(set.some(2, (id) => id === 'c')).toBe(false);
    expect(set.some(1, (id) => id === 'c')).toBe(true);
    expect(set.select(3, null, 5)).toEqual({ total: 0, top: [] });
  });

  it('agrees with a full sort on random candidates for every page size', () => {
    const random = seeded(11);
    const n = 500;
    const ids = Array.from({ length: n }, (_, i) => `doc-${i}`);
    const dates = Array.from({ length: n }, () => `2024-0${1 + Math.floor(random() * 9)}-01`);
    const words = Uint8Array.from({ length: n }, () => Math.floor(random() * 3));
    const adjacent = Uint8Array.from({ length: n }, () => Math.floor(random() * 2));
    const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 50));
    const set = new CandidateSet(ids, dates, Uint32Array.from(ids.keys()), words, adjacent, scores);
    const everything = ids.map((id, i) => ({ id, date: dates[i]!, words: words[i]!, adjacent: adjacent[i]!, score: scores[i]! }));
    for (const k of [1, 20, 137, 500]) {
      const expected = everything.filter((c) => c.words >= 1).sort(compareCandidates).slice(0, k);
      expect(set.select(1, null, k).top.map((c) => c.id), `k=${k}`).toEqual(expected.map((c) => c.id));
      expect(selectTop(everything, k, compareCandidates).map((c) => c.id)).toEqual([...everything].sort(compareCandidates).slice(0, k).map((c) => c.id));
    }
  });
});
