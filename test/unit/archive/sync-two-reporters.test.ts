// Two reporters on two libraries share a desk through one archive: what one saves and marks, the
// other sees with its author; deduplication across reporters; deletions travel; live updates.
import { describe, expect, it } from 'vitest';
import { listenForChanges, pullChanges, pushOutbox, syncArchive } from '../../../archive/archive-sync.ts';
import { addReporter } from '../../support/archive-test-db.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, PASSWORD, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

describe.skipIf(unavailable)('two reporters sync through one archive', () => {
  const harness = useSyncHarness();

  it('shows one reporter\'s shared "Kiểm chứng" mark to the other, with its author, read-only', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    const { id: articleId } = alice.library.addArticle(draft({ url: 'https://vnexpress.net/dam-phan-doha.html' }));
    const mark = alice.library.annotations.create({ articleId, start: 0, end: 7, color: 'pink', note: 'Kiểm chứng' });
    expect(alice.local.shareAnnotations([mark.id], 'thoi-su')).toEqual([mark.id]);
    expect(alice.local.pendingCount()).toBeGreaterThan(0);

    const pushed = await pushOutbox(alice.db, alice.local);
    expect(pushed).toMatchObject({ articles: 1, annotations: 1, failed: [] });
    expect(alice.local.pendingCount()).toBe(0);

    const pulled = await pullChanges(bob.db, bob.local);
    expect(pulled).toMatchObject({ articles: 1, annotations: 1, removed: 0 });
    const bobArticle = bob.library.get(pulled.addedArticles[0]!)!;
    expect(bobArticle.title).toBe('Nối lại đàm phán ngừng bắn');
    const [seen] = bob.library.annotations.forArticle(bobArticle.id);
    expect(seen).toMatchObject({ id: mark.id, note: 'Kiểm chứng', color: 'pink', author: 'alice', desk: 'thoi-su', foreign: true });
    expect(seen!.quote.exact).toBe(mark.quote.exact);
    // Another reporter's mark is shown, never changed here, and what came from the archive is not pushed back.
    expect(() => bob.library.annotations.update(mark.id, { note: 'sửa' })).toThrow(/read-only/);
    expect(bob.local.pendingCount()).toBe(0);
    // Alice's own annotation, pulled back, stays hers.
    await pullChanges(alice.db, alice.local);
    expect(alice.library.annotations.forArticle(articleId)[0]).toMatchObject({ author: 'alice', desk: 'thoi-su' });
    expect(alice.library.annotations.forArticle(articleId)[0]!.foreign).toBeUndefined();
  });

  it('lets the other reporter answer on the pulled article, and the first sees that with its author', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    const { id: articleId } = alice.library.addArticle(draft());
    await syncArchive(alice.db, alice.local);
    const pulled = await pullChanges(bob.db, bob.local);
    const reply = bob.library.annotations.create({ articleId: pulled.addedArticles[0]!, start: 8, end: 14, color: 'green', note: 'Đã gọi nguồn' });
    bob.local.shareAnnotations([reply.id], 'thoi-su');
    expect((await pushOutbox(bob.db, bob.local)).failed).toEqual([]);
    await pullChanges(alice.db, alice.local);
    expect(alice.library.annotations.forArticle(articleId)).toMatchObject([{ id: reply.id, author: 'bob', foreign: true, note: 'Đã gọi nguồn' }]);
  });

  it('brings a reporter who joins the desk later what was shared there before', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], carol: ['kinh-te'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const carol = await harness.laptop(database, 'carol');
    const { id: articleId } = alice.library.addArticle(draft());
    const mark = alice.library.annotations.create({ articleId, start: 0, end: 7, note: 'Kiểm chứng' });
    alice.local.shareAnnotations([mark.id], 'thoi-su');
    await syncArchive(alice.db, alice.local);
    // A later change carol may see moves her mark past alice's shares.
    carol.library.addArticle(draft({ body: 'Tin kinh tế.' }));
    await syncArchive(carol.db, carol.local);
    expect(carol.library.list({}).total).toBe(1);
    await addReporter(harness.cluster(), database, 'carol', PASSWORD, ['thoi-su']);
    const pulled = await pullChanges(carol.db, carol.local);
    expect(pulled).toMatchObject({ articles: 1 });
    expect(carol.library.annotations.list({})).toMatchObject([{ id: mark.id, author: 'alice', foreign: true }]);
  });

  it('keeps one archive article when two reporters push the same page, and maps each library to it', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    const { id: aliceId } = alice.library.addArticle(draft({ url: 'https://vnexpress.net/dam-phan-doha.html?utm_source=fb' }));
    const { id: bobId } = bob.library.addArticle(draft({ url: 'http://www.vnexpress.net/dam-phan-doha.html' }));
    await pushOutbox(alice.db, alice.local);
    await pushOutbox(bob.db, bob.local);
    expect(harness.cluster().psql('SELECT count(*) FROM articles', database).trim()).toBe('1');
    expect(harness.cluster().psql('SELECT string_agg(owner::text, \',\' ORDER BY owner) FROM article_owners', database).trim()).toBe('alice,bob');
    expect(bob.local.archiveIdOf(bobId)).toBe(alice.local.archiveIdOf(aliceId));
    // Bob's pull finds the article his library already holds: nothing is added twice.
    const pulled = await pullChanges(bob.db, bob.local);
    expect(pulled.articles).toBe(0);
    expect(bob.library.list({}).total).toBe(1);
  });

  it('removes an annotation the author deleted, or took back from the desk, from the other library', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice');
    const bob = await harness.laptop(database, 'bob');
    const { id: articleId } = alice.library.addArticle(draft());
    const deleted = alice.library.annotations.create({ articleId, start: 0, end: 3, note: 'xoá sau' });
    const unshared = alice.library.annotations.create({ articleId, start: 4, end: 8, note: 'thu hồi' });
    alice.local.shareAnnotations([deleted.id, unshared.id], 'thoi-su');
    await syncArchive(alice.db, alice.local);
    await syncArchive(bob.db, bob.local);
    const bobArticle = bob.local.localIdOf(alice.local.archiveIdOf(articleId)!)!;
    expect(bob.library.annotations.forArticle(bobArticle).map((a) => a.id).sort()).toEqual([deleted.id, unshared.id].sort());

    alice.library.annotations.delete(deleted.id);
    alice.local.shareAnnotations([unshared.id], null);
    await syncArchive(alice.db, alice.local);
    const pulled = await pullChanges(bob.db, bob.local);
    expect(pulled.removedAnnotations.sort()).toEqual([deleted.id, unshared.id].sort());
    expect(bob.library.annotations.forArticle(bobArticle)).toEqual([]);
    // The author keeps the one taken back, private again.
    await pullChanges(alice.db, alice.local);
    expect(alice.library.annotations.forArticle(articleId).map((a) => [a.id, a.desk ?? null])).toEqual([[unshared.id, null]]);
  });

  it('tells a listening library that the other reporter pushed, without a poll', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    let connected!: () => void;
    const ready = new Promise<void>((resolve) => (connected = resolve));
    let heard!: (seq: number) => void;
    const notified = new Promise<number>((resolve) => (heard = resolve));
    const listener = listenForChanges(harness.url('bob', database), undefined, (seq) => (seq === null ? connected() : heard(seq)));
    try {
      await ready;
      expect(listener.live).toBe(true);
      const { id: articleId } = alice.library.addArticle(draft());
      const mark = alice.library.annotations.create({ articleId, start: 0, end: 3, note: 'Kiểm chứng' });
      alice.local.shareAnnotations([mark.id], 'thoi-su');
      await pushOutbox(alice.db, alice.local);
      expect(await notified).toBeGreaterThan(0);
      await pullChanges(bob.db, bob.local);
      expect(bob.library.annotations.list({}).find((a) => a.id === mark.id)).toMatchObject({ note: 'Kiểm chứng', author: 'alice' });
    } finally {
      await listener.close();
    }
    expect(listener.live).toBe(false);
  });
});
