import { describe, expect, it } from 'vitest';
import { buildCompactIndex, COMPACT_FORMAT, decodeCompactIndex, deserializeCompactIndex, serializeCompactIndex } from '../../../search/compact-index.ts';
import { parseQuery } from '../../../search/query-parser.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { randomCorpus } from './random-corpus.ts';
import { CORPUS, doc } from './search-fixtures.ts';

describe('compact index', () => {
  it('keeps postings, frequencies and positions per field', () => {
    const index = buildCompactIndex([doc('a', 'Con tin', 'con tin con tin được thả'), doc('b', 'Khác', 'tin con')]);
    const field = index.fields.bodyFolded;
    const tin = index.termIds.get('tin')!;
    const postings = [...field.docs.subarray(field.termStart[tin]!, field.termStart[tin + 1]!)];
    expect(postings).toEqual([0, 1]);
    expect(field.tf[field.termStart[tin]!]).toBe(2);
    const first = field.termStart[tin]!;
    expect([...field.positions!.subarray(field.posStart![first]!, field.posStart![first + 1]!)]).toEqual([1, 3]);
    expect(field.lengths[0]).toBe(6);
  });

  it('keeps positions in 16 bits while they fit, and in 32 bits for a text longer than that', () => {
    const short = buildCompactIndex([doc('a', 'Ngắn', 'con tin được thả')]);
    expect(short.fields.bodyFolded.positions).toBeInstanceOf(Uint16Array);
    // 70,000 syllables: positions past 65,535 must not wrap, or phrases deep in the text would be lost.
    const long = doc('b', 'Dài', `${'lời '.repeat(70_000)}ngừng bắn`);
    const engine = SearchEngine.build([long]);
    const loaded = SearchEngine.deserialize(engine.serialize());
    expect(buildCompactIndex([long]).fields.bodyFolded.positions).toBeInstanceOf(Uint32Array);
    expect(loaded.candidates(parseQuery('"ngừng bắn"')).length).toBe(1);
    expect(loaded.candidates(parseQuery('"lời ngừng"')).length).toBe(1);
    expect(loaded.candidates(parseQuery('"bắn lời"')).length).toBe(0);
  });

  it('reads back from its bytes, even when they start unaligned, and answers the same', () => {
    const engine = SearchEngine.build(CORPUS);
    const bytes = engine.serialize();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = SearchEngine.deserialize(shifted.subarray(3));
    for (const text of ['dam phan', '"ngừng bắn"', 'hoà bình', 'al-Thani', '30.410', 'dam p']) {
      const query = parseQuery(text);
      const all = (searched: SearchEngine) => {
        const found = searched.candidates(query);
        return found.select(0, null, found.length);
      };
      const expected = all(engine);
      expect(expected.total, text).toBeGreaterThan(0);
      expect(all(loaded), text).toEqual(expected);
    }
  });

  it('looks every term up by its text the same when loaded (a search of the sorted vocabulary) as when built (a Map)', () => {
    const built = buildCompactIndex([...CORPUS, ...randomCorpus(40, 7)]);
    const loaded = deserializeCompactIndex(serializeCompactIndex(built));
    expect(built.terms.length).toBeGreaterThan(50);
    built.terms.forEach((term, id) => {
      expect(loaded.termIds.get(term), term).toBe(id);
      expect(loaded.termIds.has(term), term).toBe(true);
    });
    for (const absent of ['', 'zzzz', `${built.terms[0]}x`, 'đà nẵng gì đó']) {
      expect(built.termIds.has(absent), absent).toBe(false);
      expect(loaded.termIds.get(absent), absent).toBeUndefined();
    }
  });

  it('answers a query the same before and after others, whatever they excluded or required', () => {
    const engine = SearchEngine.build(CORPUS);
    const all = (text: string) => {
      const found = engine.candidates(parseQuery(text));
      return found.select(0, null, found.length);
    };
    const compared = ['dam phan', 'ngừng bắn', 'con tin', 'tin title:dam'];
    const before = compared.map(all);
    expect(before.every((result) => result.total > 0)).toBe(true);
    for (const other of ['-dam phan', 'con -tin', '"ngừng bắn" -"con tin"', 'title:tin', 'title:con', 'tin']) all(other);
    expect(compared.map(all)).toEqual(before);
  });

  it('finds exactly the articles that hold a phrase, and leaves out exactly those with an excluded one', () => {
    // A small vocabulary, so that phrases recur, sometimes only across a title/body boundary or reversed.
    const syllables = ['con', 'tin', 'ngừng', 'bắn', 'đàm', 'phán', 'hoà', 'bình'];
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const text = (length: number): string => Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join(' ');
    const docs = Array.from({ length: 120 }, (_, i) => doc(`d${i}`, text(3), text(4 + Math.floor(random() * 30))));
    const engine = SearchEngine.build(docs);
    const folded = (words: string) => words.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    const holds = (field: string, phrase: string) => ` ${folded(field)} `.includes(` ${folded(phrase)} `);
    const ids = (query: string) => {
      const found = engine.candidates(parseQuery(query));
      return found.select(0, null, found.length).top.map((c) => c.id).sort();
    };
    for (let n = 0; n < 40; n++) {
      const phrase = text(2 + (n % 3));
      const expected = docs.filter((d) => holds(d.title, phrase) || holds(d.body, phrase)).map((d) => d.id).sort();
      expect(ids(`"${phrase}"`), phrase).toEqual(expected);
      const withWord = docs.filter((d) => folded(`${d.title} ${d.body}`).split(' ').includes('con'));
      const excluded = withWord.filter((d) => !holds(d.title, phrase) && !holds(d.body, phrase)).map((d) => d.id).sort();
      expect(ids(`con -"${phrase}"`), `con -"${phrase}"`).toEqual(excluded);
    }
  });

  it('decodes whole from its bytes to the flat arrays it was built as, shared exact lists expanded', () => {
    // Shared lists, lists past a 128-value block, and one body with positions past 65,535.
    const built = buildCompactIndex([...randomCorpus(400, 7), ...CORPUS]);
    const decoded = decodeCompactIndex(serializeCompactIndex(built));
    expect(decoded.terms).toEqual(built.terms);
    expect(decoded.ids).toEqual(built.ids);
    expect(decoded.dates).toEqual(built.dates);
    expect(decoded.sortedTerms).toEqual(built.sortedTerms);
    for (const name of Object.keys(built.fields) as (keyof typeof built.fields)[]) {
      expect(decoded.fields[name], name).toEqual(built.fields[name]);
      expect(decoded.fields[name].positions?.constructor, name).toBe(built.fields[name].positions?.constructor);
    }
    const short = buildCompactIndex(CORPUS);
    expect(decodeCompactIndex(serializeCompactIndex(short)).fields.bodyFolded.positions).toBeInstanceOf(Uint16Array);
  });

  it('refuses bytes that are not a whole index', () => {
    const bytes = serializeCompactIndex(buildCompactIndex(CORPUS));
    expect(() => deserializeCompactIndex(bytes.subarray(0, Math.floor(bytes.length / 2)))).toThrow(/truncated|inconsistent|JSON|offset|length/i);
    expect(() => decodeCompactIndex(bytes.subarray(0, Math.floor(bytes.length / 2)))).toThrow(/truncated|inconsistent|JSON|offset|length/i);
    const wrongFormat = bytes.slice();
    const headerLength = new DataView(wrongFormat.buffer).getUint32(0, true);
    const header = new TextDecoder().decode(wrongFormat.subarray(4, 4 + headerLength)).replace(`"format":${COMPACT_FORMAT}`, '"format":9');
    wrongFormat.set(new TextEncoder().encode(header), 4);
    expect(() => deserializeCompactIndex(wrongFormat)).toThrow(/format 9/);
  });
});
