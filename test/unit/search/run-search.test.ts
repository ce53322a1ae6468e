import { describe, expect, it, vi } from 'vitest';
import type { SearchDocument } from '../../../search/search-document.ts';
import { runSearch } from '../../../search/run-search.ts';
import { SearchEngine } from '../../../search/search-engine.ts';
import type { SearchOptions, SearchResult } from '../../../search/types.ts';
import { CORPUS, doc } from './search-fixtures.ts';

// Many articles share the words "đàm phán" so a query has several pages of hits.
const TALKS = Array.from({ length: 30 }, (_, i) =>
  doc(`talks-${i}`, `Vòng đàm phán thứ ${i + 1}`, `Các bên tiếp tục đàm phán ở Doha về ngừng bắn, phiên số ${i + 1}.`, {
    publishedAt: `2024-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z`,
  }),
);
const DOCS = [...CORPUS, ...TALKS];
const engine = SearchEngine.build(DOCS);
const byId = new Map(DOCS.map((d) => [d.id, d]));

function search(query: string, options: SearchOptions = {}, documents = (ids: readonly string[]): SearchDocument[] => ids.map((id) => byId.get(id)!)): SearchResult {
  return runSearch(query, { engines: [engine], removed: new Set(), documents }, options);
}

describe('only the page asked for is fetched and highlighted', () => {
  it('asks for the stored text of the page once, with exactly its ids', () => {
    const everything = search('đàm phán', { limit: 500 });
    expect(everything.total).toBeGreaterThan(30);
    const documents = vi.fn((ids: readonly string[]) => ids.map((id) => byId.get(id)!));
    const page = search('đàm phán', { offset: 10, limit: 8 }, documents);
    expect(documents).toHaveBeenCalledTimes(1);
    expect(documents.mock.calls[0]![0]).toEqual(everything.hits.slice(10, 18).map((hit) => hit.id));
    // The same hits, marks and snippets as in the whole list: a page is a slice of it.
    expect(page.hits).toEqual(everything.hits.slice(10, 18));
    expect(page.total).toBe(everything.total);
  });

  it('fetches nothing past the end of the results', () => {
    const documents = vi.fn((ids: readonly string[]) => ids.map((id) => byId.get(id)!));
    const result = search('đàm phán', { offset: 1000, limit: 20 }, documents);
    expect(result.hits).toEqual([]);
    expect(documents.mock.calls.flatMap((call) => call[0])).toEqual([]);
  });
});

describe('a one-letter word', () => {
  it('is matched as a whole word, not as the prefix of every word starting with it', () => {
    // "n" as a prefix would stand for người, ngừng, nối, nhận… in almost every article.
    expect(search('n').total).toBe(0);
    expect(search('ng').total).toBeGreaterThan(10);
  });

  it('still finds one-letter Vietnamese syllables such as ở', () => {
    const found = search('ở', { limit: 100 });
    expect(found.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining(['scattered', 'talks-0']));
    // ở and ô fold alike, but the article holds ở as typed, so only ở is marked; ngoại, which only
    // starts with the letter, is not marked either.
    const hit = found.hits.find((h) => h.id === 'scattered')!;
    expect(hit.matches.filter((m) => m.field === 'title').map((m) => hit.title.slice(m.start, m.end))).toEqual(['ở']);
  });

  it('being typed after other words keeps their results instead of showing none', () => {
    const before = search('đột ', { limit: 50 });
    const typing = search('đột p', { limit: 50 });
    expect(typing.hits.map((hit) => hit.id)).toEqual(before.hits.map((hit) => hit.id));
    expect(typing.total).toBe(before.total);
    // Only "đột" is marked; "p" does not mark every word starting with p.
    const hit = typing.hits[0]!;
    expect(hit.matches.filter((m) => m.field === 'title').map((m) => hit.title.slice(m.start, m.end))).toEqual(['Đột']);
    // With the next letter it is a prefix again.
    expect(search('đột ph').hits.map((h) => h.id)).toEqual(['dot']);
  });

  it('that is a word of the articles narrows the results like any word', () => {
    const narrowed = search('đàm phán ở', { limit: 100 });
    expect(narrowed.total).toBeLessThan(search('đàm phán', { limit: 100 }).total);
    expect(narrowed.hits.every((hit) => byId.get(hit.id)!.body.includes(' ở '))).toBe(true);
  });
});
