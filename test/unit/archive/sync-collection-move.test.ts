// An article moved out of a shared collection loses the desk share that collection gave it, through
// two reporters on one desk: the other reporter can no longer read it in the archive (row-level
// security, as psql would) nor find it there; shared another way (directly, through the collection it
// moved into, or by one of its owner's annotations) it stays.
import { describe, expect, it } from 'vitest';
import { pullChanges, pushOutbox } from '../../../archive/archive-sync.ts';
import { searchArchive } from '../../../archive/archive-search.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import type { ArchiveDb } from '../../../archive/archive-connection.ts';
import { draft, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

async function visible(db: ArchiveDb, archiveIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text FROM articles WHERE id = ANY($1::uuid[]) ORDER BY id', [archiveIds]);
  return rows.map((row) => row.id);
}

describe.skipIf(unavailable)('an article moved out of a shared collection', () => {
  const harness = useSyncHarness();

  it('loses the share its collection gave it, and keeps shares made another way', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice');
    const bob = await harness.laptop(database, 'bob');
    const add = (n: number, word: string): string =>
      alice.library.addArticle(draft({ title: `Điều tra ${word}`, body: `Hồ sơ điều tra ${word}: đất đai ở ngoại thành, số ${n}.`, url: `https://tuoitre.vn/dieu-tra-${n}.htm` })).id;
    // 0: moved out into no collection; 1: into another collection shared with the desk; 2: into a
    // collection not shared; 3: with a mark Alice shares with the desk; 4: shared directly (Alice's
    // default desk when it was first pushed), then put into the collection and moved out again.
    const ids = [add(0, 'khoáng sản'), add(1, 'thuỷ điện'), add(2, 'cao tốc'), add(3, 'sân golf')];
    for (const id of ids) alice.library.update(id, { collection: 'Điều tra' });
    alice.local.shareCollection('Điều tra', 'thoi-su', true);
    alice.local.shareCollection('Kinh tế', 'thoi-su', true);
    const mark = alice.library.annotations.create({ articleId: ids[3]!, start: 0, end: 6, color: 'pink', note: 'Kiểm chứng' });
    alice.local.shareAnnotations([mark.id], 'thoi-su');
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    alice.local.updateLink({ defaultDesk: 'thoi-su' });
    ids.push(add(4, 'bến cảng'));
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    alice.local.updateLink({ defaultDesk: null });
    alice.library.update(ids[4]!, { collection: 'Điều tra' });
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    const archiveIds = ids.map((id) => alice.local.archiveIdOf(id)!);
    expect(await visible(bob.db, archiveIds)).toEqual([...archiveIds].sort());
    expect((await pullChanges(bob.db, bob.local)).articles).toBe(5);

    alice.library.update(ids[0]!, { collection: null });
    alice.library.update(ids[1]!, { collection: 'Kinh tế' });
    alice.library.update(ids[2]!, { collection: 'Riêng' });
    alice.library.update(ids[3]!, { collection: null });
    alice.library.update(ids[4]!, { collection: null });
    expect(alice.local.outbox(50).map((entry) => entry.entityId).sort()).toEqual([...ids].sort());
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    await pullChanges(bob.db, bob.local);

    // Bob's own connection: the two articles nothing shares any more are gone from what the desk reads.
    const stillShared = [archiveIds[1]!, archiveIds[3]!, archiveIds[4]!].sort();
    expect(await visible(bob.db, archiveIds)).toEqual(stillShared);
    const found = await searchArchive(bob.db, 'dieu tra', { limit: 20 });
    expect(found.hits.map((hit) => hit.archiveId).sort()).toEqual(stillShared);
    expect((await searchArchive(bob.db, 'khoang san')).hits).toEqual([]);
    // Alice still reads all of hers.
    expect(await visible(alice.db, archiveIds)).toEqual([...archiveIds].sort());

    // Moved back into the shared collection, the article is the desk's again.
    alice.library.update(ids[0]!, { collection: 'Điều tra' });
    await pushOutbox(alice.db, alice.local);
    expect(await visible(bob.db, [archiveIds[0]!])).toEqual([archiveIds[0]!]);
  });
});
