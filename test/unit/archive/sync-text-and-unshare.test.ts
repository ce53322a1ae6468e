// Two sync gaps, through two reporters on one archive: a re-imported (edited) article's new text
// reaches the other reporter with the marks on it still in place; and a collection unshared from a
// desk stops being visible to that desk in the archive (row-level security), not only in the app.
import { describe, expect, it } from 'vitest';
import { pullChanges, pushOutbox } from '../../../archive/archive-sync.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import type { ArchiveDb } from '../../../archive/archive-connection.ts';
import { draft, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

/** Which of these archive articles a reporter's own connection can read (row-level security decides). */
async function visible(db: ArchiveDb, archiveIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text FROM articles WHERE id = ANY($1::uuid[]) ORDER BY id', [archiveIds]);
  return rows.map((row) => row.id);
}

describe.skipIf(unavailable)('sync of edited texts and unshared collections', () => {
  const harness = useSyncHarness();

  it("sends a re-imported article's new text to the other reporter, whose marks on it still anchor", async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const bob = await harness.laptop(database, 'bob');
    const url = 'https://vnexpress.net/dam-phan-doha.html';
    const first = 'Hai bên nối lại đàm phán ngừng bắn tại Doha.\n\nThủ tướng Qatar cho biết 30.410 người đã được sơ tán.';
    const { id: aliceId } = alice.library.addArticle(draft({ url, body: first }));
    const quote = 'Thủ tướng Qatar';
    const mark = alice.library.annotations.create({ articleId: aliceId, start: first.indexOf(quote), end: first.indexOf(quote) + quote.length, color: 'pink', note: 'Kiểm chứng' });
    alice.local.shareAnnotations([mark.id], 'thoi-su');
    await pushOutbox(alice.db, alice.local);
    const bobId = (await pullChanges(bob.db, bob.local)).addedArticles[0]!;
    const bobsOwn = bob.library.annotations.create({ articleId: bobId, start: first.indexOf('30.410'), end: first.indexOf('30.410') + 6, color: 'green', note: 'Số liệu?' });

    // The page was edited: Alice imports it again; the same article takes the new text, marks re-anchored.
    const edited = 'Cập nhật 15:00: phái đoàn Israel đã tới nơi.\n\n' + first.replace('30.410', '31.000');
    expect(alice.library.addArticle(draft({ url, body: edited }))).toMatchObject({ status: 'updated', id: aliceId });
    expect(alice.local.outbox(50).filter((entry) => entry.kind === 'article').map((entry) => entry.entityId)).toEqual([aliceId]);
    const pushed = await pushOutbox(alice.db, alice.local);
    expect(pushed).toMatchObject({ articles: 1, failed: [] });
    expect(alice.local.pendingCount()).toBe(0);

    const pulled = await pullChanges(bob.db, bob.local);
    expect(pulled.changedArticles).toContain(bobId);
    expect(pulled.articles).toBe(0);
    expect(bob.library.get(bobId)!.body).toBe(edited);
    const marks = new Map(bob.library.annotations.forArticle(bobId).map((annotation) => [annotation.id, annotation]));
    const alices = marks.get(mark.id)!;
    expect(alices).toMatchObject({ author: 'alice', status: 'anchored', note: 'Kiểm chứng' });
    expect(edited.slice(alices.position.start, alices.position.end)).toBe(quote);
    // Bob's own mark was on a number the edit changed: kept, and told apart as no longer placed.
    expect(marks.get(bobsOwn.id)).toMatchObject({ note: 'Số liệu?' });
    expect(marks.get(bobsOwn.id)!.status).not.toBe('anchored');
    // What came from the archive is not pushed back; a second pull changes nothing.
    expect(bob.local.outbox(50).filter((entry) => entry.kind === 'article')).toEqual([]);
    expect((await pullChanges(bob.db, bob.local)).changedArticles).toEqual([]);
  });

  it('takes the articles of a collection back from a desk when it is unshared: the desk can no longer read them', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice');
    const bob = await harness.laptop(database, 'bob');
    const ids = [0, 1, 2].map((n) =>
      alice.library.addArticle(draft({ title: `Điều tra ${n}`, body: `Hồ sơ điều tra số ${n}: đất đai ở ngoại thành.`, url: `https://tuoitre.vn/dieu-tra-${n}.htm` })).id,
    );
    for (const id of ids.slice(0, 2)) alice.library.update(id, { collection: 'Điều tra' });
    alice.local.shareCollection('Điều tra', 'thoi-su', true);
    // A mark Alice shares with the desk on the first article keeps that one article visible to the desk.
    const mark = alice.library.annotations.create({ articleId: ids[0]!, start: 0, end: 6, color: 'pink', note: 'Kiểm chứng' });
    alice.local.shareAnnotations([mark.id], 'thoi-su');
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    const archiveIds = ids.map((id) => alice.local.archiveIdOf(id)!);
    expect(await visible(bob.db, archiveIds)).toEqual([archiveIds[0]!, archiveIds[1]!].sort());
    expect((await pullChanges(bob.db, bob.local)).articles).toBe(2);

    alice.local.shareCollection('Điều tra', 'thoi-su', false);
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    // Bob's own connection, as psql would be: the unshared article is gone from what the desk may read.
    expect(await visible(bob.db, archiveIds)).toEqual([archiveIds[0]!]);
    // Alice still reads all of hers; and Bob cannot take back shares he did not make.
    expect(await visible(alice.db, archiveIds)).toEqual([...archiveIds].sort());
    const { rowCount } = await bob.db.query('DELETE FROM article_shares WHERE article_id = $1', [archiveIds[0]]);
    expect(rowCount).toBe(0);
    expect(await visible(bob.db, archiveIds)).toEqual([archiveIds[0]!]);
    // Sharing it again brings it back.
    alice.local.shareCollection('Điều tra', 'thoi-su', true);
    await pushOutbox(alice.db, alice.local);
    expect(await visible(bob.db, archiveIds)).toEqual([archiveIds[0]!, archiveIds[1]!].sort());
  });
});
