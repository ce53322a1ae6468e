// kill -9 while a segment is written: the manifest still names the old segments, which load and
// catch up from the change log instead of a rebuild, and find everything.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { SearchIndexManager } from '../../../search/index-manager.ts';
import { readManifest } from '../../../search/segment-manifest.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';
import { killWhenPaused } from '../../support/kill-when-paused.ts';

const script = fileURLToPath(new URL('./index-until-killed.ts', import.meta.url));

function addArticles(library: Library, from: number, count: number): void {
  for (let n = from; n < from + count; n++) library.addArticle(draft({ title: `Bài ${n}`, body: `Tin vắn số ${n} về kinh tế biển.`, origin: `${n}.txt` }));
}

/** Runs the child until it pauses at the hook point, then kills it with SIGKILL. */
const killAt = (dir: string, point: 'flush' | 'merge'): Promise<void> => killWhenPaused(script, [dir, point], point);

describe('a kill -9 during index writes', () => {
  for (const point of ['flush', 'merge'] as const) {
    it(`leaves the old segments valid when it strikes before the manifest names a new ${point} segment`, async () => {
      const folder = temporaryFolder();
      try {
        const library = Library.open(folder.dir);
        addArticles(library, 0, 400);
        const first = new SearchIndexManager({ dir: folder.dir, source: library });
        await first.open();
        await first.whenIdle();
        await first.close();
        const before = readManifest(join(folder.dir, 'search-index'))!;
        // Enough new articles that the child's catch-up is folded into main at the end of its batch.
        addArticles(library, 400, 300);

        await killAt(folder.dir, point);
        // The killed writer left a whole segment file that no manifest names.
        const files = readdirSync(join(folder.dir, 'search-index')).filter((name) => name.endsWith('.seg'));
        const named = readManifest(join(folder.dir, 'search-index'))!;
        expect(files.length).toBeGreaterThan(named.segments.length);
        if (point === 'flush') expect(named).toEqual(before);

        const states: string[] = [];
        const manager = new SearchIndexManager({ dir: folder.dir, source: library });
        manager.onState((state) => states.push(state));
        await manager.open();
        expect((await manager.search('kinh te bien', { limit: 1 })).total).toBeGreaterThanOrEqual(400);
        await manager.whenIdle();
        expect((await manager.search('kinh te bien', { limit: 1 })).total).toBe(700);
        expect((await manager.search('"số 650"')).hits.map((h) => h.title)).toEqual(['Bài 650']);
        // No rebuild: only what the manifest had not recorded was tokenised again.
        expect(manager.stats.documentsIndexed).toBe(point === 'flush' ? 300 : 0);
        if (point === 'merge') expect(states).not.toContain('building');
        await manager.close();
        library.close();
      } finally {
        folder.remove();
      }
    });
  }
});

describe('a damaged segment', () => {
  it('found mid-batch is not merged on: the index is rebuilt from the library instead', async () => {
    const folder = temporaryFolder();
    try {
      const library = Library.open(folder.dir);
      addArticles(library, 0, 50);
      const first = new SearchIndexManager({ dir: folder.dir, source: library });
      await first.open();
      await first.whenIdle();
      addArticles(library, 50, 1);
      await first.whenIdle();
      await first.close();
      const dir = join(folder.dir, 'search-index');
      const named = readManifest(dir)!;
      expect(named.segments).toHaveLength(2);
      // One flipped byte deep in main's postings: it still loads, and only its checksum tells.
      const path = join(dir, named.segments[0]!.file);
      const bytes = readFileSync(path);
      bytes[bytes.length - 9]! ^= 0xff;
      writeFileSync(path, bytes);
      // A batch arrives that would fold the delta into main.
      addArticles(library, 51, 300);

      // The checksum check is held back until the batch's catch-up is written: the damage is found mid-batch,
      // with the fold into main still to come (merges wait for the check, so the fold never carries it on).
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const manager = new SearchIndexManager({
        dir: folder.dir,
        source: library,
        hooks: { beforeVerify: () => held, beforeManifest: (reason) => void (reason === 'flush' && release()) },
      });
      await manager.open();
      await manager.whenIdle();
      // The batch's catch-up, then a rebuild: every article tokenised again, nothing carried over from the damaged bytes.
      expect(manager.stats.documentsIndexed).toBe(300 + 351);
      expect((await manager.search('kinh te bien', { limit: 1 })).total).toBe(351);
      await manager.close();
      library.close();
    } finally {
      folder.remove();
    }
  });
});
