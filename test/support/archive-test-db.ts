// Archive test helpers on a throwaway cluster: a database set up with the archive schema, reporters
// (LOGIN roles in nr_reporter) on desks, and a minimal pool that acts as one reporter.
// Until wt/archive-db's migrateArchive/openArchiveDb/addMember are merged, these stand in for them
// in tests only; archive/ has no connection code of its own.
import pg from 'pg';
import { ARCHIVE_CORE_STEPS } from '../../archive/archive-schema.ts';
import type { ArchiveSyncDb } from '../../archive/archive-sync-db.ts';
import type { PostgresCluster } from './postgres-cluster.ts';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A new database with the archive's schema, set up as the cluster's superuser. */
export async function createArchiveDatabase(cluster: PostgresCluster, database: string): Promise<void> {
  cluster.psql(`CREATE DATABASE ${quoteIdent(database)}`);
  const admin = new pg.Client({ connectionString: cluster.url(undefined, undefined, database) });
  await admin.connect();
  try {
    for (const step of ARCHIVE_CORE_STEPS) {
      await admin.query('BEGIN');
      await admin.query(step);
      await admin.query('COMMIT');
    }
  } finally {
    await admin.end();
  }
}

/** A reporter: a LOGIN role in nr_reporter (created once per cluster), on these desks of `database`. */
export function addReporter(cluster: PostgresCluster, database: string, role: string, password: string, desks: readonly string[]): void {
  cluster.psql(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN
      CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)} IN ROLE nr_reporter;
    END IF;
  END $$;`);
  for (const desk of desks) {
    cluster.psql(
      `INSERT INTO desks (name) VALUES (${quoteLiteral(desk)}) ON CONFLICT DO NOTHING;
       INSERT INTO desk_members (desk, member) VALUES (${quoteLiteral(desk)}, ${quoteLiteral(role)}) ON CONFLICT DO NOTHING;`,
      database,
    );
  }
}

export interface TestArchiveDb extends ArchiveSyncDb {
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** A small pool acting as one role (the url carries the throwaway password). */
export function openTestArchiveDb(url: string, user: string): TestArchiveDb {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'newsroom-reader-test' });
  // A server restart breaks idle clients: the pool drops them instead of crashing the test process.
  pool.on('error', () => undefined);
  return {
    pool,
    user,
    query: (text, values) => pool.query(text, values),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = error as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
