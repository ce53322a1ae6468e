// kill -9 of a client in the middle of writing a pulled page (inside its SQLite transaction, with the
// next page already being read ahead): the library keeps the pages committed before, its high-water
// mark with them, and the next pull brings the rest, each article and annotation exactly once.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openArchiveDb } from '../../../archive/archive-connection.ts';
import { pullChanges, pushOutbox } from '../../../archive/archive-sync.ts';
import { Library } from '../../../library/index.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { postgresUnavailableReason } from '../../../bench/postgres-cluster.ts';
import { draft, PASSWORD, runUntilPausedThenKill, useSyncHarness } from './sync-fixtures.ts';

const unavailable = postgresUnavailableReason();
const script = fileURLToPath(new URL('./pull-until-killed.ts', import.meta.url));

const pullUntilPausedThenKill = (dir: string, address: string): Promise<void> => runUntilPausedThenKill(script, 'pull', dir, address);

describe.skipIf(unavailable)('kill -9 mid-pull', () => {
  const harness = useSyncHarness();

  it('keeps whole pages only and resumes from the mark without duplicates', async () => {
    const database = await harness.archive({ alice: ['thoi-su'], bob: ['thoi-su'] });
    const alice = await harness.laptop(database, 'alice', { defaultDesk: 'thoi-su' });
    // One push per article, so articles, shares and annotations interleave in the archive's change order.
    for (let n = 0; n < 12; n++) {
      const { id } = alice.library.addArticle(draft({ title: `Bài ${n}`, body: `Tin số ${n}: hai bên nối lại đàm phán.`, url: `https://vnexpress.net/tin-${n}.html` }));
      const mark = alice.library.annotations.create({ articleId: id, start: 0, end: 6, note: `Kiểm chứng ${n}` });
      alice.local.shareAnnotations([mark.id], 'thoi-su');
      expect((await pushOutbox(alice.db, alice.local)).failed).toEqual([]);
    }

    const folder = temporaryFolder();
    try {
      const address = harness.cluster().url('bob', '', database);
      const first = Library.open(folder.dir);
      first.archive.linkTo({ address, user: 'bob' });
      first.close();

      await pullUntilPausedThenKill(folder.dir, address);

      const reopened = Library.open(folder.dir);
      try {
        const count = (sql: string): number => Number((reopened.db.prepare(sql).get() as { n: number }).n);
        // Two pages committed, the third (being written) gone whole: some articles, not all, and a mark.
        const mark = reopened.archive.link()!.pullSeq;
        const articlesBefore = count('SELECT count(*) AS n FROM articles');
        expect(mark).toBeGreaterThan(0);
        expect(articlesBefore).toBeGreaterThan(0);
        expect(articlesBefore).toBeLessThan(12);
        // Every article here has its archive id: nothing of the interrupted page was half-written.
        expect(count('SELECT count(*) AS n FROM archive_articles')).toBe(articlesBefore);

        const db = await openArchiveDb({ address, password: PASSWORD });
        try {
          const pulled = await pullChanges(db, reopened.archive);
          expect(pulled.articles).toBe(12 - articlesBefore);
        } finally {
          await db.close();
        }
        expect(count('SELECT count(*) AS n FROM articles')).toBe(12);
        expect(count('SELECT count(DISTINCT url_key) AS n FROM articles')).toBe(12);
        expect(count('SELECT count(*) AS n FROM annotations')).toBe(12);
        expect(reopened.archive.pendingCount()).toBe(0);
      } finally {
        reopened.close();
      }
    } finally {
      folder.remove();
    }
  });
});
