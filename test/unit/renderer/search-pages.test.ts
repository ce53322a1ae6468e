import { describe, expect, it, vi } from 'vitest';
import type { CommandArgs, SearchHit, SearchResult } from '../../../contract/index.ts';
import { firstSearchPage, hasMoreHits, nextSearchPage, SEARCH_PAGE, type SearchCaller } from '../../../renderer/client/search-pages.ts';

const hit = (id: string): SearchHit => ({ id, title: id, score: 1, snippet: { text: '', matches: [] }, matches: [] });
const hits = (from: number, count: number): SearchHit[] => Array.from({ length: count }, (_, i) => hit(`a${from + i}`));

/** A host holding `total` hits for any query, answering the slice asked for. */
function host(total: number, answer: Partial<SearchResult> = {}): SearchCaller & { calls: CommandArgs<'search.query'>[] } {
  const calls: CommandArgs<'search.query'>[] = [];
  return {
    calls,
    call: vi.fn(async (_name: 'search.query', args: CommandArgs<'search.query'>) => {
      calls.push(args);
      const offset = args.offset ?? 0;
      return { query: args.query, total, tookMs: 1, hits: hits(offset, Math.max(0, Math.min(args.limit ?? 50, total - offset))), ...answer };
    }),
  };
}

describe('search pages in the UI', () => {
  it('asks for one page, named as this window, and for more only by scrolling', async () => {
    const caller = host(40);
    const first = await firstSearchPage(caller, 'dam phan', undefined);
    expect(first.hits).toHaveLength(SEARCH_PAGE);
    expect(caller.calls[0]).toMatchObject({ query: 'dam phan', limit: SEARCH_PAGE });
    expect(caller.calls[0]!.client).toMatch(/^window-/);
    expect(hasMoreHits(first)).toBe(true);

    const second = (await nextSearchPage(caller, first, { tag: 'kinh tế' }))!;
    expect(caller.calls[1]).toMatchObject({ query: 'dam phan', offset: SEARCH_PAGE, limit: SEARCH_PAGE, filters: { tag: 'kinh tế' }, client: caller.calls[0]!.client });
    expect(second.hits.map((h) => h.id)).toEqual(hits(0, 2 * SEARCH_PAGE).map((h) => h.id));
    const third = (await nextSearchPage(caller, second, undefined))!;
    expect(third.hits).toHaveLength(40);
    expect(hasMoreHits(third)).toBe(false);
  });

  it('answers the same query again as deep as it was scrolled, up to the contract limit', async () => {
    const caller = host(2000);
    expect((await firstSearchPage(caller, 'x', undefined, 45)).hits).toHaveLength(45);
    await firstSearchPage(caller, 'x', undefined, 5000);
    expect(caller.calls[1]!.limit).toBe(500);
  });

  it('does not repeat a hit the library moved between pages, and gives up a page the host cancelled', async () => {
    const shown: SearchResult = { query: 'x', total: 40, tookMs: 1, hits: hits(0, SEARCH_PAGE) };
    // An article added meanwhile ranks first: the host's second page starts with the last hit shown.
    const shifted: SearchCaller = { call: async (_name, args) => ({ query: 'x', total: 41, tookMs: 1, hits: hits((args.offset ?? 0) - 1, SEARCH_PAGE) }) };
    const merged = (await nextSearchPage(shifted, shown, undefined))!;
    expect(merged.hits.map((h) => h.id)).toEqual(hits(0, 2 * SEARCH_PAGE - 1).map((h) => h.id));
    expect(merged.total).toBe(41);
    expect(await nextSearchPage(host(40, { cancelled: true, hits: [], total: 0 }), shown, undefined)).toBeNull();
    expect(hasMoreHits({ ...shown, cancelled: true })).toBe(false);
  });
});
