// One connection pool to the shared archive, and the words for what went wrong reaching it.
//
// The address is a libpq connection string (postgres://reporter@server:5432/archive?sslmode=require)
// read with libpq's own meaning of sslmode (pg-connection-string's libpq compatibility), so an address
// that works in psql works here: `require` encrypts, `verify-ca`/`verify-full` also check the
// certificate (sslrootcert=…), `disable` or no sslmode is plain TCP. The password is, in this order:
// the one given (keychain, this run's memory), the one inside the address (tests), PGPASSWORD, then
// PGPASSFILE or ~/.pgpass, the same places psql looks.
import { userInfo } from 'node:os';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import pgpass from 'pgpass';
import type { ArchiveProblem, DeskInfo } from '../contract/archive.ts';

/** What archive code runs SQL on: a pool, a pooled client or a lone client. */
export type ArchiveQueryable = Pick<pg.ClientBase, 'query'>;
export type ArchiveClient = pg.PoolClient;

export interface ArchiveDb {
  /** The address without its password. */
  readonly address: string;
  /** The PostgreSQL role this connection acts as (the reporter). */
  readonly user: string;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `work` on one client of the pool (several statements on one session). */
  withClient<T>(work: (client: ArchiveClient) => Promise<T>): Promise<T>;
  /** Runs `work` in BEGIN … COMMIT on one client; ROLLBACK when it throws. */
  transaction<T>(work: (client: ArchiveClient) => Promise<T>): Promise<T>;
  /** The desks this role belongs to, with the members it may see. */
  desks(): Promise<DeskInfo[]>;
  close(): Promise<void>;
}

export interface OpenArchiveOptions {
  address: string;
  /** From the keychain or this run's memory; otherwise the address, PGPASSWORD, PGPASSFILE/~/.pgpass. */
  password?: string;
  /** Longest a statement may run before the server cancels it (default 30 s). */
  statementTimeoutMs?: number;
  /** Longest to wait for a connection (default 10 s). */
  connectTimeoutMs?: number;
  /** Pool size (default 4: a desktop app, not a server). */
  maxConnections?: number;
}

/** An archive failure already put in the UI's words. */
export class ArchiveError extends Error {
  readonly problem: ArchiveProblem;
  constructor(problem: ArchiveProblem, message = describeProblem(problem)) {
    super(message);
    this.name = 'ArchiveError';
    this.problem = problem;
  }
}

export const APPLICATION_NAME = 'newsroom-reader';

/** The connection settings an address means (libpq semantics), plus who we connect as. */
export function archiveClientConfig(address: string): { config: pg.ClientConfig; user: string; sslmode: string | null } {
  let parsed: ReturnType<typeof parseConnectionString>;
  try {
    parsed = parseConnectionString(address, { useLibpqCompat: true });
  } catch (error) {
    // pg-connection-string refuses e.g. sslmode=verify-ca without sslrootcert, or an unreadable sslrootcert.
    throw new ArchiveError({ kind: 'archive.tls', detail: errorText(error) });
  }
  const user = parsed.user || process.env.PGUSER || userInfo().username;
  const sslmode = new URLSearchParams(address.split('?')[1] ?? '').get('sslmode');
  const config: pg.ClientConfig = {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    database: parsed.database ?? undefined,
    user,
    ssl: parsed.ssl as pg.ClientConfig['ssl'],
    application_name: APPLICATION_NAME,
  };
  if (parsed.password) config.password = parsed.password;
  return { config, user, sslmode };
}

function passwordFromFile(config: pg.ClientConfig): Promise<string | undefined> {
  return new Promise((resolve) => {
    pgpass({ host: config.host ?? 'localhost', port: config.port ?? 5432, database: config.database ?? config.user ?? null, user: config.user ?? null }, resolve);
  });
}

/** Opens a pool and proves it with one round trip; throws an ArchiveError in the UI's words. */
export async function openArchiveDb(options: OpenArchiveOptions): Promise<ArchiveDb> {
  const { config, user, sslmode } = archiveClientConfig(options.address);
  const given = options.password ?? (typeof config.password === 'string' ? config.password : undefined);
  const poolConfig: pg.PoolConfig = {
    ...config,
    // Asked only when the server wants a password (trust and peer need none).
    password: async () => {
      const password = given ?? process.env.PGPASSWORD ?? (await passwordFromFile(config));
      if (password === undefined) throw new ArchiveError({ kind: 'archive.no-password', user });
      return password;
    },
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    max: options.maxConnections ?? 4,
    idleTimeoutMillis: 30_000,
  };
  const address = redactAddress(options.address);
  let pool = new pg.Pool(poolConfig);
  try {
    await probe(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    // libpq's `prefer`/`allow`: encrypted when the server can, plain when it cannot.
    if ((sslmode === 'prefer' || sslmode === 'allow') && isNoServerTls(error)) {
      pool = new pg.Pool({ ...poolConfig, ssl: false });
      await probe(pool).catch(async (plainError: unknown) => {
        await pool.end().catch(() => undefined);
        throw asArchiveError(plainError, user);
      });
    } else {
      throw asArchiveError(error, user);
    }
  }
  // An idle client's lost connection is reported here instead of crashing the process.
  pool.on('error', () => undefined);
  return archiveDbOnPool(pool, address, user);
}

async function probe(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    client.release();
  }
}

