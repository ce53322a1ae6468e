import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppContext } from '../commands/app-context.ts';
import { appVersion } from '../commands/app-version.ts';
import { resolveLibraryDir, usesRememberedLibrary, writeLibraryPointer } from '../commands/library-location.ts';
import type { CommandName, CommandResult } from '../contract/index.ts';
import type { ImportReport } from '../library/model.ts';
import { startServeHost } from '../serve/index.ts';
import { printJson, processIo, summaryLine, type CliIo } from './cli-output.ts';
import { annotate, exportAnnotations, listAnnotations } from './annotation-commands.ts';
import { articlePatchFrom } from './article-patch-options.ts';
import { HELP_TEXT } from './help-text.ts';
import { followImportProgress } from './import-progress.ts';
import { parseArguments, parseCount, type ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

/** Runs one CLI invocation and returns its exit code; `serve` resolves only when the server stops. */
export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args.options.version) {
      io.out(appVersion);
      return 0;
    }
    if (args.options.help || args.command === 'help') {
      io.out(HELP_TEXT);
      return 0;
    }
    const libraryDir = resolveLibraryDir(args.options.library, env);
    // A library moved from the app is remembered only when it is the app's own, not a --library folder.
    const onLibraryMoved = usesRememberedLibrary(args.options.library, env) ? (dir: string) => writeLibraryPointer(dir, env) : undefined;
    if (args.command === 'serve') return await serve(args, libraryDir, io, onLibraryMoved);
    const context = await AppContext.open({ libraryDir, runtime: 'browser', onLibraryMoved });
    try {
      return await runLibraryCommand(args, context, io);
    } finally {
      // Let incremental index updates reach disk before the process exits.
      await context.search.whenIdle();
      await context.close();
    }
  } catch (error) {
    io.err(`newsroom-reader: ${oneLine(error)}`);
    return 2;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

async function call<N extends CommandName>(context: AppContext, name: N, args: unknown): Promise<CommandResult<N>> {
  const outcome = await context.dispatch(name, args);
  if (!outcome.ok) throw new UsageError(outcome.error.message);
  return outcome.value as CommandResult<N>;
}

async function serve(args: ParsedArguments, libraryDir: string, io: CliIo, onLibraryMoved?: (dir: string) => void): Promise<number> {
  const port = args.options.port === undefined ? 0 : parseCount(args.options.port, 'port', 0, 65_535, 0);
  const host = await startServeHost({ libraryDir, port, log: (line) => io.out(line), onLibraryMoved });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

async function runLibraryCommand(args: ParsedArguments, context: AppContext, io: CliIo): Promise<number> {
  const { options, positionals } = args;
  const json = options.json === true;
  switch (args.command) {
    case 'import':
      return importInputs(positionals, context, io, json);
    case 'list': {
      const page = await call(context, 'library.list', {
        view: options.view,
        tag: options.tag,
        collection: options.collection,
        source: options.source,
        from: options.from,
        to: options.to,
        sort: options.sort,
        offset: options.offset === undefined ? undefined : Number(options.offset),
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
      const id = single(positionals, 'show ID');
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
    case 'annotate':
      return annotate(args, (name, a) => call(context, name as CommandName, a), io);
    case 'annotations':
      return listAnnotations(args, (name, a) => call(context, name as CommandName, a), io);
    case 'export': {
      if (options.format !== undefined) return exportAnnotations(args, (name, a) => call(context, name as CommandName, a), io);
      // With ids, a selection; without, the whole library.
      const payload = await call(context, 'library.export', positionals.length ? { ids: positionals } : {});
      if (options.out) {
        await writeFile(options.out, payload.ndjson, 'utf8');
        if (json) printJson(io, { path: options.out, count: payload.count });
        else io.out(`Exported ${payload.count} articles to ${options.out}`);
      } else io.out(payload.ndjson);
      return 0;
    }
    case 'backup': {
      const result = await call(context, 'library.backup', { path: single(positionals, 'backup FILE') });
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
      const moved = await call(context, 'library.move', { path: resolve(single(positionals, 'move-library DIR')) });
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

function single(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(`usage: newsroom-reader ${usage}`);
  return positionals[0]!;
}

async function importInputs(inputs: string[], context: AppContext, io: CliIo, json: boolean): Promise<number> {
  if (inputs.length === 0) throw new UsageError('import needs at least one PATH or URL');
  const urls = inputs.filter((input) => /^https?:\/\//i.test(input));
  const paths = inputs.filter((input) => !/^https?:\/\//i.test(input));
  const reports: ImportReport[] = [];
  const { progress } = io;
  const stopFollowing = progress ? followImportProgress(context.events, { write: progress }) : () => {};
  try {
    if (paths.length) reports.push(await call(context, 'library.importPaths', { jobId: randomUUID(), paths }));
    if (urls.length) reports.push(await call(context, 'library.importUrls', { jobId: randomUUID(), urls }));
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
    for (const item of report.imported) io.out(`imported   ${item.id}  ${item.title}`);
    for (const item of report.duplicates) io.out(`duplicate  ${item.id}  ${item.path}`);
    for (const item of report.failed) io.err(`failed     ${item.path}: ${item.error}`);
    io.out(`${report.imported.length} imported, ${report.duplicates.length} duplicates, ${report.failed.length} failed`);
  }
  return report.failed.length > 0 ? 1 : 0;
}
