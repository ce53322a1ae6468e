// `sources … --full-text`, `--keep-days`, `sources folders`, `sources set --folder F --keep-days N` and
// `sources prune`, `--photos on|off|library`: the per-source and per-folder settings of full text, photos and retention.
import { FULL_TEXT_MODES, MAX_KEEP_DAYS, type CommandName, type CommandResult, type FullTextMode, type KeepDays, type SourceFolderInfo, type SourceInfo, type SourcePhotos } from '../contract/index.ts';
import { printJson, type CliIo } from './cli-output.ts';
import { parseCount, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

type Options = ParsedArguments['options'];

/** A command call through the contract, typed by its name (the sources and opml commands share it). */
export type TypedCaller = <N extends CommandName>(name: N, args: unknown) => Promise<CommandResult<N>>;

function isMode(value: string): value is FullTextMode {
  return (FULL_TEXT_MODES as readonly string[]).includes(value);
}

/**
 * `--full-text` is a flag (node's parseArgs has no optional values): a mode written after it is one of
 * the positionals, taken out here. A bare `--full-text` means `bare`.
 */
export function fullTextOption(options: Options, positionals: readonly string[], bare: FullTextMode): { mode: FullTextMode | undefined; rest: string[] } {
  if (!options['full-text']) return { mode: undefined, rest: [...positionals] };
  const modes = positionals.filter(isMode);
  if (modes.length > 1) throw new UsageError(`--full-text takes one of ${FULL_TEXT_MODES.join(', ')}`);
  return { mode: modes[0] ?? bare, rest: positionals.filter((value) => !isMode(value)) };
}

const PHOTO_WORDS: Readonly<Record<string, SourcePhotos>> = { on: true, off: false, library: null };

/**
 * `--photos on|off|library` (library: follow the library's `downloadPhotos` setting), read the way
 * `--full-text` is (its value is one of the positionals). A bare `--photos` means on.
 */
export function photosOption(options: Options, positionals: readonly string[]): { photos: SourcePhotos | undefined; rest: string[] } {
  if (!options.photos) return { photos: undefined, rest: [...positionals] };
  const words = positionals.filter((value) => Object.hasOwn(PHOTO_WORDS, value));
  if (words.length > 1) throw new UsageError('--photos takes one of on, off, library');
  return { photos: words.length ? PHOTO_WORDS[words[0]!]! : true, rest: positionals.filter((value) => !Object.hasOwn(PHOTO_WORDS, value)) };
}

export function photosWords(source: SourceInfo): string {
  return source.photos === null ? 'photos as the library setting' : source.photos ? 'photos kept' : 'photos not kept';
}

/** `--keep-days N|forever|folder` (folder: follow the folder's setting); undefined when not given. */
export function keepDaysOption(options: Options): KeepDays | undefined {
  const value = options['keep-days']?.trim();
  if (value === undefined) return undefined;
  if (value === 'forever') return 'forever';
  if (value === 'folder') return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`--keep-days must be a number of days, "forever" or "folder", got "${value}"`);
  return parseCount(value, 'keep-days', 0, MAX_KEEP_DAYS);
}

export function retentionWords(source: SourceInfo): string {
  const kept = source.retentionDays === null ? 'kept forever' : `kept ${source.retentionDays} days`;
  return source.keepDays === null ? `${kept} (as its folder)` : kept;
}

function folderLine(folder: SourceFolderInfo): string {
  const kept = folder.keepDays === null ? 'kept forever' : `kept ${folder.keepDays} days`;
  return `${folder.folder ?? '(no folder)'}  ${folder.sources} sources, ${folder.unreadCount} unread  ${kept}`;
}

/** `sources folders` (folder null) lists them; `sources set --folder F --keep-days N|forever` sets one. */
export async function runFolderSettings(folder: string | null, options: Options, call: TypedCaller, io: CliIo): Promise<number> {
  const json = options.json === true;
  if (folder === null) {
    const folders = await call('sources.folders', {});
    if (json) printJson(io, folders);
    else for (const entry of folders) io.out(folderLine(entry));
    return 0;
  }
  const keep = keepDaysOption(options);
  if (keep === undefined || keep === null) throw new UsageError('usage: newsroom-reader sources set --folder F --keep-days N|forever');
  const updated = await call('sources.updateFolder', { folder, patch: { keepDays: keep === 'forever' ? null : keep } });
  if (json) printJson(io, updated);
  else io.out(folderLine(updated));
  return 0;
}

/** `sources prune [ID]`: what retention has expired goes to the trash now. */
export async function runRetention(positionals: readonly string[], options: Options, call: TypedCaller, io: CliIo): Promise<number> {
  if (positionals.length > 1) throw new UsageError('usage: newsroom-reader sources prune [ID]');
  const result = await call('sources.applyRetention', positionals.length ? { id: positionals[0] } : {});
  if (options.json === true) printJson(io, result);
  else {
    for (const entry of result.bySource) io.out(`${entry.id}  ${entry.title}: ${entry.trashed} moved to the trash`);
    io.out(`${result.trashed} articles past their retention moved to the trash (restore them from the trash; nothing was deleted)`);
  }
  return 0;
}
