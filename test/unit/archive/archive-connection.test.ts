import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError, describeArchiveError, openArchiveDb, redactAddress, type ArchiveDb } from '../../../archive/archive-connection.ts';
import { addMember, createDesk } from '../../../archive/archive-admin.ts';
import { migrateArchive } from '../../../archive/archive-migrations.ts';
import type { ArchiveProblem } from '../../../contract/archive.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../../../bench/postgres-cluster.ts';

describe('redactAddress', () => {
  it('takes the password out of the user info and of a password parameter', () => {
    expect(redactAddress('postgres://lan:s%C3%AAcret@db.example:5432/archive?sslmode=require')).toBe('postgres://lan@db.example:5432/archive?sslmode=require');
    expect(redactAddress('postgresql://lan@db/archive?password=hunter2&sslmode=verify-full')).toBe('postgresql://lan@db/archive?sslmode=verify-full');
    expect(redactAddress('postgres://lan@db/archive')).toBe('postgres://lan@db/archive');
  });

  it('redacts an address the URL parser refuses', () => {
    expect(redactAddress('postgres://lan:p@ss word@db/archive')).not.toContain('ss word');
  });
});

describe('describeArchiveError without a server', () => {
  it('words the errors pg and node give', () => {
    expect(describeArchiveError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).kind).toBe('archive.unreachable');
    expect(describeArchiveError(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere'), { code: 'ENOTFOUND' })).kind).toBe('archive.unreachable');
    expect(describeArchiveError(Object.assign(new Error('password authentication failed for user "lan"'), { code: '28P01' }))).toEqual({ kind: 'archive.auth-failed', user: 'lan' });
    expect(describeArchiveError(Object.assign(new Error('relation "articles" does not exist'), { code: '42P01' })).kind).toBe('archive.not-set-up');
    expect(describeArchiveError(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).kind).toBe('archive.tls');
    expect(describeArchiveError(Object.assign(new Error('permission denied for table articles'), { code: '42501' }), 'lan')).toEqual({ kind: 'archive.not-reporter', user: 'lan' });
    expect(describeArchiveError(new Error('something else')).kind).toBe('archive.failed');
  });

  it('never repeats a password an error message quotes', () => {
    const problem = describeArchiveError(new Error('bad address postgres://lan:hunter2@db/archive'));
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});

describe.skipIf(postgresUnavailableReason())('openArchiveDb against a throwaway cluster', () => {
  let cluster: PostgresCluster;
  const savedEnv = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql('CREATE DATABASE archive');
    const admin = await openArchiveDb({ address: cluster.url(undefined, undefined, 'archive') });
    await admin.withClient(async (client) => {
      await migrateArchive(client);
      await createDesk(client, 'Thời sự');
      await addMember(client, 'Thời sự', 'lan', 'lan-secret');
      await addMember(client, 'Thời sự', 'minh', 'minh-secret');
    });
    await admin.close();
  }, 60_000);

  afterAll(() => cluster?.destroy());

  afterEach(() => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  });

  const problemOf = async (open: Promise<ArchiveDb>): Promise<ArchiveProblem> => {
    const error = await open.then(
      async (db) => {
        await db.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveError);
    return (error as ArchiveError).problem;
  };

  it('connects as a reporter, knows its role and its desks', async () => {
    const db = await openArchiveDb({ address: cluster.url('lan', undefined, 'archive'), password: 'lan-secret' });
    try {
      expect(db.user).toBe('lan');
      expect(db.address).toBe(`postgres://lan@127.0.0.1:${cluster.port}/archive`);
      expect(await db.desks()).toEqual([{ name: 'Thời sự', members: ['lan', 'minh'] }]);
      const { rows } = await db.query<{ app: string }>(`SELECT current_setting('application_name') AS app`);
      expect(rows[0]!.app).toBe('newsroom-reader');
      const timeout = await db.query<{ value: string }>(`SELECT current_setting('statement_timeout') AS value`);
      expect(timeout.rows[0]!.value).toBe('30s');
    } finally {
      await db.close();
    }
  });

  it('rolls a failed transaction back', async () => {
    const db = await openArchiveDb({ address: cluster.url(undefined, undefined, 'archive') });
    try {
      await expect(
        db.transaction(async (client) => {
          await client.query(`INSERT INTO desks (name) VALUES ('Kinh tế')`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await db.query(`SELECT 1 FROM desks WHERE name = 'Kinh tế'`)).rowCount).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('says the password was refused, naming the reporter', async () => {
    expect(await problemOf(openArchiveDb({ address: cluster.url('lan', undefined, 'archive'), password: 'wrong' }))).toEqual({ kind: 'archive.auth-failed', user: 'lan' });
  });

  it('says there is no password when none was given and the environment has none', async () => {
    delete process.env.PGPASSWORD;
    process.env.PGPASSFILE = join(cluster.dir, 'no-such-pgpass');
    expect(await problemOf(openArchiveDb({ address: cluster.url('lan', undefined, 'archive') }))).toEqual({ kind: 'archive.no-password', user: 'lan' });
  });

  it('takes the password from PGPASSWORD, then from PGPASSFILE', async () => {
    process.env.PGPASSWORD = 'minh-secret';
    const fromEnv = await openArchiveDb({ address: cluster.url('minh', undefined, 'archive') });
    expect(fromEnv.user).toBe('minh');
    await fromEnv.close();
    delete process.env.PGPASSWORD;
    const file = join(process.cwd(), 'node_modules', '.nr-test-pgpass');
    writeFileSync(file, `127.0.0.1:${cluster.port}:archive:lan:lan-secret\n`, { mode: 0o600 });
    process.env.PGPASSFILE = file;
    const fromFile = await openArchiveDb({ address: cluster.url('lan', undefined, 'archive') });
    expect((await fromFile.query<{ me: string }>('SELECT current_user AS me')).rows[0]!.me).toBe('lan');
    await fromFile.close();
  });

  it('says the archive is unreachable when nothing listens there', async () => {
    const problem = await problemOf(openArchiveDb({ address: 'postgres://lan@127.0.0.1:1/archive', password: 'x' }));
    expect(problem.kind).toBe('archive.unreachable');
  });

  it('gives archive.tls for sslmode=require against a server without TLS, and falls back for prefer', async () => {
    const problem = await problemOf(openArchiveDb({ address: cluster.url('lan', undefined, 'archive') + '?sslmode=require', password: 'lan-secret' }));
    expect(problem.kind).toBe('archive.tls');
    const preferred = await openArchiveDb({ address: cluster.url('lan', undefined, 'archive') + '?sslmode=prefer', password: 'lan-secret' });
    expect(preferred.user).toBe('lan');
    await preferred.close();
  });

  it('words a query on an archive that was never set up', async () => {
    cluster.psql('CREATE DATABASE empty');
    const db = await openArchiveDb({ address: cluster.url(undefined, undefined, 'empty') });
    try {
      const error = await db.desks().catch((e: unknown) => e);
      expect(describeArchiveError(error)).toEqual({ kind: 'archive.not-set-up' });
    } finally {
      await db.close();
    }
  });
});
