import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { Library } from '../../../library/index.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

// The audit's backup silently replaced another library's library.sqlite. A backup now never replaces
// a file unless asked, and never a library's own database files, asked or not.
describe('backups', () => {
  let folder: { dir: string; remove: () => void };
  let context: AppContext;

  beforeEach(async () => {
    folder = temporaryFolder();
    context = await AppContext.open({ libraryDir: join(folder.dir, 'mine'), runtime: 'browser' });
    context.library.addArticle(draft());
  });

  afterEach(async () => {
    await context.close();
    folder.remove();
  });

  const backup = (args: unknown) => context.dispatchFor('cli')('library.backup', args);

  it('keeps an existing file unless overwrite is given', async () => {
    const target = join(folder.dir, 'notes.sqlite');
    writeFileSync(target, 'ghi chú quan trọng');
    expect(await backup({ path: target })).toMatchObject({ ok: false, error: { reason: { kind: 'backup.exists', path: target } } });
    expect(readFileSync(target, 'utf8')).toBe('ghi chú quan trọng');
    expect(await backup({ path: target, overwrite: true })).toMatchObject({ ok: true, value: { path: target } });
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
    // No temp file is left beside it either way.
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('never writes over another library’s database, its -wal or -shm, even with overwrite', async () => {
    const other = Library.open(join(folder.dir, 'other'));
    other.addArticle(draft({ title: 'Bài của thư viện khác', body: 'Nội dung khác hẳn.' }));
    const before = readFileSync(join(other.dir, 'library.sqlite'));
    try {
      for (const name of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) {
        const target = join(other.dir, name);
        expect(await backup({ path: target, overwrite: true })).toMatchObject({ ok: false, error: { reason: { kind: 'backup.live-library', path: target } } });
      }
      expect(readFileSync(join(other.dir, 'library.sqlite')).equals(before)).toBe(true);
      expect(other.counts().all).toBe(1);
    } finally {
      other.close();
    }
  });

  it('sees through a link to the open library’s own database', async () => {
    const link = join(folder.dir, 'innocent.sqlite');
    symlinkSync(join(context.library.dir, 'library.sqlite'), link);
    expect(await backup({ path: link, overwrite: true })).toMatchObject({ ok: false, error: { reason: { kind: 'backup.live-library' } } });
    expect(context.library.counts().all).toBe(1);
  });
});
