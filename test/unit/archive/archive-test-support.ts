// What the archive command tests share: libraries opened as the hosts open them, typed calls through
// a host's dispatcher, a pgpass file for the roles of a throwaway archive, and its set-up by the CLI.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppContext, type AppContextOptions } from '../../../commands/app-context.ts';
import { runCli } from '../../../cli/main.ts';
import type { CliIo } from '../../../cli/cli-output.ts';
import type { CommandName, CommandOutcome, CommandResult, EventName, EventPayload, FailureReason, Host } from '../../../contract/index.ts';
import type { PostgresCluster } from '../../../bench/postgres-cluster.ts';

export const DESK = 'Thời sự';
export const OTHER_DESK = 'Kinh tế';
export const PASSWORDS = { lan: 'lan-secret', minh: 'minh-secret', khach: 'khach-secret' } as const;
export type Reporter = keyof typeof PASSWORDS;

export function tempDir(prefix = 'nr-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The reporter's address: no password in it, as every host requires. */
export function reporterAddress(cluster: PostgresCluster, role: Reporter | string, database = 'archive'): string {
  return `postgres://${encodeURIComponent(role)}@127.0.0.1:${cluster.port}/${database}`;
}

export function adminAddress(cluster: PostgresCluster, database = 'archive'): string {
  return `postgres://${cluster.superuser}@127.0.0.1:${cluster.port}/${database}`;
}

/** A pgpass file with the admin's and every reporter's password; PGPASSFILE points at it. */
export function writePgpass(cluster: PostgresCluster, roles: Partial<Record<string, string>>): string {
  const file = join(tempDir('nr-pgpass-'), 'pgpass');
  const lines = Object.entries({ [cluster.superuser]: cluster.superuserPassword, ...roles }).map(([role, password]) => `127.0.0.1:${cluster.port}:*:${role}:${password}`);
  writeFileSync(file, lines.join('\n') + '\n');
  chmodSync(file, 0o600);
  return file;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The CLI in this process, with stdin when given (a new reporter's password). */
export async function cli(args: string[], libraryDir?: string, stdin?: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}) };
  const code = await runCli([...(libraryDir ? ['--library', libraryDir] : []), ...args], io, {});
  return { code, out, err };
}

export async function openLibrary(options: Partial<AppContextOptions> = {}): Promise<AppContext> {
  return AppContext.open({ libraryDir: options.libraryDir ?? tempDir('nr-archive-lib-'), runtime: 'browser', ...options });
}

export async function call<N extends CommandName>(context: AppContext, host: Host, name: N, args: unknown): Promise<CommandResult<N>> {
  const outcome = await context.dispatchFor(host)(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value as CommandResult<N>;
}

/**
 * Links a library the way a renderer's Settings do: archive.probe, then archive.connect with the
 * confirmation the probe gave (the person said yes to what it showed).
 */
export async function linkFromRenderer(context: AppContext, host: Exclude<Host, 'cli'>, args: { address: string; password?: string; defaultDesk?: string | null }): Promise<CommandResult<'archive.connect'>> {
  const { address, password } = args;
  const preview = await call(context, host, 'archive.probe', { address, ...(password !== undefined ? { password } : {}) });
  return call(context, host, 'archive.connect', { ...args, confirmation: preview.confirmation });
}

/** The refusal of a call that must fail: its code, message and reason. */
export async function refusal(context: AppContext, host: Host, name: CommandName, args: unknown): Promise<{ code: string; message: string; reason?: FailureReason }> {
  const outcome: CommandOutcome<unknown> = await context.dispatchFor(host)(name, args);
  if (outcome.ok) throw new Error(`${name} succeeded: ${JSON.stringify(outcome.value).slice(0, 200)}`);
  return outcome.error;
}

/** Imports one plain-text article through the renderer's command; returns its id. */
export async function importText(context: AppContext, name: string, text: string): Promise<string> {
  const report = await call(context, 'serve', 'library.importFiles', { jobId: `import-${Date.now()}`, files: [{ name, base64: Buffer.from(text).toString('base64') }] });
  const id = report.imported[0]?.id ?? report.duplicates[0]?.id;
  if (!id) throw new Error(`not imported: ${JSON.stringify(report.failed)}`);
  return id;
}

/** Resolves with the first event of this name whose payload passes `accept` (the host's bus, as SSE forwards it). */
export function nextEvent<E extends EventName>(context: AppContext, event: E, accept: (payload: EventPayload<E>) => boolean = () => true): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = context.events.onAny((name: EventName, payload: unknown) => {
      if (name !== event || !accept(payload as EventPayload<E>)) return;
      off();
      resolve(payload as EventPayload<E>);
    });
  });
}

/** Sets up an archive with the CLI's admin commands: two reporters on DESK, a third on OTHER_DESK only. */
export async function setUpArchive(cluster: PostgresCluster): Promise<void> {
  cluster.psql('CREATE DATABASE archive');
  const url = adminAddress(cluster);
  const steps: [string[], string?][] = [
    [['archive', 'init', url]],
    [['archive', 'desk', 'create', DESK, '--url', url]],
    [['archive', 'desk', 'create', OTHER_DESK, '--url', url]],
    [['archive', 'desk', 'add', DESK, 'lan', '--url', url, '--password-stdin'], `${PASSWORDS.lan}\n`],
    [['archive', 'desk', 'add', DESK, 'minh', '--url', url, '--password-stdin'], `${PASSWORDS.minh}\n`],
    [['archive', 'desk', 'add', OTHER_DESK, 'khach', '--url', url, '--password-stdin'], `${PASSWORDS.khach}\n`],
  ];
  for (const [args, stdin] of steps) {
    const run = await cli(args, undefined, stdin);
    if (run.code !== 0) throw new Error(`${args.join(' ')}: ${run.err}`);
  }
}
