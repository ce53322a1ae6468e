// An import commits one article at a time; the index must keep up with a bounded number of writes,
// each change tokenised once, and must not write at all when nothing changed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../../library/index.ts';
import { FLUSH_INTERVAL_MS, SearchIndexManager } from '../../../search/index-manager.ts';
import { readManifest } from '../../../search/segment-manifest.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ library: Library; manager: SearchIndexManager }> {
  const folder = temporaryFolder();
  const library = Library.open(folder.dir);
  const manager = new SearchIndexManager({ dir: library.dir, source: library });
  const off = library.onChange((change) => manager.notifyChanged(change));
  cleanups.push(folder.remove, () => library.close(), async () => {
    off();
    await manager.close();
  });
  await manager.open();
  await manager.whenIdle();
  return { library, manager };
}

describe('index writes during a batch', () => {
  it('indexes a 2,000-article import with a bounded number of segment writes, each article tokenised once', async () => {
    const { library, manager } = await setup();
    const before = { ...manager.stats };
    const started = performance.now();
    for (let n = 0; n < 2000; n++) {
      library.addArticle(draft({ title: `Tin số ${n}`, body: `Bản tin thời sự số ${n}: mưa lớn ở miền Trung, mã ${n * 7919}.`, origin: `${n}.txt` }));
      // The import runner yields between files, so catch-ups run while the batch is still arriving.
      if (n % 10 === 9) await nextTurn();
    }
    const importMs = performance.now() - started;
    await manager.whenIdle();
    const writes = manager.stats.segmentWrites - before.segmentWrites;
    // One catch-up per flush interval at most, and at most as many merges as catch-ups (+ the final ones).
    const flushes = Math.ceil(importMs / FLUSH_INTERVAL_MS) + 2;
    expect(writes).toBeLessThanOrEqual(2 * flushes + 2);
    // The old manager re-indexed its whole delta on every pass: thousands of times more tokenising.
    expect(manager.stats.documentsIndexed - before.documentsIndexed).toBe(2000);
    // At the end of the batch everything is in one main segment, and every article is found.
    expect(readManifest(`${library.dir}/search-index`)!.segments).toHaveLength(1);
    expect((await manager.search('mã 15838')).hits[0]!.title).toBe('Tin số 2');
    expect((await manager.search('mua lon', { limit: 1 })).total).toBe(2000);
  });

  it('folds a batch into main in the background once changes stop, with nobody waiting (the UI)', async () => {
    const { library } = await setup();
    for (let n = 0; n < 300; n++) {
      library.addArticle(draft({ title: `Tin ${n}`, body: `Bản tin nền số ${n}.`, origin: `${n}.txt` }));
      if (n % 10 === 9) await nextTurn();
    }
    await vi.waitFor(
      () => {
        const manifest = readManifest(`${library.dir}/search-index`)!;
        expect(manifest.seq).toBe(library.changeSeq());
        expect(manifest.segments.map((s) => s.documents)).toEqual([300]);
      },
      { timeout: 60_000, interval: 100 },
    );
  });

  it('answers searches completely while a merge runs', async () => {
    const folder = temporaryFolder();
    const library = Library.open(folder.dir);
    const totals: [found: number, indexed: number][] = [];
    // Articles the index has recorded as indexed (the manifest's sequence number): what it must find.
    const indexed = (): number => {
      const seq = readManifest(`${library.dir}/search-index`)!.seq;
      return Number((library.db.prepare('SELECT count(*) AS n FROM search_changes WHERE seq <= ?').get(seq) as { n: number }).n);
    };
    const manager: SearchIndexManager = new SearchIndexManager({
      dir: library.dir,
      source: library,
      hooks: {
        // The merged segment is written but not yet in place: the old segments must still answer everything.
        beforeManifest: async (reason) => {
          if (reason === 'merge') totals.push([(await manager.search('ban tin giua', { limit: 1 })).total, indexed()]);
        },
      },
    });
    cleanups.push(folder.remove, () => library.close(), () => manager.close());
    await manager.open();
    for (let batch = 0; batch < 3; batch++) {
      for (let n = 0; n < 150; n++) library.addArticle(draft({ title: `Tin ${batch}-${n}`, body: `Bản tin giữa đợt ${batch}-${n}.`, origin: `${batch}-${n}.txt` }));
      // Each batch is caught up as its own segment before the next arrives.
      await manager.search('ban tin');
      await vi.waitFor(() => expect(readManifest(`${library.dir}/search-index`)?.seq).toBe(library.changeSeq()), { timeout: 60_000, interval: 50 });
    }
    await manager.whenIdle();
    expect(totals.length).toBeGreaterThan(0);
    for (const [found, expected] of totals) expect(found).toBe(expected);
    expect((await manager.search('ban tin giua', { limit: 1 })).total).toBe(450);
  });

  it('writes nothing when told of a change that changed nothing search indexes', async () => {
    const { library, manager } = await setup();
    const id = library.addArticle(draft()).id;
    await manager.whenIdle();
    const before = { ...manager.stats };
    // Reading position is not in the search document; neither is a notification without a commit.
    library.update(id, { readingPosition: 0.5 });
    library.update(id, { read: true, starred: true });
    manager.notifyChanged({ changed: [id], removed: [], generation: library.generation() });
    await manager.whenIdle();
    expect(manager.stats).toEqual(before);
  });

  it('does not rewrite main for a small change after a batch', async () => {
    const { library, manager } = await setup();
    for (let n = 0; n < 300; n++) library.addArticle(draft({ title: `Tin ${n}`, body: `Nội dung ${n} về giao thông.`, origin: `${n}.txt` }));
    await manager.whenIdle();
    const main = readManifest(`${library.dir}/search-index`)!.segments[0]!.file;
    const id = library.addArticle(draft({ title: 'Tin lẻ', body: 'Một bài lẻ về thời tiết.', origin: 'le.txt' })).id;
    library.annotations.create({ articleId: id, quote: 'thời tiết', note: 'đọc lại' });
    await manager.whenIdle();
    const segments = readManifest(`${library.dir}/search-index`)!.segments;
    expect(segments[0]!.file).toBe(main);
    expect(segments.slice(1).reduce((sum, s) => sum + s.documents, 0)).toBe(1);
    expect((await manager.search('doc lai')).hits.map((h) => h.id)).toEqual([id]);
  });
});
