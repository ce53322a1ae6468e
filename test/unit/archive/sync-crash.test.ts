// kill -9 of a client mid-push, after the archive committed a batch and before the outbox forgot it:
// the next push sends that batch again and the archive holds everything exactly once.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openArchiveDb } from '../../../archive/archive-connection.ts';
import { pullChanges, pushOutbox } from '../../../archive/archive-sync.ts';
import { Library } from '../../../library/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, PASSWORD, runUntilPausedThenKill, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();
const script = fileURLToPath(new URL('./push-until-killed.ts', import.meta.url));

const pushUntilPausedThenKill = (dir: string, address: string): Promise<void> => runUntilPausedThenKill(script, 'push', dir, address);

describe.skipIf(unavailable)('kill -9 mid-push', () => {
  const harness = useSyncHarness();

  it('resumes without duplicates: every article, share and annotation once, and no needless rewrite', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const folder = temporaryFolder();
    try {
      const library = Library.open(folder.dir);
      library.archive.linkTo({ address: harness.cluster().url('alice', '', database), user: 'alice', defaultDesk: 'thoi-su' });
      const marks: string[] = [];
      for (let n = 0; n < 12; n++) {
        const { id } = library.addArticle(draft({ title: `Bài ${n}`, body: `Tin số ${n}: hai bên nối lại đàm phán.`, url: `https://vnexpress.net/tin-${n}.html` }));
        if (n % 2 === 0) marks.push(library.annotations.create({ articleId: id, start: 0, end: 6, note: `Kiểm chứng ${n}` }).id);
      }
      library.archive.shareAnnotations(marks, 'thoi-su');
      const before = library.archive.pendingCount();
      library.close();

      await pushUntilPausedThenKill(folder.dir, harness.cluster().url('alice', '', database));

      const reopened = Library.open(folder.dir);
      try {
        // The first batch was acknowledged; the second is in the archive but still in the outbox.
        const pending = reopened.archive.pendingCount();
        expect(pending).toBeLessThan(before);
        expect(pending).toBeGreaterThan(0);
        const committed = harness.cluster().psql('SELECT count(*) FROM articles', database).trim();
        const seqsBefore = harness.cluster().psql(`SELECT string_agg(id || ':' || change_seq, ',' ORDER BY id) FROM annotations`, database).trim();
        expect(Number(committed)).toBeGreaterThan(0);

        const db = await openArchiveDb({ address: harness.cluster().url('alice', undefined, database), password: PASSWORD });
        try {
          const result = await pushOutbox(db, reopened.archive);
          expect(result.failed).toEqual([]);
        } finally {
          await db.close();
        }
        expect(reopened.archive.pendingCount()).toBe(0);
        const counts = `SELECT (SELECT count(*) FROM articles) || ',' || (SELECT count(*) FROM article_owners) || ',' || (SELECT count(*) FROM article_shares)
          || ',' || (SELECT count(*) FROM annotations) || ',' || (SELECT count(*) FROM annotation_note_history)`;
        expect(harness.cluster().psql(counts, database).trim()).toBe('12,12,12,6,0');
        // Annotations that had reached the archive before the kill were not rewritten by the re-push.
        const seqsAfter = harness.cluster().psql(`SELECT string_agg(id || ':' || change_seq, ',' ORDER BY id) FROM annotations`, database).trim();
        for (const pair of seqsBefore.split(',').filter(Boolean)) expect(seqsAfter.split(',')).toContain(pair);
        // Every local article maps to its own archive article.
        const archiveIds = reopened.list({ limit: 100 }).items.map((item) => reopened.archive.archiveIdOf(item.id));
        expect(new Set(archiveIds).size).toBe(12);
      } finally {
        reopened.close();
      }
      const bob = await harness.laptop(database, 'bob');
      const pulled = await pullChanges(bob.db, bob.local);
      expect(pulled).toMatchObject({ articles: 12, annotations: 6 });
      expect(bob.library.list({}).total).toBe(12);
    } finally {
      folder.remove();
    }
  });
});
