// Issue 16 §3: a switch for "exact diacritics only".
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import type { SearchOptions } from '../../../search/types.ts';
import { CORPUS, doc } from './search-fixtures.ts';

const DOCS = [
  ...CORPUS,
  doc('ban-hanh', 'Chính phủ ban hành nghị định mới', 'Nghị định được ban hành hôm qua.'),
  doc('ban-an', 'Tòa tuyên bản án sơ thẩm', 'Bản án có hiệu lực sau 15 ngày.'),
  doc('ban-ghe', 'Bàn ghế học sinh được thay mới', 'Nhà trường thay toàn bộ bàn ghế cũ.'),
  doc('da-nang', 'Đà Nẵng đón khách quốc tế', 'Sân bay Đà Nẵng đông khách.'),
  doc('da-nang-plain', 'Nhà thi đấu đa năng khánh thành', 'Công trình đa năng phục vụ người dân.'),
];
const engine = SearchEngine.build(DOCS);
const byId = new Map(DOCS.map((d) => [d.id, d]));
const ids = (query: string, options: SearchOptions = {}) =>
  runSearch(query, { engines: [engine], removed: new Set(), documents: (list) => list.map((id) => byId.get(id)!) }, { limit: 50, ...options }).hits.map((hit) => hit.id);

describe('exact diacritics only', () => {
  it('matches an unmarked word only where it is written unmarked', () => {
    expect(ids('ban ')).toEqual(expect.arrayContaining(['ban-hanh', 'ban-an', 'ban-ghe']));
    expect(ids('ban ', { exactDiacritics: true })).toEqual(['ban-hanh']);
  });

  it('matches a marked word only with its own marks, not its folded twins', () => {
    expect(ids('Đà Nẵng ')).toEqual(expect.arrayContaining(['da-nang', 'da-nang-plain']));
    expect(ids('Đà Nẵng ', { exactDiacritics: true })).toEqual(['da-nang']);
    expect(ids('bản án ', { exactDiacritics: true })).toEqual(['ban-an']);
  });

  it('marks only the forms written as typed', () => {
    const hit = runSearch('ban ', { engines: [engine], removed: new Set(), documents: (list) => list.map((id) => byId.get(id)!) }, { exactDiacritics: true }).hits[0]!;
    const body = byId.get(hit.id)!.body;
    expect(hit.matches.filter((m) => m.field === 'body').map((m) => body.slice(m.start, m.end))).toEqual(['ban']);
  });

  it('uses no typo stand-ins', () => {
    expect(ids('ban hnah ')).toEqual(['ban-hanh']);
    expect(ids('ban hnah ', { exactDiacritics: true })).toEqual([]);
  });
});
