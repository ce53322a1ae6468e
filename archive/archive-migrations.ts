// Brings an archive to this version's schema, step by step like the library's (library/migrations.ts),
// and tells a reporter's connect whether the archive it reached is one this version can use.
//
// migrateArchive runs as the archive's owner (the admin's `archive init`): each step in its own
// transaction under an advisory lock, so two admins running init at once apply each step once, and a
// step that fails leaves the archive at the previous version, not half-written.
import { ARCHIVE_CORE_STEPS, REPORTER_ROLE } from './archive-schema.ts';
import { ArchiveError, type ArchiveQueryable } from './archive-connection.ts';
import { ARCHIVE_SEARCH_PAIRS_SQL } from './archive-search-pairs.ts';
import { ARCHIVE_SEARCH_PLANS_SQL } from './archive-search-plans.ts';
import { ARCHIVE_SEARCH_SCHEMA_SQL } from './archive-search-schema.ts';
import { ARCHIVE_SYNC_STEP_SQL } from './archive-sync-step.ts';
import { ARCHIVE_DIRECT_SHARES_SQL } from './archive-direct-shares-step.ts';
import { ARCHIVE_SEARCH_ROW_COST_SQL } from './archive-search-row-cost-step.ts';

/** Every step in order: step N brings the archive to schema_version N. Never edit a released step. */
export const ARCHIVE_STEPS: readonly string[] = [
  ...ARCHIVE_CORE_STEPS,
  ARCHIVE_SEARCH_SCHEMA_SQL,
  ARCHIVE_SEARCH_PAIRS_SQL,
  ARCHIVE_SEARCH_PLANS_SQL,
  ARCHIVE_SYNC_STEP_SQL,
  ARCHIVE_DIRECT_SHARES_SQL,
  ARCHIVE_SEARCH_ROW_COST_SQL,
];
export const ARCHIVE_SCHEMA_VERSION = ARCHIVE_STEPS.length;

/** Held for each step's transaction (an arbitrary constant, apart from the write lock). */
const MIGRATION_LOCK = 735_202;

/** The archive's schema_version: 0 when it has no archive tables yet. */
export async function archiveSchemaVersion(client: ArchiveQueryable): Promise<number> {
  if (!(await hasArchiveTables(client))) return 0;
  const version = await client.query<{ value: string }>(`SELECT value FROM archive_meta WHERE key = 'schema_version'`);
  return Number(version.rows[0]?.value ?? 0);
}

async function hasArchiveTables(client: ArchiveQueryable): Promise<boolean> {
  // pg_class read as a table (a fresh snapshot), not to_regclass: after waiting for the migration lock,
  // the catalog cache may not yet show the table the other admin just committed.
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'archive_meta' AND relnamespace = current_schema()::regnamespace) AS present`,
  );
  return rows[0]?.present === true;
}

/**
 * Applies the steps the archive lacks, as its owner (a role that may create tables, roles and the
 * pg_trgm extension: a superuser, or the database owner with CREATEROLE since pg_trgm is trusted).
 * `client` must be one session (not a pool): each step is BEGIN … COMMIT on it.
 */
export async function migrateArchive(client: ArchiveQueryable, options: { toStep?: number } = {}): Promise<{ from: number; to: number }> {
  const from = await archiveSchemaVersion(client);
  if (from > ARCHIVE_SCHEMA_VERSION) throw new ArchiveError({ kind: 'archive.newer-schema', version: from, known: ARCHIVE_SCHEMA_VERSION });
  // An earlier step as the target: how the upgrade tests and the bench set up an archive of a previous version.
  const to = Math.min(options.toStep ?? ARCHIVE_SCHEMA_VERSION, ARCHIVE_SCHEMA_VERSION);
  for (let step = 1; step <= to; step++) {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      // Read again under the lock: another admin may have applied this step meanwhile.
      if ((await archiveSchemaVersion(client)) >= step) {
        await client.query('COMMIT');
        continue;
      }
      await client.query(ARCHIVE_STEPS[step - 1]!);
      await client.query(
        `INSERT INTO archive_meta (key, value) VALUES ('schema_version', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [String(step)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return { from, to: Math.max(from, to) };
}

/**
 * A reporter's connect: is this an archive this version can use, and is the role one of its reporters?
 * Throws ArchiveError not-set-up (no archive tables, or an older schema an admin must migrate),
 * newer-schema, or not-reporter (unless `requireReporter` is false, for the admin's own connection).
 */
export async function checkArchiveSchema(client: ArchiveQueryable, options: { requireReporter?: boolean } = {}): Promise<number> {
  if (!(await hasArchiveTables(client))) throw new ArchiveError({ kind: 'archive.not-set-up' });
  // Membership before the version: only reporters may read archive_meta.
  if (options.requireReporter ?? true) {
    const { rows } = await client.query<{ user: string; reporter: boolean }>(
      `SELECT current_user::text AS user, pg_has_role(current_user, '${REPORTER_ROLE}', 'MEMBER') AS reporter`,
    );
    if (!rows[0]?.reporter) throw new ArchiveError({ kind: 'archive.not-reporter', user: rows[0]?.user ?? '' });
  }
  const version = await archiveSchemaVersion(client);
  if (version === 0 || version < ARCHIVE_SCHEMA_VERSION) throw new ArchiveError({ kind: 'archive.not-set-up' });
  if (version > ARCHIVE_SCHEMA_VERSION) throw new ArchiveError({ kind: 'archive.newer-schema', version, known: ARCHIVE_SCHEMA_VERSION });
  return version;
}
