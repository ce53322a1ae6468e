import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../search/query-parser.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { randomCorpus, SYLLABLES } from './random-corpus.ts';

const all = (engine: SearchEngine, text: string) => {
  const found = engine.candidates(parseQuery(text));
  return found.select(0, null, found.length);
};

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

describe('an index loaded from its bytes', () => {
  const docs = randomCorpus(500, 17);
  const built = SearchEngine.build(docs);
  // Read through a fresh engine per block of queries as well, so answers do not lean on a warm cache.
  const bytes = built.serialize();
  const loaded = SearchEngine.deserialize(bytes);

  const words = [...SYLLABLES, ...SYLLABLES.map(fold)];
  let state = 5;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const word = (): string => words[Math.floor(random() * words.length)]!;
  const queries = [
    ...words.map((w) => `${w} `),
    ...Array.from({ length: 40 }, () => `${word()} ${word()} `),
    ...Array.from({ length: 20 }, () => `${word()} ${word()} ${word()} `),
    ...Array.from({ length: 20 }, () => `"${word()} ${word()}"`),
    ...Array.from({ length: 10 }, () => `"${word()} ${word()} ${word()}"`),
    ...Array.from({ length: 20 }, () => `${word()} ${word().slice(0, 2)}`),
    ...Array.from({ length: 10 }, () => `${word()} -${word()}`),
    ...Array.from({ length: 10 }, () => `${word()} -"${word()} ${word()}"`),
    ...Array.from({ length: 10 }, () => `title:${word()} ${word()}`),
    'ngung ban', 'ngừng bắn', 'dam phan', 'đàm phán', 'hoa binh', 'hoà bình', 'tinn', 'ngùng', '"tin tin tin"', 'al-Thani', '30.410', 't', 'ng',
  ];

  it('answers every kind of query exactly as the index it was built from', () => {
    for (const text of queries) expect(all(loaded, text), text).toEqual(all(built, text));
    const fresh = SearchEngine.deserialize(bytes);
    for (const text of queries.slice().reverse()) expect(all(fresh, text), text).toEqual(all(built, text));
    expect(queries.filter((text) => all(built, text).total > 0).length).toBeGreaterThan(queries.length / 2);
  });

  it('finds the same articles for a word typed with or without marks, ranking exact forms by the exact fields', () => {
    for (const marked of SYLLABLES.filter((w) => fold(w) !== w)) {
      const ids = (engine: SearchEngine, text: string) => all(engine, text).top.map((c) => c.id).sort();
      const plain = fold(marked);
      const expected = docs.filter((d) => fold(`${d.title} ${d.body}`).toLowerCase().split(/\s+/u).includes(plain)).map((d) => d.id).sort();
      expect(ids(loaded, `${plain} `), plain).toEqual(expected);
      expect(ids(loaded, `${marked} `), marked).toEqual(expected);
      expect(all(loaded, `${marked} `), marked).toEqual(all(built, `${marked} `));
      expect(all(loaded, `${plain} `), plain).toEqual(all(built, `${plain} `));
    }
  });

  it('serializes a loaded index to the same bytes', () => {
    expect(loaded.serialize()).toEqual(bytes);
    expect(SearchEngine.build(docs).serialize()).toEqual(bytes);
  });
});
