// `accept` narrows a search to some articles (filters, a saved search's new articles) inside the engine,
// before proximity is graded: the results and the total are those of the accepted articles only, and
// "all words" is judged among them.
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import type { SearchOptions } from '../../../search/types.ts';
import { doc } from './search-fixtures.ts';

const DOCS = [
  doc('a', 'Đàm phán thương mại', 'Hai bên đàm phán thương mại suốt đêm qua.'),
  doc('b', 'Đàm phán ngừng bắn', 'Vòng đàm phán ngừng bắn mới bắt đầu.'),
  doc('c', 'Thương mại điện tử', 'Thương mại điện tử tăng mạnh trong quý.'),
  doc('d', 'Giá vàng hôm nay', 'Giá vàng trong nước giảm nhẹ.'),
];
const engine = SearchEngine.build(DOCS);
const byId = new Map(DOCS.map((d) => [d.id, d]));
const search = (query: string, options: SearchOptions = {}) =>
  runSearch(query, { engines: [engine], removed: new Set(), documents: (list) => list.map((id) => byId.get(id)!) }, { limit: 50, ...options });

describe('a search narrowed to accepted articles', () => {
  it('finds and counts only the accepted ones', () => {
    expect(search('dam phan').hits.map((hit) => hit.id).sort()).toEqual(['a', 'b']);
    const narrowed = search('dam phan', { accept: (id) => id === 'b' || id === 'c' });
    expect(narrowed.hits.map((hit) => hit.id)).toEqual(['b']);
    expect(narrowed.total).toBe(1);
  });

  it('judges "all words" among the accepted articles, so a near match there is not hidden by one elsewhere', () => {
    // Only "a" has all three words; with "a" left out, the near match (two of three words) shows.
    expect(search('dam phan thuong').hits.map((hit) => hit.id)).toEqual(['a']);
    const narrowed = search('dam phan thuong', { accept: (id) => id !== 'a' });
    expect(narrowed.hits.map((hit) => hit.id)).toEqual(['b']);
  });

  it('counts nothing when no accepted article matches (limit 0, as saved searches count)', () => {
    expect(search('gia vang', { accept: (id) => id === 'a', limit: 0 }).total).toBe(0);
    expect(search('gia vang', { limit: 0 }).total).toBe(1);
  });
});

describe('collecting every hit of a search', () => {
  it('is told exactly the hits counted, even those beyond the page, and not the candidates left out', () => {
    const seen: string[] = [];
    const result = search('dam phan thuong', { limit: 0, collect: (id) => seen.push(id) });
    // "a" has every word, so "b" (two of three) is a candidate but not a hit.
    expect(result.total).toBe(1);
    expect(seen).toEqual(['a']);
    const narrowed: string[] = [];
    search('thuong mai', { limit: 0, accept: (id) => id !== 'c', collect: (id) => narrowed.push(id) });
    expect(narrowed).toEqual(['a']);
  });
});