function archiveDbOnPool(pool: pg.Pool, address: string, user: string): ArchiveDb {
  const withClient = async <T>(work: (client: ArchiveClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out client whose server goes away between two queries (a pull writing its previous page
    // meanwhile) reports it as an 'error' event: noted here, met by the next query, the client discarded.
    const lost = (error: Error): void => {
      broken = error;
    };
    client.on('error', lost);
    try {
      return await work(client);
    } catch (error) {
      if (isConnectionLost(error)) broken = error as Error;
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  };
  return {
    address,
    user,
    query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => pool.query<R>(text, values),
    withClient,
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    desks: async () => {
      const { rows } = await pool.query<{ name: string; members: string[] }>(
        `SELECT d.name, coalesce(array_agg(m.member::text ORDER BY m.member) FILTER (WHERE m.member IS NOT NULL), '{}') AS members
           FROM desks d LEFT JOIN desk_members m ON m.desk = d.name
          WHERE d.name IN (SELECT nr_my_desks())
          GROUP BY d.name ORDER BY d.name`,
      );
      return rows.map((row) => ({ name: row.name, members: row.members }));
    },
    close: () => pool.end(),
  };
}

/** The address with its password taken out (of the user info and of a password= parameter). */
export function redactAddress(address: string): string {
  try {
    const url = new URL(address);
    url.password = '';
    url.searchParams.delete('password');
    return url.toString();
  } catch {
    return address.replace(/^([a-z]+:\/\/[^:/@?]*):[^@]*@/i, '$1@').replace(/([?&]password=)[^&]*/gi, '$1');
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // A message that quotes an address must not carry its password into logs or the UI.
  return text.replace(/postgres(ql)?:\/\/[^\s'"]+/gi, (found) => redactAddress(found));
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', '57P01', '57P02', '57P03', '3D000']);
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_|EPROTO$|ERR_OSSL_)/;

function isNoServerTls(error: unknown): boolean {
  return error instanceof Error && /server does not support SSL/i.test(error.message);
}

function isConnectionLost(error: unknown): boolean {
  const code = errorCode(error);
  if (code && UNREACHABLE_CODES.has(code)) return true;
  return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}

function asArchiveError(error: unknown, user: string): ArchiveError {
  return error instanceof ArchiveError ? error : new ArchiveError(describeArchiveError(error, user), errorText(error));
}

/** Puts any failure of archive code in the UI's words (`reason` kinds); `user` names the role for auth problems. */
export function describeArchiveError(error: unknown, user = ''): ArchiveProblem {
  if (error instanceof ArchiveError) return error.problem;
  const code = errorCode(error);
  const text = errorText(error);
  if (isNoServerTls(error) || (code && TLS_CODES.test(code)) || /\b(SSL|TLS|certificate)\b/i.test(text)) {
    // pg_hba may insist on encryption ("no pg_hba.conf entry … no encryption"): also a TLS matter.
    return { kind: 'archive.tls', detail: text };
  }
  if (code === '28P01' || /password authentication failed/i.test(text)) return { kind: 'archive.auth-failed', user: user || roleIn(text) };
  if (code === '28000') return { kind: 'archive.auth-failed', user: user || roleIn(text) };
  if (/client password must be a string|no password supplied/i.test(text)) return { kind: 'archive.no-password', user };
  if (isConnectionLost(error) || /timeout expired|connect ETIMEDOUT/i.test(text)) return { kind: 'archive.unreachable', detail: text };
  if (code === '42P01' || code === '42883' || code === '3F000') return { kind: 'archive.not-set-up' };
  if (code === '42501') return { kind: 'archive.not-reporter', user };
  if (code === '57014') return { kind: 'archive.failed', detail: `the archive took too long to answer (${text})` };
  return { kind: 'archive.failed', detail: text };
}

function roleIn(text: string): string {
  return /user "([^"]+)"/.exec(text)?.[1] ?? '';
}

/** English wording of a problem, for the CLI, logs and `ArchiveStatus.message`. */
export function describeProblem(problem: ArchiveProblem): string {
  switch (problem.kind) {
    case 'archive.unreachable':
      return `The archive cannot be reached: ${problem.detail}`;
    case 'archive.auth-failed':
      return `The archive refused the password of ${problem.user || 'this reporter'}.`;
    case 'archive.tls':
      return `The secure connection (TLS) to the archive failed: ${problem.detail}`;
    case 'archive.not-set-up':
      return 'The archive is not set up: an administrator runs `newsroom-reader archive init` first.';
    case 'archive.newer-schema':
      return `The archive was set up by a newer Newsroom Reader (schema ${problem.version}, this version knows ${problem.known}): update the app.`;
    case 'archive.not-reporter':
      return `${problem.user || 'This role'} is not a reporter of this archive: an administrator adds it to a desk.`;
    case 'archive.no-password':
      return `No password for ${problem.user || 'this reporter'}: give one, or set PGPASSWORD or PGPASSFILE.`;
    case 'archive.failed':
      return `The archive failed: ${problem.detail}`;
  }
}
