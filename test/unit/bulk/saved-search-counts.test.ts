import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { CommandOutcome, SavedSearch, WatchCounts } from '../../../contract/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

describe('saved searches and their new counts', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let context: AppContext;
  let announced: WatchCounts[];

  const call = async <T>(name: string, args: unknown = {}): Promise<T> => {
    const outcome = (await context.dispatch(name, args)) as CommandOutcome<T>;
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  let n = 0;
  const article = (title: string, body: string, source = 'VnExpress') => draft({ title, body: `${body} (${n++})`, source });

  beforeEach(async () => {
    folder = temporaryFolder();
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    announced = [];
    context.events.onAny((event, payload) => {
      if (event === 'watch.counts') announced.push(payload as WatchCounts);
    });
    context.library.addArticle(article('Bão Yagi đổ bộ', 'Bão Yagi đổ bộ vào Quảng Ninh.'));
    context.library.addArticle(article('Giá vàng tăng', 'Giá vàng tăng mạnh.'));
    await context.search.whenIdle();
  });

  afterEach(async () => {
    await context.close();
    folder.remove();
  });

  it('starts at zero, rises after an import of matching articles, and announces it once indexed', async () => {
    const yagi = await call<SavedSearch>('watch.add', { name: 'Bão Yagi', query: 'bao yagi', notify: true });
    const gold = await call<SavedSearch>('watch.add', { name: 'Vàng', query: 'giá vàng', filters: { source: 'Tuổi Trẻ' } });
    expect([yagi.newCount, gold.newCount]).toEqual([0, 0]);

    context.library.importBatch((each) => {
      each(() => context.library.addArticle(article('Yagi gây lũ', 'Sau bão Yagi, lũ lên nhanh ở Lào Cai.')));
      each(() => context.library.addArticle(article('Bão Yagi suy yếu', 'Bão Yagi suy yếu thành áp thấp.')));
      each(() => context.library.addArticle(article('Giá vàng giảm', 'Giá vàng giảm sâu.', 'VnExpress')));
      each(() => context.library.addArticle(article('Giá vàng lập đỉnh', 'Giá vàng lập đỉnh mới.', 'Tuổi Trẻ')));
      each(() => context.library.addArticle(article('Chứng khoán', 'Thị trường chứng khoán đi ngang.')));
    });
    await context.watch.whenIdle();

    const last = announced.at(-1)!;
    expect(last.counts).toEqual([
      { id: yagi.id, newCount: 2 },
      { id: gold.id, newCount: 1 },
    ]);
    // Only the one that asked to be notified.
    expect(last.risen).toEqual([{ id: yagi.id, name: 'Bão Yagi', newCount: 2 }]);
    expect((await call<SavedSearch[]>('watch.list')).map((search) => search.newCount)).toEqual([2, 1]);
  });

  it('opening resets the count; trashed articles are not new matches', async () => {
    const yagi = await call<SavedSearch>('watch.add', { name: 'Yagi', query: 'yagi' });
    const added = context.library.addArticle(article('Yagi', 'Bão Yagi vào đất liền.'));
    context.library.addArticle(article('Yagi 2', 'Hoàn lưu bão Yagi gây mưa.'));
    await context.watch.whenIdle();
    expect((await call<SavedSearch[]>('watch.list'))[0]!.newCount).toBe(2);
    context.library.trash([added.id]);
    expect((await call<SavedSearch[]>('watch.list'))[0]!.newCount).toBe(1);
    expect((await call<SavedSearch>('watch.open', { id: yagi.id })).newCount).toBe(0);
  });

  it('counts incrementally: only new candidates and those whose text changed are searched again', async () => {
    await call<SavedSearch>('watch.add', { name: 'Yagi', query: 'yagi' });
    const older = context.library.list({ limit: 10 }).items.map((item) => item.id);
    const titled = context.library.addArticle(article('Yagi vào đất liền', 'Tin về cơn bão.'));
    context.library.addArticle(article('Hoàn lưu', 'Hoàn lưu bão Yagi gây mưa.'));
    await context.watch.whenIdle();
    expect(announced.at(-1)!.counts[0]!.newCount).toBe(2);
    const searched: number[] = [];
    const search = context.search.search.bind(context.search);
    vi.spyOn(context.search, 'search').mockImplementation((query, options) => {
      searched.push(1);
      return search(query, options);
    });

    // A tag on an older article (a search document that changed, but no candidate), and a bulk
    // archive of everything (no search document changed): no search at all, the same count.
    context.library.update(older[0]!, { tags: ['theo dõi'] });
    await call('library.bulk', { action: { kind: 'archive' }, target: { list: { view: 'all' } } });
    await context.watch.whenIdle();
    expect(searched).toHaveLength(0);
    expect(announced.at(-1)!.counts[0]!.newCount).toBe(2);

    // A candidate whose text no longer matches: searched again, alone, and the count falls.
    context.library.update(titled.id, { title: 'Cơn bão vào đất liền' });
    await context.watch.whenIdle();
    expect(searched).toHaveLength(1);
    expect(announced.at(-1)!.counts[0]!.newCount).toBe(1);

    // A new match, and the article that lost it moved to the trash: one search, for the new one.
    context.library.addArticle(article('Yagi tan', 'Bão Yagi tan.'));
    context.library.trash([titled.id]);
    await context.watch.whenIdle();
    expect(searched).toHaveLength(2);
    expect(announced.at(-1)!.counts[0]!.newCount).toBe(2);
    // What a full count from scratch gives (the index, not the kept matches).
    const fresh = await context.search.search('yagi', { limit: 0, accept: (id) => context.library.savedSearches.importedSince('2000-01-01', {}).has(id) && !older.includes(id) });
    expect(fresh.total).toBe(2);
  });

  it('a saved search with filters only counts the new articles they let through', async () => {
    await call<SavedSearch>('watch.add', { name: 'Tuổi Trẻ', query: '', filters: { source: 'Tuổi Trẻ' } });
    context.library.addArticle(article('Một', 'Tin một.', 'Tuổi Trẻ'));
    context.library.addArticle(article('Hai', 'Tin hai.', 'VnExpress'));
    expect((await call<SavedSearch[]>('watch.list'))[0]!.newCount).toBe(1);
  });

  it('renames, reorders and deletes; names are unique regardless of case', async () => {
    const a = await call<SavedSearch>('watch.add', { name: 'Bão', query: 'bão' });
    const b = await call<SavedSearch>('watch.add', { name: 'Lũ', query: 'lũ' });
    const taken = await context.dispatch('watch.add', { name: 'BÃO', query: 'x' });
    expect(taken).toMatchObject({ ok: false, error: { reason: { kind: 'watch.exists', name: 'BÃO' } } });
    await call('watch.update', { id: a.id, patch: { name: 'Bão số 3', notify: true } });
    const reordered = await call<SavedSearch[]>('watch.reorder', { ids: [b.id, a.id] });
    expect(reordered.map((search) => [search.name, search.notify])).toEqual([
      ['Lũ', false],
      ['Bão số 3', true],
    ]);
    expect((await context.dispatch('watch.reorder', { ids: [b.id] })).ok).toBe(false);
    await call('watch.remove', { id: b.id });
    expect((await call<SavedSearch[]>('watch.list')).map((search) => search.name)).toEqual(['Bão số 3']);
    expect(await context.dispatch('watch.remove', { id: b.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
