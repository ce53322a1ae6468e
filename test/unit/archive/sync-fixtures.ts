// Shared set-up of the sync tests: one throwaway cluster per test file, a database per test, and
// libraries ("reporters' laptops") linked to it.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Library } from '../../../library/index.ts';
import type { ArchiveLocalStore } from '../../../archive/archive-sync.ts';
import { openArchiveDb, type ArchiveDb } from '../../../archive/archive-connection.ts';
import { addReporter, createArchiveDatabase } from '../../support/archive-test-db.ts';
import { startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';
import { temporaryFolder } from '../library/library-fixtures.ts';
import { killWhenPaused } from '../../support/kill-when-paused.ts';

export { draft } from '../library/library-fixtures.ts';

export interface Laptop {
  library: Library;
  /** The library's archive side, as archive/ sees it (proves the library implements the interface). */
  local: ArchiveLocalStore;
  db: ArchiveDb;
  dir: string;
}

export interface SyncHarness {
  cluster(): PostgresCluster;
  /** A fresh archive database with these reporters: role → desks. */
  archive(reporters: Record<string, readonly string[]>): Promise<string>;
  /** A library linked to `database` as `role`. */
  laptop(database: string, role: string, options?: { defaultDesk?: string | null }): Promise<Laptop>;
  url(role: string, database: string): string;
}

let databases = 0;
export const PASSWORD = 'reporter-secret';

export function useSyncHarness(): SyncHarness {
  let cluster: PostgresCluster | null = null;
  const open: { library: Library; db: ArchiveDb; remove: () => void }[] = [];
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.destroy());
  afterEach(async () => {
    for (const item of open.splice(0)) {
      await item.db.close().catch(() => undefined);
      item.library.close();
      item.remove();
    }
  });
  const harness: SyncHarness = {
    cluster: () => cluster!,
    async archive(reporters) {
      const database = `archive_${process.pid}_${++databases}`;
      await createArchiveDatabase(cluster!, database);
      for (const [role, desks] of Object.entries(reporters)) await addReporter(cluster!, database, role, PASSWORD, desks);
      return database;
    },
    url: (role, database) => cluster!.url(role, PASSWORD, database),
    async laptop(database, role, options = {}) {
      const folder = temporaryFolder();
      const library = Library.open(folder.dir);
      const db = await openArchiveDb({ address: cluster!.url(role, undefined, database), password: PASSWORD });
      const local: ArchiveLocalStore = library.archive;
      local.linkTo({ address: cluster!.url(role, '', database), user: role, defaultDesk: options.defaultDesk ?? null });
      open.push({ library, db, remove: folder.remove });
      return { library, local, db, dir: folder.dir };
    },
  };
  return harness;
}

/**
 * Runs `script` (a sync that prints "paused" at the moment a crash is wanted, "finished" if it never
 * paused) on the library in `dir`, and kills it with SIGKILL once it has paused.
 */
export function runUntilPausedThenKill(script: string, what: string, dir: string, address: string): Promise<void> {
  return killWhenPaused(script, [dir, address, PASSWORD], `the ${what}`);
}
