// `archive …`: the shared archive on PostgreSQL from the command line. The reporter's commands go
// through the command contract like every other command; the admin's (init, desk) talk to the
// archive directly through commands/archive-admin-commands.ts and need no library.
import type { ArchiveStatus, ArchiveSyncResult, NoteVersion } from '../contract/index.ts';
import { printJson, type CliIo } from './cli-output.ts';
import { parseCount, singlePositional, type ParsedArguments } from './parse-arguments.ts';
import type { TypedCaller } from './source-settings.ts';
import { UsageError } from './usage-error.ts';

export const ARCHIVE_USAGE =
  'usage: newsroom-reader archive connect URL [--desk D] | status | push | pull | sync | search QUERY [--limit N] | save ARCHIVE_ID | ' +
  'share ANNOTATION_ID... --desk D|--private | share-collection NAME --desk D [--stop] | default-desk D|--private | history ANNOTATION_ID | ' +
  'disconnect [--discard-pending] | init URL | desk create NAME --url URL | desk add NAME ROLE --url URL [--password-stdin] | desk remove NAME ROLE --url URL';


function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 19) : 'never';
}

export function statusLines(status: ArchiveStatus): string[] {
  if (!status.linked) return ['Not linked to an archive: this library works on its own (SQLite).'];
  const password = { keychain: 'the OS keychain', session: "this run's memory", environment: 'PGPASSFILE/PGPASSWORD', none: 'none' }[status.passwordSource ?? 'none'];
  return [
    `Archive   ${status.address ?? ''}`,
    `Reporter  ${status.user ?? ''}  (password from ${password})`,
    `State     ${status.reachable ? 'reachable' : 'not reachable'}${status.live ? ', live updates on' : ''}${status.syncing ? ', syncing' : ''}`,
    `Last sync ${when(status.lastSync)}`,
    `Pending   ${status.pending} local change${status.pending === 1 ? '' : 's'} to push`,
    `Desks     ${status.desks.length ? status.desks.map((desk) => `${desk.name} (${desk.members.join(', ')})`).join('; ') : 'none'}`,
    `Default   ${status.defaultDesk ?? 'private until shared'}`,
    ...status.sharedCollections.map((share) => `Shared    collection ${share.collection} with ${share.desk}`),
    ...(status.message ? [`Problem   ${status.message}`] : []),
  ];
}

function syncLine(result: ArchiveSyncResult): string {
  const { pushed, pulled } = result;
  return (
    `Pushed ${pushed.articles} articles, ${pushed.annotations} annotations, ${pushed.shares} shares; ` +
    `pulled ${pulled.articles} articles, ${pulled.annotations} annotations, ${pulled.removed} removed`
  );
}

/** A sync that ended with a problem prints it and exits 1; the command itself ran. */
function syncExit(result: ArchiveSyncResult, io: CliIo): number {
  if (result.status.message) io.err(`newsroom-reader: ${result.status.message}`);
  return result.status.problem ? 1 : 0;
}

