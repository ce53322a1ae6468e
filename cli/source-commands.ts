// `sources …` and `opml …`: subscriptions on the command line, through the same contract.
import { readFile, writeFile } from 'node:fs/promises';
import {
  MAX_SOURCE_INTERVAL_MINUTES,
  MIN_SOURCE_INTERVAL_MINUTES,
  type SourceInfo,
  type SourceRefreshResult,
} from '../contract/index.ts';
import { fullTextOption, keepDaysOption, photosOption, photosWords, retentionWords, runFolderSettings, runRetention, type TypedCaller } from './source-settings.ts';
import { printJson, type CliIo } from './cli-output.ts';
import { parseCount, singlePositional, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

export type { TypedCaller };

function interval(options: ParsedArguments['options']): number | undefined {
  return options.interval === undefined ? undefined : parseCount(options.interval, 'interval', 0, MAX_SOURCE_INTERVAL_MINUTES, MIN_SOURCE_INTERVAL_MINUTES);
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 16) : 'never';
}

function sourceLines(source: SourceInfo): string[] {
  const state = source.paused ? 'paused' : `every ${source.intervalMinutes} min, next ${when(source.nextRefreshAt)}`;
  const lines = [
    `${source.id}  ${source.title}  [${source.folder ?? 'no folder'}]  ${source.articleCount} articles`,
    `    ${source.url}`,
    `    ${state}; last success ${when(source.lastSuccessAt)}`,
    `    full text ${source.fullText}; ${photosWords(source)}; ${retentionWords(source)}`,
  ];
  if (source.lastError) lines.push(`    last error (${source.failures} in a row, ${when(source.lastError.at)}): ${source.lastError.message}`);
  return lines;
}

function refreshLine(result: SourceRefreshResult): string {
  if (result.status === 'failed') return `failed        ${result.id}  ${result.title}: ${result.error?.message ?? 'unknown error'}`;
  if (result.status === 'not-modified') return `not modified  ${result.id}  ${result.title}`;
  if (result.status === 'skipped') return `skipped       ${result.id}  ${result.title}`;
  const failed = result.failedItems ? `, ${result.failedItems} unusable items` : '';
  const skipped = result.skippedItems ? `, ${result.skippedItems} older items beyond the per-refresh limit skipped` : '';
  const pages = result.fullTextFetched || result.fullTextFailed ? `; full text ${result.fullTextFetched} fetched, ${result.fullTextFailed} failed` : '';
  const why = result.fullTextError ? ` (${result.fullTextError.message})` : '';
  const expired = result.expired ? `; ${result.expired} past retention moved to the trash` : '';
  return `refreshed     ${result.id}  ${result.title}: ${result.imported} new, ${result.updated} updated, ${result.unchanged} unchanged${failed}${skipped}${pages}${why}${expired}`;
}

