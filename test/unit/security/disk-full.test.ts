import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { inTransaction } from '../../../library/database.ts';
import { writeIndexFile } from '../../../search/index-file.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

// A full disk is simulated with SQLite's page limit, which fails writes with SQLITE_FULL exactly as a
// full disk does (and SQLite rolls the transaction back itself).
function fillUp(context: AppContext): void {
  const pages = (context.library.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
  context.library.db.exec(`PRAGMA max_page_count = ${pages}`);
}

describe('a full disk', () => {
  let folder: { dir: string; remove: () => void };
  let context: AppContext;

  beforeEach(async () => {
    folder = temporaryFolder();
    context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
  });

  afterEach(async () => {
    await context.close();
    folder.remove();
  });

  it('reports the real error, not "cannot rollback - no transaction is active"', () => {
    const db = context.library.db;
    db.exec('CREATE TABLE IF NOT EXISTS filler (x TEXT)');
    fillUp(context);
    expect(() =>
      inTransaction(db, () => {
        for (let i = 0; i < 200; i++) db.prepare('INSERT INTO filler VALUES (?)').run('x'.repeat(4000));
      }),
    ).toThrow(/database or disk is full/);
    expect(db.isTransaction).toBe(false);
  });

  it('says disk full, naming the library folder, for a command and for an import', async () => {
    const { id } = context.library.addArticle(draft());
    fillUp(context);
    const note = 'ghi chú '.repeat(2400);
    let outcome = await context.dispatch('annotations.create', { articleId: id, start: 0, end: 3, note });
    for (let i = 0; outcome.ok && i < 50; i++) outcome = await context.dispatch('annotations.create', { articleId: id, start: 0, end: 3, note });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed', reason: { kind: 'disk-full', folder: context.library.dir } } });
    if (!outcome.ok) expect(outcome.error.message).toContain(`The disk holding ${context.library.dir} is full`);

    const body = 'Một bài rất dài. '.repeat(20_000);
    const report = await context.dispatch('library.importFiles', { jobId: 'full', files: [{ name: 'dai.txt', base64: Buffer.from(body).toString('base64') }] });
    expect(report).toMatchObject({ ok: true, value: { imported: [], failed: [{ path: 'dai.txt', reason: { kind: 'disk-full' } }] } });
  });
});

describe('search index temp files', () => {
  it('are removed when a write fails, and stale ones at open', async () => {
    const folder = temporaryFolder();
    try {
      const index = join(folder.dir, 'search-index');
      mkdirSync(join(index, 'main.idx'), { recursive: true }); // rename onto a folder fails, like a full disk would
      expect(() => writeIndexFile(join(index, 'main.idx'), 0, new Uint8Array(8))).toThrow();
      expect(readdirSync(index).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      // Left by a crashed process (a pid that cannot be running).
      writeFileSync(join(index, 'delta.idx.2147483646.tmp'), '');
      const context = await AppContext.open({ libraryDir: folder.dir, runtime: 'browser' });
      await context.close();
      expect(readdirSync(index).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      folder.remove();
    }
  });
});
