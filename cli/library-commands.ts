import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppContext } from '../commands/app-context.ts';
import { encodingLabel, MAX_OFFSET, type CommandName, type CommandResult, type DecodedEncoding, type ImportReport } from '../contract/index.ts';
import { printJson, summaryLine, type CliIo } from './cli-output.ts';
import { followImportProgress } from './import-progress.ts';
import { annotate, exportAnnotations, listAnnotations } from './annotation-commands.ts';
import { articlePatchFrom } from './article-patch-options.ts';
import { parseCount, singlePositional, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';
import { runOpmlCommand, runSourcesCommand } from './source-commands.ts';
import { runWatchCommand } from './watch-commands.ts';
import { runSaveCommand } from './save-commands.ts';
import { runArchiveCommand } from './archive-commands.ts';

/** Commands that neither search nor change what the index holds: they run without loading search. */
export const COMMANDS_WITHOUT_SEARCH: ReadonlySet<string> = new Set(['list', 'show', 'export', 'annotations', 'backup', 'opml']);

async function call<N extends CommandName>(context: AppContext, name: N, args: unknown): Promise<CommandResult<N>> {
  const outcome = await context.dispatchFor('cli')(name, args);
  if (!outcome.ok) throw new UsageError(outcome.error.message);
  return outcome.value as CommandResult<N>;
}

/** Runs one command against the library through the command contract; returns the exit code. */
export async function runLibraryCommand(args: ParsedArguments, context: AppContext, io: CliIo): Promise<number> {
  const { options, positionals } = args;
  const json = options.json === true;
  switch (args.command) {
    case 'import':
      return importInputs(positionals, options.encoding, context, io, json);
    case 'list': {
      const page = await call(context, 'library.list', {
        view: options.view,
        tag: options.tag,
        collection: options.collection,
        source: options.source,
        from: options.from,
        to: options.to,
        sort: options.sort,
        offset: parseCount(options.offset, 'offset', 0, MAX_OFFSET, 0),
        limit: parseCount(options.limit, 'limit', 100, 1000),
      });
      if (json) printJson(io, page);
      else {
        for (const item of page.items) io.out(summaryLine(item));
        io.out(`${page.items.length} of ${page.total} articles`);
      }
      return 0;
    }
    case 'show': {
      const id = singlePositional(positionals, 'show ID');
      const article = await call(context, 'library.get', { id });
      if (json) printJson(io, article);
      else {
        io.out(summaryLine(article));
        if (article.author) io.out(`By ${article.author}`);
        if (article.url) io.out(article.url);
        io.out(`\n${article.title}\n\n${article.body}`);
      }
      return 0;
    }
    case 'search': {
      if (positionals.length === 0) throw new UsageError('search needs a QUERY');
      await context.search.whenIdle();
      const result = await call(context, 'search.query', {
        query: positionals.join(' '),
        limit: parseCount(options.limit, 'limit', 20, 500),
      });
      if (json) printJson(io, result);
      else {
        if (result.message) io.err(result.message);
        for (const hit of result.hits) io.out(`${hit.id}  ${hit.title}\n    ${hit.snippet.text.replace(/\s+/g, ' ')}`);
        io.out(`${result.total} results in ${result.tookMs} ms`);
      }
      return 0;
    }
    case 'sources':
      return runSourcesCommand(args, (name, a) => call(context, name, a), io);
    case 'opml':
      return runOpmlCommand(args, (name, a) => call(context, name, a), io);
    case 'watch':
      return runWatchCommand(args, (name, a) => call(context, name, a), io, () => context.search.whenIdle());
    case 'save':
      return runSaveCommand(args, (name, a) => call(context, name, a), io);
    case 'archive':
      return runArchiveCommand(args, (name, a) => call(context, name, a), io);
    case 'annotate':
      return annotate(args, (name, a) => call(context, name as CommandName, a), io);
    case 'annotations':
      return listAnnotations(args, (name, a) => call(context, name as CommandName, a), io);
    case 'export': {
      if (options.format !== undefined) return exportAnnotations(args, (name, a) => call(context, name as CommandName, a), io);
      // With ids, a selection; without, the whole library.
      const photos = options.photos === true ? { photos: true } : {};
      const payload = await call(context, 'library.export', positionals.length ? { ids: positionals, ...photos } : photos);
      if (options.out) {
        await writeFile(options.out, payload.ndjson, 'utf8');
        if (json) printJson(io, { path: options.out, count: payload.count });
        else io.out(`Exported ${payload.count} articles to ${options.out}`);
      } else io.out(payload.ndjson);
      return 0;
    }
    case 'backup': {
      const result = await call(context, 'library.backup', { path: singlePositional(positionals, 'backup FILE'), overwrite: options.overwrite === true });
      if (json) printJson(io, result);
      else io.out(`Backed up the library to ${result.path} (${result.bytes} bytes)`);
      return 0;
    }
    case 'set': {
      if (positionals.length === 0) throw new UsageError('set needs at least one ID');
      const patch = articlePatchFrom(options);
      const updated = [];
      for (const id of positionals) updated.push(await call(context, 'library.update', { id, patch }));
      if (json) printJson(io, updated);
      else for (const item of updated) io.out(summaryLine(item));
      return 0;
    }
    case 'move-library': {
      const moved = await call(context, 'library.move', { path: resolve(singlePositional(positionals, 'move-library DIR')) });
      if (json) printJson(io, moved);
      else io.out(`Moved the library to ${moved.libraryDir}; the old folder ${moved.previousDir} was left as it was.`);
      return 0;
    }
    case 'empty-trash': {
      const { count } = await call(context, 'library.emptyTrash', {});
      if (json) printJson(io, { count });
      else io.out(`Deleted for good: ${count}`);
      return 0;
    }
    case 'delete':
    case 'restore': {
      if (positionals.length === 0) throw new UsageError(`${args.command} needs at least one ID`);
      const name = args.command === 'delete' ? 'library.trash' : 'library.restore';
      const { count } = await call(context, name, { ids: positionals });
      if (json) printJson(io, { count });
      else io.out(`${args.command === 'delete' ? 'Moved to the trash' : 'Restored'}: ${count}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${args.command}"; run newsroom-reader help`);
  }
}

/** "  (decoded from TCVN3 (ABC), repaired: it had been garbled into UTF-8)", for files that were not plain UTF-8. */
function encodingNote(encoding: DecodedEncoding | undefined): string {
  if (!encoding) return '';
  const how = encoding.how === 'chosen' ? 'as chosen' : encoding.how === 'declared' ? 'as the page declares' : 'detected';
  return `  (${encodingLabel(encoding)}, ${how}${encoding.garbled ? '; repaired: it had been garbled into UTF-8' : ''})`;
}

async function importInputs(inputs: string[], encoding: string | undefined, context: AppContext, io: CliIo, json: boolean): Promise<number> {
  if (inputs.length === 0) throw new UsageError('import needs at least one PATH or URL');
  const urls = inputs.filter((input) => /^https?:\/\//i.test(input));
  const paths = inputs.filter((input) => !/^https?:\/\//i.test(input));
  const reports: ImportReport[] = [];
  const { progress } = io;
  const stopFollowing = progress ? followImportProgress(context.events, { write: progress }) : () => {};
  try {
    // The name is checked by the command's schema, which lists the known ones when it is wrong.
    const chosen = encoding === undefined ? {} : { encoding };
    if (paths.length) reports.push(await call(context, 'library.importPaths', { jobId: randomUUID(), paths, ...chosen }));
    if (urls.length) reports.push(await call(context, 'library.importUrls', { jobId: randomUUID(), urls, ...chosen }));
  } finally {
    stopFollowing();
    progress?.('');
  }
  const report = {
    imported: reports.flatMap((r) => r.imported),
    duplicates: reports.flatMap((r) => r.duplicates),
    failed: reports.flatMap((r) => r.failed),
  };
  if (json) printJson(io, report);
  else {
    for (const item of report.imported) io.out(`imported   ${item.id}  ${item.title}${encodingNote(item.encoding)}`);
    for (const item of report.duplicates) io.out(`duplicate  ${item.id}  ${item.path}${encodingNote(item.encoding)}`);
    for (const item of report.failed) io.err(`failed     ${item.path}: ${item.error}`);
    io.out(`${report.imported.length} imported, ${report.duplicates.length} duplicates, ${report.failed.length} failed`);
  }
  return report.failed.length > 0 ? 1 : 0;
}