export async function runSourcesCommand(args: ParsedArguments, call: TypedCaller, io: CliIo): Promise<number> {
  const { options } = args;
  const [sub, ...positionals] = args.positionals;
  const json = options.json === true;
  switch (sub) {
    case 'add': {
      const usage = 'sources add URL [--feed N] [--folder F] [--interval MIN] [--title T] [--full-text [auto|always|never]] [--photos on|off|library] [--keep-days N|forever]';
      const { mode, rest: others } = fullTextOption(options, positionals, 'always');
      const { photos, rest: left } = photosOption(options, others);
      const url = singlePositional(left, usage);
      const keepDays = keepDaysOption(options);
      const rest = { folder: options.folder, intervalMinutes: interval(options), title: options.title, fullText: mode, keepDays, photos };
      let added = await call('sources.add', { url, ...rest });
      if (added.status === 'choose' && options.feed !== undefined) {
        const chosen = added.feeds[parseCount(options.feed, 'feed', 0, added.feeds.length) - 1]!;
        added = await call('sources.add', { url: chosen.url, ...rest });
      }
      if (added.status === 'choose') {
        if (json) printJson(io, added);
        else {
          io.err(`${url} links to ${added.feeds.length} feeds; run again with --feed N, or add the feed's own URL:`);
          added.feeds.forEach((feed, index) => io.err(`  ${index + 1}. ${feed.title ?? '(untitled)'}  ${feed.url}  (${feed.type})`));
        }
        return 2;
      }
      if (json) printJson(io, added);
      else {
        for (const line of sourceLines(added.source)) io.out(line);
        io.out(refreshLine(added.refresh));
      }
      return added.refresh.status === 'failed' ? 1 : 0;
    }
    case 'list': {
      if (positionals.length) throw new UsageError('usage: newsroom-reader sources list [--json]');
      const sources = await call('sources.list', {});
      if (json) printJson(io, sources);
      else {
        for (const source of sources) for (const line of sourceLines(source)) io.out(line);
        io.out(`${sources.length} sources`);
      }
      return 0;
    }
    case 'refresh': {
      const target = options.all ? { all: true } : options.folder !== undefined ? { folder: options.folder } : positionals.length === 1 ? { id: positionals[0] } : null;
      if (!target || (positionals.length > 0 && (options.all || options.folder !== undefined)) || positionals.length > 1) {
        throw new UsageError('usage: newsroom-reader sources refresh ID|--all|--folder F');
      }
      const results = await call('sources.refresh', target);
      if (json) printJson(io, results);
      else for (const result of results) io.out(refreshLine(result));
      return results.some((result) => result.status === 'failed') ? 1 : 0;
    }
    case 'set': {
      // Without an ID, `--folder F` names the folder whose settings change.
      if (positionals.length === 0 && options.folder !== undefined) return runFolderSettings(options.folder, options, call, io);
      const { mode, rest: others } = fullTextOption(options, positionals, 'always');
      const { photos, rest: left } = photosOption(options, others);
      const id = singlePositional(left, 'sources set ID [--title T] [--folder F] [--interval MIN] [--pause|--resume] [--full-text auto|always|never] [--photos on|off|library] [--keep-days N|forever|folder]');
      if (options.pause && options.resume) throw new UsageError('choose one of --pause and --resume');
      const patch = {
        fullText: mode,
        photos,
        keepDays: keepDaysOption(options),
        title: options.title,
        // An empty --folder "" takes the source out of its folder.
        folder: options.folder === undefined ? undefined : options.folder.trim() === '' ? null : options.folder,
        intervalMinutes: interval(options),
        paused: options.pause ? true : options.resume ? false : undefined,
      };
      if (Object.values(patch).every((value) => value === undefined)) throw new UsageError('sources set needs --title, --folder, --interval, --pause, --resume, --full-text, --photos or --keep-days');
      const source = await call('sources.update', { id, patch });
      if (json) printJson(io, source);
      else for (const line of sourceLines(source)) io.out(line);
      return 0;
    }
    case 'remove': {
      const id = singlePositional(positionals, 'sources remove ID --keep-articles|--trash-articles');
      const keep = options['keep-articles'] === true;
      const trash = options['trash-articles'] === true;
      if (keep === trash) throw new UsageError('sources remove needs --keep-articles or --trash-articles (its articles are never deleted silently)');
      const removed = await call('sources.remove', { id, articles: keep ? 'keep' : 'trash' });
      if (json) printJson(io, removed);
      else io.out(`Removed ${removed.title}: ${removed.kept} articles kept, ${removed.trashed} moved to the trash`);
      return 0;
    }
    case 'folders':
      return runFolderSettings(null, options, call, io);
    case 'prune':
      return runRetention(positionals, options, call, io);
    default:
      throw new UsageError('usage: newsroom-reader sources add|list|refresh|set|remove|folders|prune …; run newsroom-reader help');
  }
}

export async function runOpmlCommand(args: ParsedArguments, call: TypedCaller, io: CliIo): Promise<number> {
  const { options } = args;
  const [sub, ...positionals] = args.positionals;
  const json = options.json === true;
  if (sub === 'import') {
    const file = singlePositional(positionals, 'opml import FILE');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const result = await call('opml.import', { opml: text });
    if (json) printJson(io, result);
    else {
      for (const source of result.added) io.out(`added     ${source.id}  ${source.title}  [${source.folder ?? 'no folder'}]  ${source.url}`);
      for (const existing of result.existing) io.out(`existing  ${existing.id}  ${existing.url}`);
      for (const problem of result.problems) io.err(`${file}:${problem.line}: ${problem.message}`);
      io.out(`${result.added.length} added, ${result.existing.length} already subscribed, ${result.problems.length} problems`);
    }
    return result.problems.length > 0 ? 1 : 0;
  }
  if (sub === 'export') {
    if (positionals.length) throw new UsageError('usage: newsroom-reader opml export [--out FILE]');
    const payload = await call('opml.export', {});
    if (options.out) {
      await writeFile(options.out, payload.opml, 'utf8');
      if (json) printJson(io, { path: options.out, count: payload.count });
      else io.out(`Exported ${payload.count} sources to ${options.out}`);
    } else io.out(payload.opml);
    return 0;
  }
  throw new UsageError('usage: newsroom-reader opml import FILE | opml export [--out FILE]');
}
