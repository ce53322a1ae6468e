import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SearchIndexManager } from '../../../search/index-manager.ts';
import { readManifest } from '../../../search/segment-manifest.ts';
import { CORPUS, MemorySource, doc } from './search-fixtures.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'nr-index-'));
/** The oldest segment named by the manifest: the main segment. */
const mainSegment = (dir: string): string => join(dir, 'search-index', readManifest(join(dir, 'search-index'))!.segments[0]!.file);

async function openManager(dir: string, source: MemorySource): Promise<SearchIndexManager> {
  const manager = new SearchIndexManager({ dir, source });
  await manager.open();
  await manager.whenIdle();
  return manager;
}

describe('search index lifecycle', () => {
  it('builds in a worker, persists, and loads without rebuilding', async () => {
    const dir = freshDir();
    const source = new MemorySource(CORPUS);
    const first = await openManager(dir, source);
    expect(first.state).toBe('ready');
    expect((await first.search('dam phan')).hits.map((h) => h.id)).toEqual(['gaza']);
    await first.close();
    expect(existsSync(mainSegment(dir))).toBe(true);

    const states: string[] = [];
    const second = new SearchIndexManager({ dir, source });
    second.onState((state) => states.push(state));
    await second.open();
    // open() reads only the manifest: segments load after it returns, and the first search waits for them.
    expect(second.state).toBe('loading');
    expect((await second.search('hoà bình')).total).toBe(2);
    expect(second.state).toBe('ready');
    expect(states).not.toContain('building');
    await second.close();
  });

  it('makes imported, edited and removed articles searchable incrementally', async () => {
    const dir = freshDir();
    const source = new MemorySource(CORPUS);
    const manager = await openManager(dir, source);
    const mainFile = mainSegment(dir);
    const mainBefore = readFileSync(mainFile, 'utf8');

    source.put(doc('new', 'Bão số 3 đổ bộ', 'Cơn bão mạnh đổ bộ vào miền Bắc.'));
    manager.notifyChanged({ changed: ['new'], removed: [], generation: source.seq });
    await manager.whenIdle();
    expect((await manager.search('bao so 3')).hits.map((h) => h.id)).toEqual(['new']);

    source.put(doc('gaza', 'Gaza: tin mới', 'Không còn nội dung cũ.'));
    manager.notifyChanged({ changed: ['gaza'], removed: [], generation: source.seq });
    await manager.whenIdle();
    expect((await manager.search('dam phan')).hits).toEqual([]);
    expect((await manager.search('"noi dung"')).hits.map((h) => h.id)).toEqual(['gaza']);

    source.remove('airline');
    manager.notifyChanged({ changed: [], removed: ['airline'], generation: source.seq });
    await manager.whenIdle();
    expect((await manager.search('hàng không')).hits).toEqual([]);
    // Incremental updates went to the delta segment; the full index was not rewritten.
    expect(mainSegment(dir)).toBe(mainFile);
    expect(readFileSync(mainFile, 'utf8')).toBe(mainBefore);
    await manager.close();

    const reopened = await openManager(dir, source);
    expect((await reopened.search('bao so 3')).hits.map((h) => h.id)).toEqual(['new']);
    expect((await reopened.search('hàng không')).hits).toEqual([]);
    await reopened.close();
  });

  it('rebuilds a stale index from the source', async () => {
    const dir = freshDir();
    const source = new MemorySource(CORPUS);
    await (await openManager(dir, source)).close();
    // Changes the index never heard of (another process, a crash before persisting).
    source.put(doc('late', 'Lũ quét ở Lào Cai', 'Mưa lớn gây lũ quét.'));
    const states: string[] = [];
    const manager = new SearchIndexManager({ dir, source });
    manager.onState((state) => states.push(state));
    await manager.open();
    await manager.whenIdle();
    expect(states).toContain('building');
    expect((await manager.search('lu quet')).hits.map((h) => h.id)).toEqual(['late']);
    await manager.close();
  });

  it('detects a corrupt or truncated index and rebuilds it', async () => {
    const dir = freshDir();
    const source = new MemorySource(CORPUS);
    await (await openManager(dir, source)).close();
    const file = mainSegment(dir);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const manager = await openManager(dir, source);
    expect((await manager.search('dam phan')).hits.map((h) => h.id)).toEqual(['gaza']);
    await manager.close();
    // Rebuilt from the source: a new segment with the same bytes.
    expect(readFileSync(mainSegment(dir)).equals(bytes)).toBe(true);
    // A flipped byte in the postings fails the (background) checksum just the same.
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 9]! ^= 0xff;
    writeFileSync(mainSegment(dir), flipped);
    const again = await openManager(dir, source);
    expect((await again.search('dam phan')).hits.map((h) => h.id)).toEqual(['gaza']);
    await again.close();
    expect(readFileSync(mainSegment(dir)).equals(bytes)).toBe(true);
  });

  it('answers with a message, not an error, while the first build runs', async () => {
    const manager = new SearchIndexManager({ dir: freshDir(), source: new MemorySource(CORPUS) });
    await manager.open();
    const early = await manager.search('dam phan');
    expect(early.hits.length === 1 || /being built/.test(early.message ?? '')).toBe(true);
    await manager.close();
  });

  it('survives being killed while the index is written', async () => {
    const dir = freshDir();
    const script = fileURLToPath(new URL('./write-index-forever.ts', import.meta.url));
    for (const delayMs of [150, 400, 900]) {
      const child = spawn(process.execPath, [script, dir], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const source = new MemorySource(CORPUS);
      const manager = await openManager(dir, source);
      expect((await manager.search('dam phan')).hits.map((h) => h.id)).toEqual(['gaza']);
      await manager.close();
    }
  });
});
