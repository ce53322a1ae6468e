// Who sees what is the database's rule: two reporters on a desk and a third outside it, checked
// through sync and through raw SQL in psql as each role (the "even with psql" promise).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullChanges, pushOutbox, syncArchive } from '../../../archive/archive-sync.ts';
import { postgresBinDir, postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();

describe.skipIf(unavailable)('row-level security: two reporters on a desk, one outside', () => {
  const harness = useSyncHarness();

  /** psql as `role`, as a reporter at a terminal would run it; throws with psql's message on an error. */
  function psqlAs(role: string, database: string, sql: string): string {
    return execFileSync(join(postgresBinDir()!, 'psql'), [harness.url(role, database), '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  async function shareOneAndKeepOne() {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'], carol: ['kinh-te'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    const { id: articleId } = alice.library.addArticle(draft({ url: 'https://tuoitre.vn/dam-phan.htm' }));
    const shared = alice.library.annotations.create({ articleId, start: 0, end: 7, color: 'pink', note: 'Kiểm chứng nguồn' });
    const secret = alice.library.annotations.create({ articleId, start: 8, end: 14, note: 'Nguồn tin riêng' });
    alice.local.shareAnnotations([shared.id], 'thoi-su');
    await pushOutbox(alice.db, alice.local);
    alice.library.annotations.update(shared.id, { note: 'Kiểm chứng nguồn: đã gọi' });
    await pushOutbox(alice.db, alice.local);
    return { database, alice, shared, secret };
  }

  it('gives the desk the shared mark and its history, keeps the private one to its author, and the outsider nothing', async () => {
    const { database, shared } = await shareOneAndKeepOne();
    const bob = await harness.laptop(database, 'bob');
    const carol = await harness.laptop(database, 'carol');
    const bobPull = await pullChanges(bob.db, bob.local);
    expect(bobPull.changedAnnotations).toEqual([shared.id]);
    expect(bob.local.noteHistory(shared.id).map((v) => v.note)).toEqual(['Kiểm chứng nguồn']);
    const carolPull = await pullChanges(carol.db, carol.local);
    expect(carolPull).toMatchObject({ articles: 0, annotations: 0, removed: 0 });
    expect(carol.library.list({}).total).toBe(0);
  });

  it('shows the outsider nothing of the desk even through psql, and refuses their writes', async () => {
    const { database, shared } = await shareOneAndKeepOne();
    const counts = `SELECT (SELECT count(*) FROM articles) || ',' || (SELECT count(*) FROM annotations) || ',' || (SELECT count(*) FROM annotation_note_history)
      || ',' || (SELECT count(*) FROM article_shares) || ',' || (SELECT count(*) FROM desk_members) || ',' || (SELECT count(*) FROM tombstones)`;
    // The superuser sees the article, both marks, one history row, one share, three memberships.
    expect(harness.cluster().psql(counts, database).trim()).toBe('1,2,1,1,3,0');
    expect(psqlAs('bob', database, counts)).toBe('1,1,1,1,2,0');
    expect(psqlAs('carol', database, counts)).toBe('0,0,0,0,1,0');
    expect(psqlAs('carol', database, `SELECT note FROM annotations WHERE note LIKE 'Kiểm chứng%'`)).toBe('');
    expect(psqlAs('carol', database, `UPDATE annotations SET note = 'bị sửa' RETURNING id`)).toBe('');
    expect(psqlAs('carol', database, `DELETE FROM annotations RETURNING id`)).toBe('');
    expect(() => psqlAs('carol', database, `INSERT INTO article_shares (article_id, desk) SELECT id, 'thoi-su' FROM articles`)).not.toThrow();
    expect(harness.cluster().psql('SELECT count(*) FROM article_shares', database).trim()).toBe('1');
    expect(() => psqlAs('carol', database, `SELECT nr_upsert_annotation('${shared.id}', gen_random_uuid(), 'thoi-su', '{}', '{}', 'pink', 'x', now(), now(), now(), now())`)).toThrow();
    expect(() => psqlAs('carol', database, `INSERT INTO desk_members (desk, member) VALUES ('thoi-su', 'carol')`)).toThrow(/permission denied/);
    // The desk member may read the shared mark but not change it.
    expect(psqlAs('bob', database, `UPDATE annotations SET note = 'bị sửa' RETURNING id`)).toBe('');
    expect(harness.cluster().psql(`SELECT note FROM annotations WHERE id = '${shared.id}'`, database).trim()).toBe('Kiểm chứng nguồn: đã gọi');
  });

  it('refuses a share to a desk the author is not on, holding back only that annotation', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], carol: ['kinh-te'] });
    const alice = await harness.laptop(database, 'alice');
    const { id: articleId } = alice.library.addArticle(draft());
    const wrong = alice.library.annotations.create({ articleId, start: 0, end: 3, note: 'nhầm bàn' });
    const fine = alice.library.annotations.create({ articleId, start: 4, end: 8, note: 'đúng bàn' });
    alice.local.shareAnnotations([wrong.id], 'kinh-te');
    alice.local.shareAnnotations([fine.id], 'thoi-su');
    const result = await pushOutbox(alice.db, alice.local);
    expect(result.failed.map((failure) => [failure.kind, failure.id])).toEqual([['annotation', wrong.id]]);
    expect(result.failed[0]!.message).toMatch(/row-level security/);
    expect(alice.local.outbox(10).map((entry) => entry.entityId)).toEqual([wrong.id, wrong.id]);
    expect(harness.cluster().psql(`SELECT string_agg(note || '@' || coalesce(desk, '-'), ',') FROM annotations`, database).trim()).toBe('đúng bàn@thoi-su');
    // Made private again, it goes through.
    alice.local.shareAnnotations([wrong.id], null);
    expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    expect(alice.local.pendingCount()).toBe(0);
    expect(harness.cluster().psql(`SELECT count(*) FROM annotations WHERE desk IS NULL`, database).trim()).toBe('1');
  });

  it('lets an outsider who pushes the same article own it without seeing its shares or marks', async () => {
    const { database } = await shareOneAndKeepOne();
    const carol = await harness.laptop(database, 'carol');
    const { id } = carol.library.addArticle(draft({ url: 'https://tuoitre.vn/dam-phan.htm' }));
    await syncArchive(carol.db, carol.local);
    expect(carol.local.archiveIdOf(id)).toBe(harness.cluster().psql('SELECT id FROM articles', database).trim());
    expect(psqlAs('carol', database, 'SELECT (SELECT count(*) FROM articles) || \',\' || (SELECT count(*) FROM article_shares) || \',\' || (SELECT count(*) FROM annotations)')).toBe('1,0,0');
    expect(carol.library.annotations.list({})).toEqual([]);
  });
});
