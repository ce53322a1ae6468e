// Shared set-up of the document import tests that go through a real parse worker: a fresh library in
// a temporary folder and a one-worker ParsePool, for the tests of one describe block.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ParsePool } from '../../../importers/parse-pool.ts';
import { Library } from '../../../library/index.ts';

export interface PooledLibrary {
  readonly library: Library;
  readonly pool: ParsePool;
}

/** Call inside a describe block; read `library` and `pool` inside its tests (they exist after beforeAll). */
export function usePooledLibrary(prefix: string): PooledLibrary {
  let root = '';
  let library: Library | null = null;
  let pool: ParsePool | null = null;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
    library = Library.open(join(root, 'library'));
    pool = new ParsePool({ size: 1 });
  });
  afterAll(async () => {
    await pool?.close();
    library?.close();
    await rm(root, { recursive: true, force: true });
  });
  return {
    get library() {
      if (!library) throw new Error('usePooledLibrary: read the library inside a test');
      return library;
    },
    get pool() {
      if (!pool) throw new Error('usePooledLibrary: read the pool inside a test');
      return pool;
    },
  };
}
