// Archive test set-up on a throwaway cluster: a database migrated as its owner (migrateArchive), and
// reporters put on desks the way an administrator does (createDesk, addMember).
import pg from 'pg';
import { addMember, createDesk } from '../../archive/archive-admin.ts';
import { migrateArchive } from '../../archive/archive-migrations.ts';
import type { PostgresCluster } from '../../bench/postgres-cluster.ts';

async function asAdmin<T>(cluster: PostgresCluster, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: cluster.url(undefined, undefined, database) });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A new database with the archive's schema. */
export async function createArchiveDatabase(cluster: PostgresCluster, database: string): Promise<void> {
  cluster.psql(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await asAdmin(cluster, database, (admin) => migrateArchive(admin));
}

/** A reporter (a LOGIN role in nr_reporter, created once per cluster) on these desks of `database`. */
export async function addReporter(cluster: PostgresCluster, database: string, role: string, password: string, desks: readonly string[]): Promise<void> {
  await asAdmin(cluster, database, async (admin) => {
    for (const desk of desks) {
      await createDesk(admin, desk);
      await addMember(admin, desk, role, password);
    }
  });
}
