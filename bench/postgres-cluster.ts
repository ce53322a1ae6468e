// A throwaway PostgreSQL cluster for the archive bench and the tests (kept in bench/, which tests may
// import but which may not import tests): initdb in a temporary folder, listening on 127.0.0.1 at a free port (and a Unix socket in the same folder), stopped and removed
// afterwards. Nothing depends on a system service. PostgreSQL refuses to run as root, so when the
// tests run as root (CI containers) the server runs as the `postgres` account Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface PostgresCluster {
  /** The folder holding the data directory and the socket. */
  readonly dir: string;
  readonly port: number;
  readonly host: '127.0.0.1';
  /** The superuser (trust over the Unix socket, password over TCP). */
  readonly superuser: string;
  readonly superuserPassword: string;
  /** A connection string over TCP for a role; password in the string only because tests are throwaway. */
  url(role?: string, password?: string, database?: string): string;
  /** Runs SQL as the superuser through psql (setup: roles, databases); returns psql's stdout. */
  psql(sql: string, database?: string): string;
  /** pg_ctl stop (fast) and start again on the same port: the "restart mid-sync" case. */
  restart(): void;
  stop(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

/** Where Debian's package keeps the server binaries (`/usr/lib/postgresql/<major>/bin`), newest first; null when absent. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(root, majors[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = onPath.stdout.trim();
  return initdb ? join(initdb, '..') : null;
}

/** Why the archive tests cannot run here, or null when they can. */
export function postgresUnavailableReason(): string | null {
  if (!postgresBinDir()) return 'PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql';
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no postgres account to run the server as';
  return null;
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresClusterOptions {
  superuser?: string;
  /**
   * A folder to keep the cluster in (the bench's `--archive-data-dir`): a cluster found there is started
   * again instead of a new one, and destroy() stops it but keeps the folder, so a loaded archive can be
   * measured again without loading it again. Without it, a temporary folder removed by destroy().
   */
  keepIn?: string;
}

/** Starts a cluster: a new one in a temporary folder (each call its own, so tests never share one), or the one kept in `keepIn`. */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster & { reused: boolean }> {
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(reason);
  const bin = postgresBinDir()!;
  const superuser = options.superuser ?? 'nr_admin';
  const superuserPassword = 'admin-secret';
  const dir = options.keepIn ? resolve(options.keepIn) : mkdtempSync(join(tmpdir(), 'nr-pg-'));
  if (options.keepIn) mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const reused = existsSync(join(data, 'PG_VERSION'));
  const asServer = (file: string, args: string[]): string[] => (isRoot() ? ['runuser', '-u', 'postgres', '--', file, ...args] : [file, ...args]);
  const run = (file: string, args: string[], input?: string): string => {
    const [command, ...rest] = asServer(join(bin, file), args);
    return execFileSync(command!, rest, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], cwd: dir });
  };
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const passwordFile = join(dir, 'pwfile');
  writeFileSync(passwordFile, superuserPassword + '\n', { mode: 0o600 });
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(passwordFile, uid, uid);
  }
  if (!reused) run('initdb', ['-D', data, '-U', superuser, '--pwfile', passwordFile, '-E', 'UTF8', '--locale', 'C.UTF-8', '--auth-local', 'trust', '--auth-host', 'scram-sha-256', '--no-sync']);
  const port = await freePort();
  const serverOptions = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    // Throwaway data: durability costs time and nothing is worth keeping after a crash.
    `-c fsync=off`,
    `-c synchronous_commit=off`,
    `-c full_page_writes=off`,
    `-c max_connections=100`,
  ].join(' ');
  const start = (): void => {
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  };
  const stopServer = (): void => {
    if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  if (reused && existsSync(join(data, 'postmaster.pid'))) {
    // A kept cluster still running (a bench killed before it stopped it): stopped, to start with this run's options.
    try {
      stopServer();
    } catch {
      // Not running after all: pg_ctl start removes a stale pid file itself.
    }
  }
  start();
  const cluster: PostgresCluster = {
    dir,
    port,
    host: '127.0.0.1',
    superuser,
    superuserPassword,
    url: (role = superuser, password = role === superuser ? superuserPassword : undefined, database = 'postgres') =>
      `postgres://${encodeURIComponent(role)}${password ? ':' + encodeURIComponent(password) : ''}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    psql: (sql, database = 'postgres') => run('psql', ['-h', dir, '-p', String(port), '-U', superuser, '-d', database, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-At'], sql),
    restart: () => {
      stopServer();
      start();
    },
    stop: stopServer,
    destroy: () => {
      try {
        stopServer();
      } finally {
        if (!options.keepIn) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return { ...cluster, reused };
}
