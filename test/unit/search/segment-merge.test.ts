import { describe, expect, it } from 'vitest';
import { buildCompactIndex, decodeCompactIndex, serializeCompactIndex } from '../../../search/compact-index.ts';
import { settleRun, tierRun, MAX_SEGMENTS } from '../../../search/merge-policy.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { mergeCompactIndexes } from '../../../search/segment-merge.ts';
import { randomCorpus } from './random-corpus.ts';
import { CORPUS, doc } from './search-fixtures.ts';

const NONE = new Set<string>();
const bytes = (index: ReturnType<typeof buildCompactIndex>): Buffer => Buffer.from(serializeCompactIndex(index));
const ids = (engine: SearchEngine, query: string): string[] =>
  runSearch(query, { engines: [engine], removed: new Set(), documents: (wanted) => CORPUS.filter((d) => wanted.includes(d.id)) }, { limit: 50 }).hits.map((h) => h.id);

describe('segment merge', () => {
  it('gives byte for byte the index a build of the concatenated documents gives', () => {
    const parts = [CORPUS.slice(0, 3), CORPUS.slice(3, 4), CORPUS.slice(4)];
    const merged = mergeCompactIndexes(parts.map((docs) => ({ index: buildCompactIndex(docs), drop: NONE })));
    expect(bytes(merged).equals(bytes(buildCompactIndex(CORPUS)))).toBe(true);
  });

  it('keeps 32-bit positions of a long text and phrases across the boundary of inputs', () => {
    const long = doc('long', 'Dài', `${'lời '.repeat(70_000)}ngừng bắn`);
    const merged = mergeCompactIndexes([{ index: buildCompactIndex(CORPUS), drop: NONE }, { index: buildCompactIndex([long]), drop: NONE }]);
    expect(bytes(merged).equals(bytes(buildCompactIndex([...CORPUS, long])))).toBe(true);
  });

  it('merges segments read back from their coded bytes, as the worker does, into what a build gives', () => {
    // Exact lists shared with their folded partner, lists past a block, positions past 65,535.
    const corpus = [...randomCorpus(300, 11), ...CORPUS];
    const parts = [corpus.slice(0, 120), corpus.slice(120, 121), corpus.slice(121)];
    const merged = mergeCompactIndexes(parts.map((docs) => ({ index: decodeCompactIndex(serializeCompactIndex(buildCompactIndex(docs))), drop: NONE })));
    const built = bytes(buildCompactIndex(corpus));
    expect(bytes(merged).equals(built)).toBe(true);
    const engine = SearchEngine.deserialize(serializeCompactIndex(merged));
    expect(Buffer.from(engine.serialize()).equals(built)).toBe(true);
  });

  it('leaves out dropped documents and the terms only they held', () => {
    const merged = mergeCompactIndexes([
      { index: buildCompactIndex(CORPUS), drop: new Set(['gaza', 'airline']) },
      { index: buildCompactIndex([doc('extra', 'Lũ quét ở Lào Cai', 'Mưa lớn gây lũ quét.')]), drop: NONE },
    ]);
    expect(merged.ids).toEqual([...CORPUS.map((d) => d.id).filter((id) => id !== 'gaza' && id !== 'airline'), 'extra']);
    // "Doha" is only in the wire story, still there; "Gaza" only in the dropped one.
    expect(merged.termIds.has('gaza')).toBe(false);
    expect(merged.termIds.has('doha')).toBe(true);
    const engine = SearchEngine.deserialize(serializeCompactIndex(merged));
    const rebuilt = SearchEngine.build([...CORPUS.filter((d) => d.id !== 'gaza' && d.id !== 'airline'), doc('extra', 'Lũ quét ở Lào Cai', 'Mưa lớn gây lũ quét.')]);
    for (const query of ['dam phan', 'hoà bình', '"con đường"', 'hàng không', 'source:tuoi', 'tin', 'lu quet', 'ceasefire']) {
      expect(ids(engine, query)).toEqual(ids(rebuilt, query));
    }
  });
});

describe('merge policy', () => {
  it('merges during a batch only past the segment limit, newest runs of comparable size first', () => {
    expect(tierRun(Array<number>(MAX_SEGMENTS).fill(10))).toBeNull();
    expect(tierRun([20_000, ...Array<number>(MAX_SEGMENTS).fill(100)])).toEqual([1, MAX_SEGMENTS + 1]);
    // Main is taken in only once what is newer has grown comparable to it.
    expect(tierRun([1000, ...Array<number>(MAX_SEGMENTS).fill(100)])).toEqual([0, MAX_SEGMENTS + 1]);
  });

  it('folds the delta into main at the end of a batch, never for a small change', () => {
    expect(settleRun([20_000], 5000)).toBeNull();
    // A note or two: the delta stays beside main, and small segments become one delta.
    expect(settleRun([20_000, 3], 3)).toBeNull();
    expect(settleRun([20_000, 3, 4], 4)).toEqual([1, 3]);
    // An import's batch, or a delta grown past a tenth of main.
    expect(settleRun([20_000, 200, 100], 300)).toEqual([0, 3]);
    expect(settleRun([20_000, 1500, 600], 10)).toEqual([0, 3]);
    expect(settleRun([0, 300], 3)).toEqual([0, 2]);
  });
});