/** The reporter's archive commands, through the contract; returns the exit code. */
export async function runArchiveCommand(args: ParsedArguments, call: TypedCaller, io: CliIo): Promise<number> {
  const { options } = args;
  const [sub, ...positionals] = args.positionals;
  const json = options.json === true;
  const show = (status: ArchiveStatus): number => {
    if (json) printJson(io, status);
    else for (const line of statusLines(status)) io.out(line);
    return status.problem ? 1 : 0;
  };
  switch (sub) {
    case 'connect': {
      const address = singlePositional(positionals, 'archive connect URL [--desk D]');
      return show(await call('archive.connect', { address, ...(options.desk !== undefined ? { defaultDesk: options.desk } : {}) }));
    }
    case 'status':
      if (positionals.length) throw new UsageError('usage: newsroom-reader archive status [--json]');
      return show(await call('archive.status', {}));
    case 'push':
    case 'pull':
    case 'sync': {
      if (positionals.length) throw new UsageError(`usage: newsroom-reader archive ${sub} [--json]`);
      const result = await call(`archive.${sub}`, {});
      if (json) printJson(io, result);
      else io.out(syncLine(result));
      return syncExit(result, io);
    }
    case 'search': {
      if (positionals.length === 0) throw new UsageError('usage: newsroom-reader archive search QUERY [--limit N] [--json]');
      const result = await call('archive.search', { query: positionals.join(' '), limit: parseCount(options.limit, 'limit', 20, 200) });
      if (json) printJson(io, result);
      else {
        if (result.message) io.err(result.message);
        for (const hit of result.hits) {
          const local = hit.localId ? `  (in this library: ${hit.localId})` : '';
          const who = [...hit.addedBy, ...hit.desks.map((desk) => `desk ${desk}`)].join(', ');
          io.out(`${hit.archiveId}  ${hit.title}${local}\n    ${who ? `[${who}] ` : ''}${hit.snippet.text.replace(/\s+/g, ' ')}`);
        }
        io.out(`${result.total} results in the archive in ${result.tookMs} ms`);
      }
      return 0;
    }
    case 'save': {
      const archiveId = singlePositional(positionals, 'archive save ARCHIVE_ID');
      const saved = await call('archive.save', { archiveId });
      if (json) printJson(io, saved);
      else io.out(`${saved.duplicate ? 'already in the library' : 'saved'}  ${saved.id}`);
      return 0;
    }
    case 'share': {
      if (positionals.length === 0 || (options.desk === undefined) === (options.private !== true)) {
        throw new UsageError('usage: newsroom-reader archive share ANNOTATION_ID... --desk D | --private');
      }
      const desk = options.private === true ? null : options.desk!;
      const { updated } = await call('archive.shareAnnotations', { ids: positionals, desk });
      if (json) printJson(io, { updated });
      else io.out(`${desk === null ? 'Made private' : `Shared with ${desk}`}: ${updated}`);
      return 0;
    }
    case 'share-collection': {
      const collection = singlePositional(positionals, 'archive share-collection NAME --desk D [--stop]');
      if (options.desk === undefined) throw new UsageError('usage: newsroom-reader archive share-collection NAME --desk D [--stop]');
      const status = await call('archive.shareCollection', { collection, desk: options.desk, share: options.stop !== true });
      if (json) printJson(io, status);
      else io.out(`${options.stop === true ? 'Stopped sharing' : 'Shared'} collection ${collection} with ${options.desk}`);
      return 0;
    }
    case 'default-desk': {
      const usage = 'usage: newsroom-reader archive default-desk D | --private';
      if (positionals.length > 1 || (positionals.length === 1) === (options.private === true)) throw new UsageError(usage);
      return show(await call('archive.setDefaultDesk', { desk: positionals[0] ?? null }));
    }
    case 'history': {
      const id = singlePositional(positionals, 'archive history ANNOTATION_ID');
      const versions: NoteVersion[] = await call('archive.noteHistory', { id });
      if (json) printJson(io, versions);
      else {
        for (const version of versions) io.out(`${when(version.writtenAt)} (replaced ${when(version.replacedAt)})\n    ${version.note.replace(/\s+/g, ' ')}`);
        io.out(`${versions.length} older note text${versions.length === 1 ? '' : 's'}`);
      }
      return 0;
    }
    case 'disconnect': {
      if (positionals.length) throw new UsageError('usage: newsroom-reader archive disconnect [--discard-pending]');
      const status = await call('archive.disconnect', { discardPending: options['discard-pending'] === true });
      if (json) printJson(io, status);
      else io.out('Unlinked from the archive; the library keeps its articles and annotations.');
      return 0;
    }
    default:
      throw new UsageError(ARCHIVE_USAGE);
  }
}

/** Reads the first line of stdin (a new reporter's password: never an argument, which `ps` would show). */
async function readPasswordLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError('--password-stdin: stdin held no password');
  return password;
}

/**
 * `archive init URL` and `archive desk …`: as the archive's owner (the address names the role; its
 * password comes from PGPASSFILE/PGPASSWORD like every CLI connection).
 */
export async function runArchiveAdminCommand(args: ParsedArguments, io: CliIo): Promise<number> {
  const stdin = io.stdin ?? process.stdin;
  const admin = await import('../commands/archive-admin-commands.ts');
  const { options } = args;
  const [sub, action, ...positionals] = args.positionals;
  const json = options.json === true;
  const report = (value: object, line: string): number => {
    if (json) printJson(io, value);
    else io.out(line);
    return 0;
  };
  if (sub === 'init') {
    const address = singlePositional(action === undefined ? [] : [action, ...positionals], 'archive init URL');
    const result = await admin.initArchive(address);
    return report(result, `The archive at ${result.address} is at schema version ${result.schemaVersion}${result.migrated ? '' : ' (it already was)'}.`);
  }
  const url = options.url;
  if (url === undefined) throw new UsageError('archive desk … needs --url URL (the archive, as its owner)');
  switch (action) {
    case 'create': {
      const name = singlePositional(positionals, 'archive desk create NAME --url URL');
      const result = await admin.createArchiveDesk(url, name);
      return report(result, result.created ? `Created desk ${name}.` : `Desk ${name} already exists.`);
    }
    case 'add': {
      if (positionals.length !== 2) throw new UsageError('usage: newsroom-reader archive desk add NAME ROLE --url URL [--password-stdin]');
      const [desk, role] = positionals as [string, string];
      const password = options['password-stdin'] === true ? await readPasswordLine(stdin) : undefined;
      const result = await admin.addArchiveDeskMember(url, desk, role, password);
      return report(result, `${role} is on desk ${desk}${result.createdRole ? ` (new reporter role ${role})` : ''}.`);
    }
    case 'remove': {
      if (positionals.length !== 2) throw new UsageError('usage: newsroom-reader archive desk remove NAME ROLE --url URL');
      const [desk, role] = positionals as [string, string];
      const result = await admin.removeArchiveDeskMember(url, desk, role);
      return report(result, result.removed ? `${role} is no longer on desk ${desk}.` : `${role} was not on desk ${desk}.`);
    }
    default:
      throw new UsageError(ARCHIVE_USAGE);
  }
}
