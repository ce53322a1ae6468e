import { describe, expect, it } from 'vitest';
import { buildCompactIndex, type FieldPostings } from '../../../search/compact-index.ts';
import { encodePostings } from '../../../search/posting-encoding.ts';
import { EncodedPostingReader, FlatPostingReader, type PostingReader } from '../../../search/posting-readers.ts';
import { randomCorpus } from './random-corpus.ts';

function expectSameLists(actual: PostingReader, expected: PostingReader, vocabulary: number, positional: boolean): void {
  for (let t = 0; t < vocabulary; t++) {
    expect(actual.count(t), `count of ${t}`).toBe(expected.count(t));
    if (expected.count(t) === 0) continue;
    const got = actual.postings(t);
    const want = expected.postings(t);
    expect([...got.docs], `docs of ${t}`).toEqual([...want.docs]);
    expect([...got.tf], `tf of ${t}`).toEqual([...want.tf]);
    if (!positional) continue;
    const gotPositions = actual.positions(t);
    const wantPositions = expected.positions(t);
    for (let p = 0; p < want.docs.length; p++) {
      const slice = (lists: typeof gotPositions) => {
        lists.load(p);
        return [...lists.positions.subarray(lists.posStart[p]!, lists.posStart[p + 1]!)];
      };
      expect(slice(gotPositions), `positions of ${t} in posting ${p}`).toEqual(slice(wantPositions));
    }
  }
}

function readers(field: FieldPostings, partner: FieldPostings | null, cacheValues?: number) {
  const partnerReader = partner
    ? new EncodedPostingReader({ encoded: encodePostings(partner), lengths: partner.lengths, averageLength: partner.averageLength, positional: true, partner: null, cacheValues })
    : null;
  const encoded = encodePostings(field, partner);
  const reader = new EncodedPostingReader({ encoded, lengths: field.lengths, averageLength: field.averageLength, positional: !partner, partner: partnerReader, cacheValues });
  return { encoded, reader, flat: new FlatPostingReader(field, field.lengths, field.averageLength) };
}

describe('posting encoding', () => {
  const index = buildCompactIndex(randomCorpus(400, 3));
  const vocabulary = index.terms.length;

  it('decodes every folded list (documents, counts, positions) as built, through blocks and tails', () => {
    const { reader, flat, encoded } = readers(index.fields.bodyFolded, null);
    expect(Math.max(...encoded.counts)).toBeGreaterThan(128);
    expectSameLists(reader, flat, vocabulary, true);
    expectSameLists(readers(index.fields.titleFolded, null).reader, new FlatPostingReader(index.fields.titleFolded, index.fields.titleFolded.lengths, 0), vocabulary, true);
  });

  it('decodes positions block by block in whatever order postings are asked for', () => {
    const { reader, flat } = readers(index.fields.bodyFolded, null);
    for (const word of ['tin', 'con', 'co', 'ban']) {
      const term = index.termIds.get(word)!;
      const lists = reader.positions(term);
      const expected = flat.positions(term);
      const n = reader.count(term);
      expect(n, word).toBeGreaterThan(128);
      // Last first, then every third, then the rest: blocks shared by neighbouring postings decode once.
      const order = [n - 1, ...Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 1), ...Array.from({ length: n }, (_, i) => n - 1 - i)];
      for (const p of order) {
        lists.load(p);
        const got = [...lists.positions.subarray(lists.posStart[p]!, lists.posStart[p + 1]!)];
        expect(got, `${word} posting ${p}`).toEqual([...expected.positions.subarray(expected.posStart[p]!, expected.posStart[p + 1]!)]);
      }
    }
  });

  it('keeps a position past 65,535 and a count past 65,535 capped only in tf', () => {
    const { reader } = readers(index.fields.bodyFolded, null);
    const tin = index.termIds.get('tin')!;
    const d5 = reader.postings(tin).docs.indexOf(5);
    const lists = reader.positions(tin);
    lists.load(d5);
    const { posStart, positions } = lists;
    expect(posStart[d5 + 1]! - posStart[d5]!).toBeGreaterThan(66_000);
    expect(reader.postings(tin).tf[d5]).toBe(0xffff);
    expect(positions[posStart[d5 + 1]! - 1]).toBeGreaterThan(65_535);
  });

  it('stores an exact list equal to its folded partner once, and reads it back the same', () => {
    for (const [exact, folded] of [['body', 'bodyFolded'], ['title', 'titleFolded']] as const) {
      const { reader, flat, encoded } = readers(index.fields[exact], index.fields[folded]);
      const shared = [...encoded.counts.keys()].filter((t) => encoded.counts[t]! > 0 && encoded.offsets[t] === encoded.offsets[t + 1]);
      const own = [...encoded.counts.keys()].filter((t) => encoded.offsets[t] !== encoded.offsets[t + 1]);
      // Both kinds occur: unmarked words seen only unmarked share, "tin" beside "tín" in one document does not.
      expect(shared.length, exact).toBeGreaterThan(0);
      expect(own.length, exact).toBeGreaterThan(0);
      expect(shared.every((t) => /^\p{ASCII}*$/u.test(index.terms[t]!)), exact).toBe(true);
      expect(encoded.data.length, exact).toBeLessThan(encodePostings(index.fields[exact]).data.length);
      expectSameLists(reader, flat, vocabulary, false);
    }
  });

  it('decodes the same lists again after the cache has let them go', () => {
    const { reader, flat } = readers(index.fields.body, index.fields.bodyFolded, 50);
    expectSameLists(reader, flat, vocabulary, false);
    expectSameLists(reader, flat, vocabulary, false);
    const positional = readers(index.fields.bodyFolded, null, 50);
    expectSameLists(positional.reader, positional.flat, vocabulary, true);
    expectSameLists(positional.reader, positional.flat, vocabulary, true);
  });
});
