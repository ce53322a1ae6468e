// Issue 16 §4: a note: operator, and a hit found through a note says so and shows the note.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../search/query-parser.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import { CORPUS, doc } from './search-fixtures.ts';

const NOTED = doc('noted', 'Giá điện tăng từ tháng sau', 'Bộ Công Thương công bố biểu giá mới cho hộ gia đình và doanh nghiệp.', {
  notes: ['biểu giá mới', 'Cần xác minh con số với Tập đoàn Điện lực trước khi đăng'],
});
const BODY_ONLY = doc('body-only', 'Điện lực miền Bắc', 'Tập đoàn Điện lực cần xác minh công suất các nhà máy trước mùa hè.');
const DOCS = [...CORPUS, NOTED, BODY_ONLY];
const engine = SearchEngine.build(DOCS);
const byId = new Map(DOCS.map((d) => [d.id, d]));
const search = (query: string) => runSearch(query, { engines: [engine], removed: new Set(), documents: (ids) => ids.map((id) => byId.get(id)!) }, { limit: 20 });

describe('the note: operator', () => {
  it('parses as a filter on notes', () => {
    expect(parseQuery('note:xác minh giá').filters).toEqual([{ field: 'note', words: [{ exact: 'xác', folded: 'xac', accented: true }] }]);
    expect(parseQuery('note:"xac minh"').filters[0]!.words.map((w) => w.folded)).toEqual(['xac', 'minh']);
  });

  it('finds only articles whose notes hold the words, not those whose body does', () => {
    const ids = search('note:"xac minh"').hits.map((hit) => hit.id);
    expect(ids).toEqual(['noted']);
    // Without the operator, the body match is found too.
    expect(search('xac minh').hits.map((hit) => hit.id)).toEqual(expect.arrayContaining(['noted', 'body-only']));
  });

  it('says the hit matched in a note and shows the note, with its words marked', () => {
    const hit = search('note:"xac minh"').hits[0]!;
    expect(hit.matchedIn).toBe('note');
    expect(hit.snippet.text).toBe('Cần xác minh con số với Tập đoàn Điện lực trước khi đăng');
    expect(hit.snippet.matches.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['xác', 'minh']);
  });
});

describe('a hit found through a note without the operator', () => {
  it('is labelled when its title and body lack a query word the note has', () => {
    const hit = search('dien luc xac minh con so').hits.find((h) => h.id === 'noted')!;
    expect(hit.matchedIn).toBe('note');
    expect(hit.snippet.text).toContain('con số');
  });

  it('is not labelled when the title and body hold every word', () => {
    const hit = search('xac minh').hits.find((h) => h.id === 'body-only')!;
    expect(hit.matchedIn).toBeUndefined();
    expect(search('bieu gia').hits.find((h) => h.id === 'noted')!.matchedIn).toBeUndefined();
  });
});
