// `acceptIds` (a saved search's new articles, named in advance) narrows a search exactly as the same
// test given to `accept` does: same total, same hits, same ids collected, for every kind of query,
// whether the named ids sit in one segment, in several, or in none of them.
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import type { SearchOptions } from '../../../search/types.ts';
import { doc } from './search-fixtures.ts';

const OLD = [
  doc('a', 'Đàm phán thương mại', 'Hai bên đàm phán thương mại suốt đêm qua.'),
  doc('b', 'Đàm phán ngừng bắn', 'Vòng đàm phán ngừng bắn mới bắt đầu tại Doha.'),
  doc('c', 'Thương mại điện tử', 'Thương mại điện tử tăng mạnh trong quý.'),
  doc('d', 'Giá vàng hôm nay', 'Giá vàng trong nước giảm nhẹ, giá đô la tăng.'),
];
const NEW = [
  doc('e', 'Bão Yagi đổ bộ', 'Bão Yagi đổ bộ vào Quảng Ninh, thương mại đình trệ.'),
  doc('f', 'Giá vàng tăng', 'Giá vàng tăng mạnh, đàm phán thương mại chững lại.'),
  doc('g', 'Lãi suất ngân hàng', 'Ngân hàng giảm lãi suất cho vay mua nhà.'),
  doc('h', 'Ngừng bắn ở Gaza', 'Thỏa thuận ngừng bắn được ký sau vòng đàm phán.'),
];
const byId = new Map([...OLD, ...NEW].map((d) => [d.id, d]));
// Newest first, as the index manager hands them over.
const engines = [SearchEngine.build(NEW), SearchEngine.build(OLD)];
const search = (query: string, options: SearchOptions) =>
  runSearch(query, { engines, removed: new Set(), documents: (list) => list.map((id) => byId.get(id)!) }, options);

const QUERIES = ['dam phan', 'thuong mai', '"đàm phán thương mại"', 'gia vang -tang', 'title:ngung ban', 'lai xuat', 'dam phan thuong', 'gia v', 'bão', 'ngừng bắn doha'];
const SETS = [['e', 'f', 'g', 'h'], ['a', 'f'], ['b'], ['a', 'b', 'c', 'd'], [], ['x', 'e'], ['a', 'c', 'x'], ['e', 'h'], ['d', 'g']];

describe('a search narrowed to named ids', () => {
  it.each(QUERIES)('counts and collects %s exactly as the same test given to accept', (query) => {
    for (const set of SETS) {
      for (const limit of [0, 20]) {
        const ids = new Set(set);
        const byTest: string[] = [];
        const byIds: string[] = [];
        const tested = search(query, { limit, accept: (id) => ids.has(id), collect: (id) => byTest.push(id) });
        const named = search(query, { limit, acceptIds: ids, collect: (id) => byIds.push(id) });
        expect({ set, limit, total: named.total, ids: byIds.sort(), hits: named.hits }).toEqual({ set, limit, total: tested.total, ids: byTest.sort(), hits: tested.hits.map((hit) => ({ ...hit })) });
      }
    }
  });

  it('finds the named ids that match (not a search that finds nothing)', () => {
    const found: string[] = [];
    expect(search('dam phan', { limit: 0, acceptIds: new Set(['f', 'h', 'c']), collect: (id) => found.push(id) }).total).toBe(2);
    expect(found.sort()).toEqual(['f', 'h']);
  });
});
