import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { ArticleSummary, BulkAction, BulkResult, BulkUndone, CommandOutcome, LibraryChange } from '../../../contract/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

// Each bulk action is one transaction, and undo puts back exactly what every article held before:
// the articles start in mixed states, so an undo that set a flag instead of restoring it would fail.

describe('bulk actions and their undo', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let context: AppContext;
  let ids: string[];

  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const outcome = (await context.dispatch(name, args)) as CommandOutcome<T>;
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  const snapshot = (): ArticleSummary[] => [...context.library.summaries(ids).values()];

  beforeEach(async () => {
    folder = temporaryFolder();
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
    ids = [];
    for (let i = 0; i < 12; i++) {
      const added = context.library.addArticle(
        draft({ title: `Bài ${i} về bão Yagi`, body: `Bài số ${i}: bão Yagi đổ bộ, thiệt hại ${i * 7} tỷ đồng.`, tags: i % 3 === 0 ? ['bão'] : [], source: i % 2 ? 'VnExpress' : 'Tuổi Trẻ' }),
      );
      ids.push(added.id);
    }
    // Mixed states: read, starred, archived, a collection, one already in the trash.
    context.library.update(ids[1]!, { read: true, starred: true });
    context.library.update(ids[2]!, { archived: true, collection: 'Thời sự' });
    context.library.update(ids[4]!, { collection: 'Kinh tế', tags: ['bão', 'lũ'] });
    context.library.trash([ids[5]!]);
  });

  afterEach(async () => {
    await context.close();
    folder.remove();
  });

  const actions: BulkAction[] = [
    { kind: 'tag', tag: 'bão' },
    { kind: 'untag', tag: 'bão' },
    { kind: 'setCollection', collection: 'Điều tra' },
    { kind: 'setCollection', collection: null },
    { kind: 'markRead' },
    { kind: 'markUnread' },
    { kind: 'star' },
    { kind: 'unstar' },
    { kind: 'archive' },
    { kind: 'unarchive' },
    { kind: 'trash' },
    { kind: 'restore' },
  ];

  for (const action of actions) {
    it(`${JSON.stringify(action)}: undo restores exactly the previous state of every article`, async () => {
      const before = snapshot();
      const result = await call<BulkResult>('library.bulk', { action, target: { ids } });
      expect(result.count).toBeGreaterThan(0);
      expect(snapshot()).not.toEqual(before);
      const undone = await call<BulkUndone>('library.bulkUndo', { token: result.undoToken });
      expect(undone.count).toBe(result.count);
      expect(snapshot()).toEqual(before);
    });
  }

  it('counts only the articles it changed, and commits them all at once (one change event)', async () => {
    const changes: LibraryChange[] = [];
    context.library.onChange((change) => changes.push(change));
    const generation = context.library.generation();
    const result = await call<BulkResult>('library.bulk', { action: { kind: 'markRead' }, target: { ids } });
    // ids[1] was read already.
    expect(result).toMatchObject({ action: 'markRead', count: 11, matched: 12 });
    expect(changes).toHaveLength(1);
    expect(context.library.generation()).toBe(generation + 1);
  });

  it('counts an article already in the wanted state, a repeated id or an unknown id as matched, not changed', async () => {
    // ids 0, 3, 6, 9 and 4 have the tag already.
    const tagged = await call<BulkResult>('library.bulk', { action: { kind: 'tag', tag: 'bão' }, target: { ids: [...ids, ids[0]!, 'no-such-article'] } });
    expect(tagged).toMatchObject({ count: 7, matched: 13 });
    const collected = await call<BulkResult>('library.bulk', { action: { kind: 'setCollection', collection: 'Kinh tế' }, target: { ids } });
    expect(collected.count).toBe(11);
    const restored = await call<BulkResult>('library.bulk', { action: { kind: 'restore' }, target: { ids } });
    expect(restored.count).toBe(1);
  });

  it('undo skips an article deleted for good since, and puts back the others', async () => {
    const before = snapshot();
    const result = await call<BulkResult>('library.bulk', { action: { kind: 'setCollection', collection: 'Điều tra' }, target: { ids } });
    context.library.emptyTrash();
    const undone = await call<BulkUndone>('library.bulkUndo', { token: result.undoToken });
    // ids[5] was in the trash and is gone for good.
    expect(undone.count).toBe(result.count - 1);
    expect(snapshot()).toEqual(before.filter((article) => article.id !== ids[5]));
  });

  it('an undo token works once', async () => {
    const result = await call<BulkResult>('library.bulk', { action: { kind: 'star' }, target: { ids } });
    await call('library.bulkUndo', { token: result.undoToken });
    const again = await context.dispatch('library.bulkUndo', { token: result.undoToken });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found', reason: { kind: 'bulk.undo-expired' } } });
  });

  it('takes a list view as its target: every article the view shows, not only the page loaded', async () => {
    const result = await call<BulkResult>('library.bulk', { action: { kind: 'archive' }, target: { list: { view: 'all', source: 'VnExpress' } } });
    // VnExpress: the six odd ones; ids[5] is in the trash, so the view shows five.
    expect(result.matched).toBe(5);
    expect(context.library.list({ view: 'archived', source: 'VnExpress' }).total).toBe(5);
  });

  it('takes a search as its target: exactly the articles the search counts', async () => {
    await context.search.whenIdle();
    const search = await call<{ total: number }>('search.query', { query: 'thiệt hại', filters: { source: 'Tuổi Trẻ' } });
    const result = await call<BulkResult>('library.bulk', { action: { kind: 'tag', tag: 'theo dõi' }, target: { search: { query: 'thiệt hại', filters: { source: 'Tuổi Trẻ' } } } });
    expect(search.total).toBe(6);
    expect(result.matched).toBe(search.total);
    const tagged = snapshot().filter((article) => article.tags.includes('theo dõi'));
    expect(tagged.map((article) => article.source)).toEqual(Array(6).fill('Tuổi Trẻ'));
  });

  it('exports the selection a target names', async () => {
    const payload = await call<{ ndjson: string; count: number }>('library.bulkExport', { target: { ids: ids.slice(0, 3) } });
    expect(payload.count).toBe(3);
    const exported = payload.ndjson.trim().split('\n').map((line) => JSON.parse(line) as { type: string; id: string });
    expect(exported.filter((record) => record.type === 'article').map((record) => record.id).sort()).toEqual(ids.slice(0, 3).sort());
  });

  it('refuses an unknown action before touching anything', async () => {
    const outcome = await context.dispatch('library.bulk', { action: { kind: 'explode' }, target: { ids } });
    expect(outcome.ok).toBe(false);
  });
});
