// How a command is declared: its hosts, argument schema and result type, and the argument atoms
// (ids, names, dates) that several areas' declarations share. Each area declares its commands in
// its own file (source-commands.ts, …); commands.ts joins them into the one table.
import * as v from 'valibot';
import type { Returns } from './returns.ts';

export type ArgsSchema = v.GenericSchema<unknown, unknown>;

/**
 * Who may call a command: `cli` (the command line, in-process), `ipc` (the Electron renderer through
 * preload) and `serve` (the browser renderer over HTTP). A renderer is treated as possibly compromised
 * (it shows hostile content), so it gets only what its UI needs, and never a path on this computer.
 */
export type Host = 'cli' | 'ipc' | 'serve';
export const HOSTS: readonly Host[] = ['cli', 'ipc', 'serve'];

export interface CommandSpec<A extends ArgsSchema, R> {
  args: A;
  result: Returns<R>;
  summary: string;
  hosts: readonly Host[];
}

const ALL_HOSTS = HOSTS;

export const command = <A extends ArgsSchema, R>(summary: string, args: A, result: Returns<R>, hosts: readonly Host[] = ALL_HOSTS): CommandSpec<A, R> => ({
  summary,
  args,
  result,
  hosts,
});

/** Offsets and counts a caller sends are bounded so SQLite never sees a number it cannot bind. */
export const MAX_OFFSET = 1_000_000_000;

export const NoArgs = v.strictObject({});
export const Id = v.pipe(v.string(), v.trim(), v.minLength(1, 'id must not be empty'), v.maxLength(200));
export const Ids = v.pipe(v.array(Id), v.minLength(1, 'at least one id is required'), v.maxLength(100_000));
export const JobId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'jobId must be 1–64 letters, digits, _ or -'));
export const IsoDate = v.pipe(v.string(), v.isoDate('dates must be YYYY-MM-DD'));
export const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
