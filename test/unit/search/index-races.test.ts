// The two ways the index used to claim to be current while missing a change: a change committed while
// a catch-up was reading, and a change committed by another process. Both run on real libraries.
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { SearchIndexManager, type IndexHooks } from '../../../search/index-manager.ts';
import { draft, temporaryFolder } from '../library/library-fixtures.ts';

const folders: { remove: () => void }[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const folder of folders.splice(0)) folder.remove();
});

function libraryFolder(): string {
  const folder = temporaryFolder();
  folders.push(folder);
  return folder.dir;
}

function openLibrary(dir: string): Library {
  const library = Library.open(dir);
  cleanups.push(() => library.close());
  return library;
}

/** A manager told of its library's changes, as AppContext wires it. */
async function openIndex(library: Library, hooks?: IndexHooks): Promise<SearchIndexManager> {
  const manager = new SearchIndexManager({ dir: library.dir, source: library, hooks });
  const off = library.onChange((change) => manager.notifyChanged(change));
  cleanups.push(async () => {
    off();
    await manager.close();
  });
  await manager.open();
  await manager.whenIdle();
  return manager;
}

const article = (n: number): ReturnType<typeof draft> =>
  draft({ title: `Bài số ${n} về thủy điện`, body: `Nhà máy thủy điện số ${n} vận hành từ tháng ${(n % 12) + 1}.`, origin: `bai-${n}.txt` });
const found = async (manager: SearchIndexManager, query: string): Promise<string[]> => (await manager.search(query, { limit: 100 })).hits.map((h) => h.id).sort();

describe('index never claims to be current while missing a change', () => {
  it('indexes a note added while a catch-up reads its documents (inside one process)', async () => {
    const dir = libraryFolder();
    const library = openLibrary(dir);
    const first = library.addArticle(article(1)).id;
    let armed = false;
    // Runs between reading the changed documents and recording them as indexed: the old manager read
    // the generation, read documents in slices that yield, and then cleared its pending set.
    const manager = await openIndex(library, {
      afterRead: () => {
        if (!armed) return;
        armed = false;
        library.annotations.create({ articleId: first, quote: 'Nhà máy', note: 'kỳ lân xanh' });
      },
    });
    armed = true;
    library.addArticle(article(2));
    await manager.whenIdle();
    expect(armed).toBe(false);
    expect(await found(manager, 'kỳ lân')).toEqual([first]);
    await manager.close();

    // And after a restart, from what is on disk.
    const reopened = await openIndex(library);
    expect(await found(reopened, 'ky lan xanh')).toEqual([first]);
  });

  it('indexes articles another process imported, at once and after a restart', async () => {
    const dir = libraryFolder();
    const app = openLibrary(dir);
    const cli = openLibrary(dir);
    const own = app.addArticle(article(0)).id;
    const serve = await openIndex(app);
    // The CLI commits twenty articles; no listener in this process hears of them.
    const imported = Array.from({ length: 20 }, (_, i) => cli.addArticle(article(i + 1)).id);
    // A change of this process's own comes in: the catch-up indexes the other process's commits too.
    const note = app.annotations.create({ articleId: own, quote: 'Nhà máy', note: 'ghi chú' });
    await serve.whenIdle();
    expect(await found(serve, 'thuy dien')).toEqual([own, ...imported].sort());
    expect(await found(serve, 'ghi chú')).toEqual([note.articleId]);
    await serve.close();

    // The old index stamped its delta with a generation counting the CLI's commits: after a restart it
    // claimed to be current and found none of them.
    const restarted = await openIndex(app);
    expect(await found(restarted, 'thuy dien')).toEqual([own, ...imported].sort());
  });

  it('notices another process\'s commits without being told (search, timer or whenIdle)', async () => {
    const dir = libraryFolder();
    const app = openLibrary(dir);
    const cli = openLibrary(dir);
    const serve = await openIndex(app);
    const imported = Array.from({ length: 5 }, (_, i) => cli.addArticle(article(i + 1)).id);
    cli.annotations.create({ articleId: imported[0]!, quote: 'Nhà máy', note: 'chim cánh cụt' });
    // The first search after the commit schedules the catch-up; whenIdle waits for it.
    await serve.search('thuy dien');
    await serve.whenIdle();
    expect(await found(serve, 'thuy dien')).toEqual([...imported].sort());
    expect(await found(serve, 'chim canh cut')).toEqual([imported[0]]);
    // Removal by the other process: the tombstone reaches this index too.
    cli.trash([imported[1]!]);
    cli.emptyTrash();
    await serve.whenIdle();
    expect(await found(serve, 'thuy dien')).toEqual(imported.filter((id) => id !== imported[1]).sort());
  });
});
