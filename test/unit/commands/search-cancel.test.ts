import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { SearchResult } from '../../../contract/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

describe('search.query from one client', () => {
  const folder = temporaryFolder();
  let context: AppContext;

  beforeAll(async () => {
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    context.library.addArticle(draft());
    context.library.addArticle(draft({ title: 'Giá vàng hôm nay', body: 'Giá vàng tăng mạnh trong phiên sáng.' }));
    await context.search.whenIdle();
  });

  afterAll(async () => {
    await context.close();
    folder.remove();
  });

  const query = async (args: Record<string, unknown>): Promise<SearchResult> => {
    const outcome = await context.dispatch('search.query', args);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as SearchResult;
  };

  it('cancels an older query still waiting when a newer one from the same client arrives', async () => {
    // Sent back to back, as queued requests reach a busy host: the older has not run yet.
    const [older, newer] = await Promise.all([query({ query: 'đàm phán', client: 'tab-1' }), query({ query: 'giá vàng', client: 'tab-1' })]);
    expect(older).toEqual({ query: 'đàm phán', total: 0, tookMs: 0, hits: [], cancelled: true });
    expect(newer.cancelled).toBeUndefined();
    expect(newer.hits.map((hit) => hit.title)).toEqual(['Giá vàng hôm nay']);
  });

  it('answers every query of different clients, and of callers that name none (the CLI)', async () => {
    const [first, second, unnamed, again] = await Promise.all([
      query({ query: 'đàm phán', client: 'tab-1' }),
      query({ query: 'giá vàng', client: 'tab-2' }),
      query({ query: 'đàm phán' }),
      query({ query: 'giá vàng' }),
    ]);
    for (const result of [first, second, unnamed, again]) {
      expect(result.cancelled).toBeUndefined();
      expect(result.hits).toHaveLength(1);
    }
  });

  it('answers a query that was the newest when it ran, even if another follows later', async () => {
    const first = await query({ query: 'đàm phán', client: 'tab-1' });
    const second = await query({ query: 'giá vàng', client: 'tab-1' });
    expect(first.hits).toHaveLength(1);
    expect(second.hits).toHaveLength(1);
  });

  it('refuses a client name that is not a short string', async () => {
    const outcome = await context.dispatch('search.query', { query: 'x', client: 'c'.repeat(101) });
    expect(outcome.ok).toBe(false);
  });
});
