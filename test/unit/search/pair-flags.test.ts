import { describe, expect, it } from 'vitest';
import { NEAR_WINDOW, PAIR_ADJACENT, PAIR_NEAR, PAIR_REVERSED, PAIR_STRADDLED, adjacentCount, pairFlags } from '../../../search/position-runs.ts';

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
