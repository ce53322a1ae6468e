import { describe, expect, it } from 'vitest';
import { NEAR_WINDOW, PAIR_ADJACENT, PAIR_NEAR, PAIR_REVERSED, PAIR_STRADDLED, adjacentCount, hasPair, hasRun, pairFlags, pairFlagsAndCount } from '../../../search/position-runs.ts';
import type { TermPositions } from '../../../search/posting-readers.ts';

const flags = (a: number[], b: number[]): number => pairFlags(a, 0, a.length, b, 0, b.length);

describe('pairFlags: how two terms stand in one document', () => {
  it('finds b right after a, cleanly', () => {
    expect(flags([3, 40], [4])).toBe(PAIR_ADJACENT | PAIR_NEAR);
  });

  it('marks an occurrence inside the reversed pair as straddled ("học sinh học" for "sinh học")', () => {
    // sinh at 1, học at 0 and 2: "học sinh học".
    expect(flags([1], [0, 2])).toBe(PAIR_ADJACENT | PAIR_STRADDLED | PAIR_NEAR | PAIR_REVERSED);
    // "sinh học sinh": a again right after b.
    expect(flags([0, 2], [1]) & PAIR_STRADDLED).toBe(PAIR_STRADDLED);
  });

  it('is clean when any one occurrence stands outside the reversed pair', () => {
    expect(flags([1, 20], [0, 2, 21]) & (PAIR_ADJACENT | PAIR_STRADDLED)).toBe(PAIR_ADJACENT);
  });

  it('tells near from scattered by the window, in either order', () => {
    expect(flags([10], [10 + NEAR_WINDOW])).toBe(PAIR_NEAR);
    expect(flags([10 + NEAR_WINDOW], [10])).toBe(PAIR_NEAR);
    expect(flags([10], [11 + NEAR_WINDOW])).toBe(0);
  });

  it('counts every place b stands right after a, and nothing else', () => {
    const count = (a: number[], b: number[]): number => adjacentCount(a, 0, a.length, b, 0, b.length);
    expect(count([3, 10, 40], [4, 11, 12, 39])).toBe(2);
    expect(count([5], [4, 6, 7])).toBe(1);
    expect(count([5, 9], [1, 2, 8])).toBe(0);
    // Only the range asked for: a's second half, b's first.
    expect(adjacentCount([1, 5, 20], 1, 3, [2, 6, 21], 0, 2)).toBe(1);
  });
});

/** Ascending distinct positions below 60, drawn from a seeded generator. */
function randomPositions(next: () => number): number[] {
  const set = new Set<number>();
  const n = Math.floor(next() * 8);
  for (let i = 0; i < n; i++) set.add(Math.floor(next() * 60));
  return [...set].sort((x, y) => x - y);
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Two documents' positions of one term, as an index gives them. */
function termPositions(perDoc: number[][]): TermPositions {
  const posStart = new Uint32Array(perDoc.length + 1);
  perDoc.forEach((p, i) => (posStart[i + 1] = posStart[i]! + p.length));
  return { posStart, positions: Uint32Array.from(perDoc.flat()), load: () => {} };
}

describe('pairFlagsAndCount and hasPair: one merge, the same answers', () => {
  it('gives pairFlags in the low bits and adjacentCount above them, on 2,000 random pairs of position lists', () => {
    const next = seeded(7);
    for (let n = 0; n < 2000; n++) {
      const a = randomPositions(next);
      const b = randomPositions(next);
      const both = pairFlagsAndCount(a, 0, a.length, b, 0, b.length);
      expect(both & 0xf).toBe(flags(a, b));
      expect(both >>> 4).toBe(adjacentCount(a, 0, a.length, b, 0, b.length));
    }
  });

  it('hasPair agrees with hasRun for two terms, in the second posting of each', () => {
    const next = seeded(11);
    for (let n = 0; n < 2000; n++) {
      const first = termPositions([randomPositions(next), randomPositions(next)]);
      const second = termPositions([randomPositions(next), randomPositions(next)]);
      expect(hasPair(first, 1, second, 1)).toBe(hasRun([first, second], [1, 1], new Uint32Array(2)));
    }
    expect(hasPair(termPositions([[3, 9]]), 0, termPositions([[10]]), 0)).toBe(true);
    expect(hasPair(termPositions([[3, 9]]), 0, termPositions([[9, 11]]), 0)).toBe(false);
  });
});
