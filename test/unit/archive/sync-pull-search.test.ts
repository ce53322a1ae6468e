// A pull stamps the library's search change log once per page (its triggers stand aside meanwhile):
// the search index, which catches up from that log, must still find every pulled article and note,
// forget removed notes, and learn of a re-anchored article whose text the archive changed.
import { describe, expect, it } from 'vitest';
import { pullChanges, pushOutbox } from '../../../archive/archive-sync.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { SearchIndexManager } from '../../../search/index-manager.ts';
import type { Library } from '../../../library/index.ts';
import { draft, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

async function openIndex(library: Library): Promise<SearchIndexManager> {
  const manager = new SearchIndexManager({ dir: library.dir, source: library });
  await manager.open();
  await manager.whenIdle();
  return manager;
}

/** What the index finds now, having caught up with the library's change log (no change listener: as for another process's commits). */
async function found(manager: SearchIndexManager, query: string): Promise<string[]> {
  await manager.search(query);
  await manager.whenIdle();
  return (await manager.search(query, { limit: 50 })).hits.map((hit) => hit.id).sort();
}

describe.skipIf(unavailable)('the search index after a pull', () => {
  const harness = useSyncHarness();

  it('finds every article and note a pull of several pages wrote, and forgets a note taken back', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    const names = ['Quảng Ngãi', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Phú Yên'];
    const ids = names.map((place, n) =>
      alice.library.addArticle(draft({ title: `Mưa lũ ở ${place}`, body: `Mưa lớn kéo dài ở ${place} suốt ${n + 2} ngày.\n\nĐường sá ngập sâu.`, url: `https://baomoi.vn/lu-${n}.html` })).id,
    );
    const mark = alice.library.annotations.create({ articleId: ids[0]!, start: 0, end: 8, color: 'pink', note: 'Kiểm chứng thủy điện xả lũ' });
    alice.local.shareAnnotations([mark.id], 'thoi-su');
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);

    const manager = await openIndex(bob.library);
    try {
      const seqBefore = bob.library.changeSeq();
      // Pages of 2 changes: five articles, their shares and the note over several transactions.
      const settings = (): unknown => [bob.library.db.prepare('PRAGMA synchronous').get(), bob.library.db.prepare('PRAGMA cache_size').get()];
      const before = settings();
      const pulled = await pullChanges(bob.db, bob.local, { pageSize: 2 });
      expect(pulled.articles).toBe(5);
      // The pull's own commit settings (synchronous=NORMAL, a larger page cache) end with its writes.
      expect(settings()).toEqual(before);
      expect(before).toEqual([{ synchronous: 2 }, { cache_size: -2000 }]);
      // Every written article has its change in the log, each once, numbered after what was there.
      const logged = bob.library.changesSince(seqBefore);
      expect([...logged.ids].sort()).toEqual([...pulled.addedArticles].sort());
      expect(logged.seq).toBe(bob.library.changeSeq());

      expect(await found(manager, 'mua lon')).toEqual([...pulled.addedArticles].sort());
      const gialai = bob.library.list({ view: 'all', limit: 10 }).items.find((item) => item.title === 'Mưa lũ ở Gia Lai')!;
      expect(await found(manager, 'Gia Lai')).toEqual([gialai.id]);
      const quangNgai = bob.local.localIdOf(alice.local.archiveIdOf(ids[0]!)!)!;
      expect(await found(manager, 'thuy dien xa lu')).toEqual([quangNgai]);

      // Alice takes her note back from the desk: Bob's pull removes it, and the index forgets its words.
      alice.local.shareAnnotations([mark.id], null);
      await pushOutbox(alice.db, alice.local);
      expect((await pullChanges(bob.db, bob.local)).removed).toBe(1);
      expect(await found(manager, 'thuy dien xa lu')).toEqual([]);
    } finally {
      await manager.close();
    }
  });
});
