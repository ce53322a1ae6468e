// When the index cannot write what changed (the disk is full, its folder is gone), searches must say
// that they answer from an older index instead of silently missing the newest articles.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../commands/app-context.ts';
import { SearchIndexManager } from '../../../search/index-manager.ts';
import { CORPUS, MemorySource, doc } from './search-fixtures.ts';

describe('a search index that cannot be written', () => {
  it('says it is behind while changes wait, and stops saying so once they are written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nr-behind-'));
    const source = new MemorySource(CORPUS);
    const manager = new SearchIndexManager({ dir, source });
    await manager.open();
    await manager.whenIdle();
    expect(manager.behind).toBeUndefined();

    // A file where the index folder was: every segment write now fails (ENOTDIR), as on a broken disk.
    renameSync(join(dir, 'search-index'), join(dir, 'search-index.moved'));
    writeFileSync(join(dir, 'search-index'), '');
    source.put(doc('moi', 'Bài mới', 'Hai bên tiếp tục đàm phán thương mại.'));
    await manager.whenIdle();
    expect(manager.behind).toEqual({ reason: 'write-failed' });
    const stale = await manager.search('thương mại');
    expect(stale.behind).toEqual({ reason: 'write-failed' });

    // The folder is back: the next pass writes the change and the note goes away.
    rmSync(join(dir, 'search-index'));
    renameSync(join(dir, 'search-index.moved'), join(dir, 'search-index'));
    await manager.whenIdle();
    const fresh = await manager.search('thương mại');
    expect(manager.behind).toBeUndefined();
    expect(fresh.behind).toBeUndefined();
    expect(fresh.hits.map((hit) => hit.id)).toContain('moi');
    await manager.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reported by search.status through the contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nr-behind-'));
    const context = await AppContext.open({ libraryDir: dir, runtime: 'browser' });
    try {
      await context.search.whenIdle();
      expect(await context.dispatch('search.status', {})).toEqual({ ok: true, value: { state: 'ready' } });
      rmSync(join(dir, 'search-index'), { recursive: true, force: true });
      writeFileSync(join(dir, 'search-index'), '');
      const imported = await context.dispatch('library.importFiles', {
        jobId: 'behind',
        files: [{ name: 'bai.txt', base64: Buffer.from('Đàm phán thương mại\n\nHai bên tiếp tục đàm phán.').toString('base64') }],
      });
      expect(imported.ok).toBe(true);
      await context.search.whenIdle();
      expect(await context.dispatch('search.status', {})).toMatchObject({ ok: true, value: { behind: { reason: 'write-failed' } } });
    } finally {
      rmSync(join(dir, 'search-index'), { force: true });
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
