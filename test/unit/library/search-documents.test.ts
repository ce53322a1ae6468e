import { StatementSync } from 'node:sqlite';
import { afterEach, expect, it, vi } from 'vitest';
import type { Library } from '../../../library/index.ts';
import type { SearchDocument } from '../../../search/search-document.ts';
import { draft, freshLibraryEachTest } from './library-fixtures.ts';

let library: Library;
freshLibraryEachTest((opened) => (library = opened));
afterEach(() => vi.restoreAllMocks());

/** The document as it was read before batching: the article, then its annotations one query at a time. */
function oneByOne(id: string): SearchDocument {
  const article = library.get(id)!;
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    author: article.author,
    source: article.source,
    tags: article.tags,
    publishedAt: article.publishedAt,
    importedAt: article.importedAt,
    notes: library.annotations.searchTexts(id),
  };
}

function seed(): string[] {
  const plain = library.addArticle(draft({ title: 'Giá vàng hôm nay', body: 'Giá vàng tăng mạnh.\n\nNgười mua đổ xô.', url: 'https://a.vn/1' })).id;
  const tagged = library.addArticle(draft({ tags: ['thời sự', 'kinh tế'], url: 'https://a.vn/2', author: null, source: null })).id;
  const annotated = library.addArticle(draft({ title: 'Đàm phán ở Doha', url: 'https://a.vn/3', body: 'Sáng nay hai bên nối lại đàm phán ngừng bắn tại Doha.\n\nThủ tướng Qatar cho biết 30.410 người đã được sơ tán.' })).id;
  library.update(tagged, { starred: true });
  // Created out of reading order, one without a note and one that becomes an orphan.
  library.annotations.create({ articleId: annotated, quote: 'Thủ tướng Qatar', note: 'nguồn chính thức' });
  library.annotations.create({ articleId: annotated, quote: 'đàm phán ngừng bắn' });
  library.annotations.create({ articleId: annotated, quote: 'tại Doha', note: 'địa điểm' });
  expect(new Set([plain, tagged, annotated]).size).toBe(3);
  return [plain, tagged, annotated];
}

it('reads a page of search documents exactly as one-by-one reads did: tags, notes and quotes in reading order', () => {
  const ids = seed();
  const asked = [ids[2]!, 'no-such-id', ids[0]!, ids[1]!];
  const batched = library.searchDocuments(asked);
  expect(batched).toEqual([ids[2]!, ids[0]!, ids[1]!].map(oneByOne));
  expect(batched[0]!.notes).toEqual(['đàm phán ngừng bắn', 'tại Doha', 'địa điểm', 'Thủ tướng Qatar', 'nguồn chính thức']);
  expect(batched[2]!.tags).toEqual(['kinh tế', 'thời sự']);
  expect(library.searchDocuments([])).toEqual([]);
});

it('streams every search document with the same content', () => {
  const ids = seed();
  const all = [...library.allSearchDocuments()].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  expect(all).toEqual(ids.map(oneByOne));
});

it('fetches a page in one SQL statement, not two per article', () => {
  const ids = seed();
  for (let i = 0; i < 40; i++) ids.push(library.addArticle(draft({ title: `Bài ${i}`, url: `https://a.vn/more/${i}` })).id);
  const executions = (['all', 'get', 'iterate', 'run'] as const).map((method) => vi.spyOn(StatementSync.prototype, method));
  const documents = library.searchDocuments(ids);
  expect(documents).toHaveLength(ids.length);
  expect(executions.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(1);
});

it('lets search show what the filter chips allow and never the trash, reading only the trash without chips', () => {
  const [a, b, c] = seed();
  library.update(b!, { starred: true });
  library.trash([c!]);
  const ids = [a!, b!, c!];
  const allowed = (filters = {}) => ids.filter(library.searchAccepts(filters));
  const rows = vi.spyOn(StatementSync.prototype, 'all');
  expect(allowed()).toEqual([a, b]);
  expect(rows.mock.results.map((result) => (result.value as unknown[]).length)).toEqual([1]);
  expect(allowed({ starred: true, unread: false })).toEqual([b]);
  expect(allowed({ source: 'VnExpress' })).toEqual([...library.searchableIds({ source: 'VnExpress' })].filter((id) => ids.includes(id)));
  library.restore([c!]);
  expect(allowed()).toEqual([a, b, c]);
});
