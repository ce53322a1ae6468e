import { describe, expect, it } from 'vitest';
import { ExactForms, bodyDocsWithBoth } from '../../../search/accent-restoration.ts';
import { buildCompactIndex, deserializeCompactIndex, searchable, serializeCompactIndex, type SearchableIndex } from '../../../search/compact-index.ts';
import { PAIR_ADJACENT, pairFlags } from '../../../search/position-runs.ts';
import { walkPair } from '../../../search/proximity-ranking.ts';
import type { SearchDocument } from '../../../search/search-document.ts';
import { foldCharacters } from '../../../search/vietnamese-text.ts';
import { CORPUS } from './search-fixtures.ts';

const doc = (id: string, title: string, body: string): SearchDocument => ({ id, title, body, author: null, source: 'test', tags: [], publishedAt: '2024-01-01', importedAt: '2024-01-01', notes: [] });

/** The definition the spelling must agree with: every vocabulary term of an exact field whose fold is the term. */
function formsByFolding(index: SearchableIndex, folded: number): number[] {
  const target = index.terms[folded]!;
  if (foldCharacters(target) !== target) return [];
  return index.terms.flatMap((term, t) => (foldCharacters(term) === target && (index.fields.title.count(t) > 0 || index.fields.body.count(t) > 0) ? [t] : []));
}

describe('ExactForms: the marked forms of a folded syllable, spelt from the vocabulary', () => {
  const docs = [
    ...CORPUS,
    doc('forms-1', 'Đầu tư và đấu tù', 'Vốn đầu tư, trận đấu, dầu mỏ, dâu tây, dấu hỏi; ông Müller và bà Muller ở Đà Nẵng.'),
    doc('forms-2', 'Trường học', 'Môi trường, trương mục, trưởng phòng, trượng phu; Ðà Lạt viết với Ð; 𝔸 ký hiệu.'),
  ];
  const index = searchable(buildCompactIndex(docs));
  const loaded = deserializeCompactIndex(serializeCompactIndex(buildCompactIndex(docs)));
  const id = (term: string): number => index.termIds.get(term)!;

  it('finds every form folding to the term, marks of other languages too, and nothing for a marked term', () => {
    const forms = new ExactForms(index);
    const spelt = (term: string): string[] => forms.of(id(term)).map((t) => index.terms[t]!);
    expect(spelt('dau')).toEqual(expect.arrayContaining(['đầu', 'đấu', 'dầu', 'dâu', 'dấu']));
    expect(spelt('truong')).toEqual(expect.arrayContaining(['trường', 'trương', 'trưởng', 'trượng']));
    expect(spelt('muller')).toEqual(expect.arrayContaining(['müller', 'muller']));
    expect(forms.of(id('đầu'))).toEqual([]);
  });

  it('agrees with folding the whole vocabulary for every term, built or loaded', () => {
    for (const target of [index, loaded]) {
      const forms = new ExactForms(target);
      for (let t = 0; t < target.terms.length; t++) expect(forms.of(t), target.terms[t]).toEqual(formsByFolding(target, t));
    }
  });
});

describe('walkPair: the shorter posting list leads', () => {
  // "ga" is in every document, "vit" in a few: the walk gallops along the long list.
  const docs = Array.from({ length: 300 }, (_, i) => doc(`d${i}`, `Tin ${i}`, i % 37 === 0 ? `Hôm ${'nay '.repeat(i % 3)}gà vịt ở đây ${i}. Vịt rồi gà.` : `Tin ${'mới '.repeat(i % 4)}con gà số ${i} ở sân.`));
  const index = searchable(buildCompactIndex(docs));
  const id = (term: string): number => index.termIds.get(term)!;

  /** The flags of a pair per document by asking each document's positions directly: no list walk. */
  function flagsOneByOne(a: number, b: number): Uint8Array {
    const flags = new Uint8Array(index.ids.length);
    for (const [f, name] of (['titleFolded', 'bodyFolded'] as const).entries()) {
      const field = index.fields[name];
      const docsA = field.postings(a).docs;
      const docsB = field.postings(b).docs;
      const posA = field.positions(a);
      const posB = field.positions(b);
      docsA.forEach((d, i) => {
        const j = docsB.indexOf(d);
        if (j < 0) return;
        posA.load(i);
        posB.load(j);
        flags[d]! |= pairFlags(posA.positions, posA.posStart[i]!, posA.posStart[i + 1]!, posB.positions, posB.posStart[j]!, posB.posStart[j + 1]!) << (f * 4);
      });
    }
    return flags;
  }

  it('gives the same flags and side-by-side documents whichever term is rarer, galloping or merging', () => {
    const expected: Record<string, number> = { 'ga vit': 9, 'vit ga': 0, 'con ga': 291 };
    for (const [a, b] of [['ga', 'vit'], ['vit', 'ga'], ['con', 'ga']] as const) {
      const walk = walkPair(index, id(a), id(b));
      expect(walk.flags).toEqual(flagsOneByOne(id(a), id(b)));
      const adjacent = [...walk.flags.keys()].filter((d) => (walk.flags[d]! | (walk.flags[d]! >> 4)) & PAIR_ADJACENT);
      expect([...walk.adjacentDocs]).toEqual(adjacent);
      expect(adjacent.length).toBe(expected[`${a} ${b}`]);
      // Restoration's chance sample is drawn from the body's shared documents the walk kept.
      expect([...walk.bodyBoth]).toEqual([...bodyDocsWithBoth(index, id(a), id(b))]);
      expect(walk.bodyBoth.length).toBeGreaterThan(0);
    }
  });
});

describe('foldCharacters: short and long texts fold alike', () => {
  it('folds a syllable the way it folds the same syllable inside a long text', () => {
    const words = ['Đầu', 'tư', 'ÐÀ', 'Nẵng', 'Müller', 'naïve', 'abc', '𝔸b', 'phở'];
    const long = words.join(' ').repeat(10);
    expect(words.map(foldCharacters).join(' ').repeat(10)).toBe(foldCharacters(long));
    expect(words.map(foldCharacters)).toEqual(['Dau', 'tu', 'DA', 'Nang', 'Muller', 'naive', 'abc', '𝔸b', 'pho']);
  });
});
