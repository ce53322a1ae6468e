import { appVersion } from '../commands/app-version.ts';
import { resolveLibraryDir, usesRememberedLibrary, writeLibraryPointer } from '../commands/library-location.ts';
import { processIo, type CliIo } from './cli-output.ts';
import { HELP_TEXT } from './help-text.ts';
import { parseArguments, parseCount, type ParsedArguments } from './parse-arguments.ts';

// Everything else is imported by the command that needs it: `--version` and `help` load nothing
// more, `list` loads the library but not search or the importers (jsdom alone costs over a second).

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
    if (args.command === 'archive' && (args.positionals[0] === 'init' || args.positionals[0] === 'desk')) {
      // The admin's commands act on the archive itself: no library is opened.
      const { runArchiveAdminCommand } = await import('./archive-commands.ts');
      return await runArchiveAdminCommand(args, io);
    }
    const [{ AppContext }, { runLibraryCommand, COMMANDS_WITHOUT_SEARCH }] = await Promise.all([
      import('../commands/app-context.ts'),
      import('./library-commands.ts'),
    ]);
    const withoutSearch = COMMANDS_WITHOUT_SEARCH.has(args.command);
    const context = await AppContext.open({ libraryDir, runtime: 'browser', onLibraryMoved, withoutSearch });
    try {
      return await runLibraryCommand(args, context, io);
    } finally {
      // Let incremental index updates reach disk before the process exits.
      if (!withoutSearch) await context.search.whenIdle();
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

async function serve(args: ParsedArguments, libraryDir: string, io: CliIo, onLibraryMoved?: (dir: string) => void): Promise<number> {
  const port = args.options.port === undefined ? 0 : parseCount(args.options.port, 'port', 0, 65_535, 0);
  const { startServeHost } = await import('../serve/index.ts');
  const allowLoopbackSources = args.options['allow-loopback-sources'] === true;
  const host = await startServeHost({ libraryDir, port, log: (line) => io.out(line), onLibraryMoved, allowLoopbackSources });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}
