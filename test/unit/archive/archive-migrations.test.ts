import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ArchiveError, openArchiveDb } from '../../../archive/archive-connection.ts';
import { addMember, createDesk, removeMember } from '../../../archive/archive-admin.ts';
import { ARCHIVE_SCHEMA_VERSION, archiveSchemaVersion, checkArchiveSchema, migrateArchive } from '../../../archive/archive-migrations.ts';
import type { ArchiveProblem } from '../../../contract/archive.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';

describe.skipIf(postgresUnavailableReason())('archive migrations and administration', () => {
  let cluster: PostgresCluster;
  let databases = 0;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  /** A fresh database, and a session on it as the superuser (the archive's owner). */
  async function freshArchive(): Promise<{ name: string; admin: pg.Client }> {
    const name = `archive_${++databases}`;
    cluster.psql(`CREATE DATABASE ${name}`);
    const admin = new pg.Client({ connectionString: cluster.url(undefined, undefined, name) });
    await admin.connect();
    return { name, admin };
  }

  const problemOf = async (work: Promise<unknown>): Promise<ArchiveProblem> => {
    const error = await work.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    return (error as ArchiveError).problem;
  };

  it('sets an empty database up once, and a second run changes nothing', async () => {
    const { admin } = await freshArchive();
    try {
      expect(await problemOf(checkArchiveSchema(admin, { requireReporter: false }))).toEqual({ kind: 'archive.not-set-up' });
      expect(await migrateArchive(admin)).toEqual({ from: 0, to: ARCHIVE_SCHEMA_VERSION });
      expect(await archiveSchemaVersion(admin)).toBe(ARCHIVE_SCHEMA_VERSION);
      expect(await migrateArchive(admin)).toEqual({ from: ARCHIVE_SCHEMA_VERSION, to: ARCHIVE_SCHEMA_VERSION });
      expect(await checkArchiveSchema(admin, { requireReporter: false })).toBe(ARCHIVE_SCHEMA_VERSION);
      const trgm = await admin.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
      expect(trgm.rowCount).toBe(ARCHIVE_SCHEMA_VERSION >= 2 ? 1 : 0);
    } finally {
      await admin.end();
    }
  });

  it('applies each step once when two admins run init at the same time', async () => {
    const { name, admin } = await freshArchive();
    const other = new pg.Client({ connectionString: cluster.url(undefined, undefined, name) });
    await other.connect();
    try {
      const results = await Promise.all([migrateArchive(admin), migrateArchive(other)]);
      expect(results.map((r) => r.to)).toEqual([ARCHIVE_SCHEMA_VERSION, ARCHIVE_SCHEMA_VERSION]);
      expect(await archiveSchemaVersion(admin)).toBe(ARCHIVE_SCHEMA_VERSION);
    } finally {
      await other.end();
      await admin.end();
    }
  });

  it('upgrades an archive at step 5 with its desk shares (they stay, not marked as made directly) and search plans costed per row read', async () => {
    const { admin } = await freshArchive();
    try {
      expect(await migrateArchive(admin, { toStep: 5 })).toEqual({ from: 0, to: 5 });
      await createDesk(admin, 'Thời sự');
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO articles (content_hash, title, language, body, blocks, added_by) VALUES ('h1', 'Đàm phán', 'vi', 'Hai bên đàm phán.', '[]', current_user) RETURNING id::text`,
      );
      await admin.query(`INSERT INTO article_shares (article_id, desk) VALUES ($1, 'Thời sự')`, [rows[0]!.id]);
      expect(await migrateArchive(admin)).toEqual({ from: 5, to: ARCHIVE_SCHEMA_VERSION });
      const shares = await admin.query('SELECT desk, direct FROM article_shares');
      expect(shares.rows).toEqual([{ desk: 'Thời sự', direct: false }]);
      // Step 7: the search functions plan with the cost of reading each row's vector.
      const settings = await admin.query<{ name: string; config: string[] }>(
        `SELECT proname AS name, proconfig AS config FROM pg_proc WHERE proname IN ('nr_search', 'nr_search_count') ORDER BY proname`,
      );
      expect(settings.rows.map((row) => [row.name, row.config.includes('cpu_tuple_cost=0.2')])).toEqual([['nr_search', true], ['nr_search_count', true]]);
    } finally {
      await admin.end();
    }
  });

  it('refuses an archive a newer version set up, for init and for a reporter', async () => {
    const { admin } = await freshArchive();
    try {
      await migrateArchive(admin);
      await admin.query(`UPDATE archive_meta SET value = $1 WHERE key = 'schema_version'`, [String(ARCHIVE_SCHEMA_VERSION + 1)]);
      const newer = { kind: 'archive.newer-schema', version: ARCHIVE_SCHEMA_VERSION + 1, known: ARCHIVE_SCHEMA_VERSION };
      expect(await problemOf(migrateArchive(admin))).toEqual(newer);
      expect(await problemOf(checkArchiveSchema(admin))).toEqual(newer);
    } finally {
      await admin.end();
    }
  });

  it('creates desks and reporters who can log in and see their desk; a role outside nr_reporter is refused', async () => {
    const { name, admin } = await freshArchive();
    try {
      await migrateArchive(admin);
      expect(await createDesk(admin, 'Kinh tế')).toBe(true);
      expect(await createDesk(admin, 'Kinh tế')).toBe(false);
      expect(await addMember(admin, 'Kinh tế', 'hoa', 'hoa-secret')).toEqual({ createdRole: true });
      await admin.query(`CREATE ROLE outsider LOGIN PASSWORD 'outsider-secret'`);
      await expect(addMember(admin, 'Không có', 'hoa')).rejects.toThrow(/no desk "Không có"/);
      await expect(addMember(admin, 'Kinh tế', 'pg_monitor')).rejects.toThrow(/reserved/);

      const reporter = await openArchiveDb({ address: cluster.url('hoa', undefined, name), password: 'hoa-secret' });
      try {
        expect(await reporter.withClient((client) => checkArchiveSchema(client))).toBe(ARCHIVE_SCHEMA_VERSION);
        expect(await reporter.desks()).toEqual([{ name: 'Kinh tế', members: ['hoa'] }]);
        expect(await removeMember(admin, 'Kinh tế', 'hoa')).toBe(true);
        expect(await reporter.desks()).toEqual([]);
      } finally {
        await reporter.close();
      }

      const outsider = await openArchiveDb({ address: cluster.url('outsider', undefined, name), password: 'outsider-secret' });
      try {
        expect(await problemOf(outsider.withClient((client) => checkArchiveSchema(client)))).toEqual({ kind: 'archive.not-reporter', user: 'outsider' });
        // An existing role added to a desk joins nr_reporter.
        await addMember(admin, 'Kinh tế', 'outsider');
        expect(await outsider.withClient((client) => checkArchiveSchema(client))).toBe(ARCHIVE_SCHEMA_VERSION);
      } finally {
        await outsider.close();
      }
    } finally {
      await admin.end();
    }
  });
});
