import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import type { SourceInfo } from '../../../contract/index.ts';
import { useSourceHarness } from './source-harness.ts';
import { conditionalFeed, rss, story, type RssItem } from './feed-server.ts';

// Retention: "keep items N days" per source or folder moves older items to the trash, never what the
// reader made theirs, and never deletes anything.

const harness = useSourceHarness({ fetchTimeoutMs: 1500 });

/** Items with long text and no link: full text never applies, and each is its own article. */
function items(prefix: string, count: number): RssItem[] {
  const long = (n: number) => Array.from({ length: 5 }, (_, k) => story(n * 10 + k)).join(' ');
  return Array.from({ length: count }, (_, n) => ({ guid: `${prefix}-${n}`, title: `${prefix} ${n}`, body: `${prefix.toUpperCase()} ${long(n)}` }));
}

async function subscribe(path: string, entries: RssItem[] | (() => RssItem[]), extra: Record<string, unknown> = {}): Promise<SourceInfo> {
  harness.server.routes.set(path, conditionalFeed(() => rss(path, typeof entries === 'function' ? entries() : entries)));
  const added = await harness.call('sources.add', { url: harness.server.url(path), ...extra });
  if (added.status !== 'added') throw new Error('expected one feed');
  return added.source;
}

function idOf(title: string): string {
  return harness.context.library.list({ view: 'all', limit: 500 }).items.find((a) => a.title === title)!.id;
}

/** Makes articles look as if they arrived `days` ago. */
function age(titles: readonly string[], days: number): void {
  const when = new Date(Date.now() - days * 86_400_000).toISOString();
  const statement = harness.context.library.db.prepare('UPDATE articles SET imported_at = ? WHERE id = ?');
  for (const title of titles) statement.run(when, idOf(title));
}

function trashed(): string[] {
  return harness.context.library
    .list({ view: 'trash', limit: 500 })
    .items.map((a) => a.title)
    .sort();
}

describe('retention', () => {
  it('moves items older than N days to the trash, never starred, archived, tagged, annotated or filed ones', async () => {
    const source = await subscribe('/a.xml', items('a', 8), { keepDays: 7 });
    expect(source.keepDays).toBe(7);
    expect(source.retentionDays).toBe(7);
    age(['a 0', 'a 1', 'a 2', 'a 3', 'a 4', 'a 5', 'a 6'], 30);
    harness.context.library.update(idOf('a 1'), { starred: true });
    harness.context.library.update(idOf('a 2'), { archived: true });
    harness.context.library.update(idOf('a 3'), { tags: ['giữ'] });
    harness.context.library.update(idOf('a 4'), { collection: 'Hồ sơ' });
    harness.context.library.annotations.create({ articleId: idOf('a 5'), quote: 'Các tuyến xe buýt được tăng cường' });

    const result = await harness.call('sources.applyRetention', {});
    expect(result.trashed).toBe(2);
    expect(result.bySource).toEqual([{ id: source.id, title: source.title, trashed: 2 }]);
    expect(trashed()).toEqual(['a 0', 'a 6']);
    // Nothing is deleted: the trash can give them back.
    const back = await harness.call('library.restore', { ids: harness.context.library.list({ view: 'trash', limit: 500 }).items.map((a) => a.id) });
    expect(back).toMatchObject({ count: 2 });
    expect(trashed()).toEqual([]);
    // Restored by the reader: theirs to keep, not expired again.
    expect((await harness.call('sources.applyRetention', {})).trashed).toBe(0);
    expect(trashed()).toEqual([]);
  });

  it('keeps everything by default (forever), and a source’s own setting wins over its folder’s', async () => {
    const plain = await subscribe('/plain.xml', items('p', 2));
    expect(plain.keepDays).toBeNull();
    expect(plain.retentionDays).toBeNull();
    const follows = await subscribe('/wire.xml', items('w', 2), { folder: 'Wire' });
    const own = await subscribe('/own.xml', items('o', 2), { folder: 'Wire', keepDays: 'forever' });
    age(['p 0', 'p 1', 'w 0', 'w 1', 'o 0', 'o 1'], 400);
    expect((await harness.call('sources.applyRetention', {})).trashed).toBe(0);

    const wire = await harness.call('sources.updateFolder', { folder: 'Wire', patch: { keepDays: 30 } });
    expect(wire).toEqual({ folder: 'Wire', keepDays: 30, sources: 2, unreadCount: 4 });
    const listed = await harness.call('sources.list', {});
    expect(listed.find((s) => s.id === follows.id)!.retentionDays).toBe(30);
    expect(listed.find((s) => s.id === own.id)!.retentionDays).toBeNull();

    const result = await harness.call('sources.applyRetention', {});
    expect(result.trashed).toBe(2);
    expect(trashed()).toEqual(['w 0', 'w 1']);
    expect(await harness.call('sources.folders', {})).toEqual([
      { folder: 'Wire', keepDays: 30, sources: 2, unreadCount: 2 },
      { folder: null, keepDays: null, sources: 1, unreadCount: 2 },
    ]);
  });

  it('an article another source keeps is not expired by the one that does not', async () => {
    const shared = items('s', 1);
    const short = await subscribe('/short.xml', shared, { keepDays: 1 });
    await subscribe('/long.xml', shared);
    age(['s 0'], 10);
    expect((await harness.call('sources.applyRetention', { id: short.id })).trashed).toBe(0);
    await harness.call('sources.update', { id: (await harness.call('sources.list', {})).find((s) => s.id !== short.id)!.id, patch: { keepDays: 5 } });
    expect((await harness.call('sources.applyRetention', {})).trashed).toBe(1);
  });

  it('runs after a refresh and says how many it moved', async () => {
    let entries = items('r', 3);
    const source = await subscribe('/r.xml', () => entries, { keepDays: 2 });
    age(['r 0', 'r 1'], 3);
    entries = [...entries, ...items('x', 1)];
    const [result] = await harness.call('sources.refresh', { id: source.id });
    expect(result!.imported).toBe(1);
    expect(result!.expired).toBe(2);
    expect(trashed()).toEqual(['r 0', 'r 1']);
    // Still remembered as seen: the next refresh does not bring them back.
    const [again] = await harness.call('sources.refresh', { id: source.id });
    expect(again!.imported).toBe(0);
    expect(trashed()).toEqual(['r 0', 'r 1']);
  });

  it('a running host expires items on its own, even of a paused source', async () => {
    await harness.context.close();
    harness.context = await AppContext.open({ libraryDir: harness.folder.dir, runtime: 'browser', withoutSearch: true, refreshSources: true, sources: { fetchTimeoutMs: 1500, retentionEveryMs: 50 } });
    const source = await subscribe('/bg.xml', items('g', 2));
    await harness.call('sources.update', { id: source.id, patch: { paused: true, keepDays: 3 } });
    age(['g 0'], 4);
    while (trashed().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(trashed()).toEqual(['g 0']);
  }, 90_000);

  it('refuses a retention that is not a whole number of days', async () => {
    const source = await subscribe('/bad.xml', items('b', 1));
    await expect(harness.call('sources.update', { id: source.id, patch: { keepDays: 0 } })).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(harness.call('sources.update', { id: source.id, patch: { keepDays: 1.5 } })).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(harness.call('sources.applyRetention', { id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
