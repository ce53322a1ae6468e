// Only the constant: the importers themselves (jsdom, Readability…) load when something is imported.
import { DEFAULT_MAX_IMPORT_BYTES } from '../importers/import-types.ts';
import { MAX_PDF_IMPORT_BYTES } from '../contract/import-report.ts';
import { Library } from '../library/index.ts';
import { isDiskFull } from '../contract/errors.ts';
import { lockLibrary, LibraryInUseError } from '../library/library-lock.ts';
import type { SearchIndexManager } from '../search/index-manager.ts';
import type { AppInfo, Host } from '../contract/index.ts';
import { CommandError } from './command-error.ts';
import { appName, appVersion } from './app-version.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import type { HandlerContext } from './handler-context.ts';
import { createHandlers, type HostServices } from './handlers.ts';
import { ImportJobs } from './import-jobs.ts';
import { copyLibraryTo } from './library-relocation.ts';
import { SourceService, type SourceServiceOptions } from './source-service.ts';
import { WatchService } from './watch-service.ts';
import { ArchiveService, type ArchiveServiceOptions } from './archive-service.ts';

export interface AppContextOptions {
  libraryDir: string;
  runtime: AppInfo['runtime'];
  /** What only a particular host can do (native dialogs); absent in `serve` and the CLI. */
  host?: HostServices;
  onUnexpectedError?: (command: string, error: unknown) => void;
  /** Where the host remembers the library's new folder for the next start. */
  onLibraryMoved?: (libraryDir: string) => void;
  /**
   * For a command that neither searches nor changes what is indexed (the CLI's list, show, export):
   * the search code is not even imported, and the index is left as it is on disk.
   */
  withoutSearch?: boolean;
  /** Refresh subscribed sources in the background while this context is open (serve, the desktop core; not the CLI). */
  refreshSources?: boolean;
  /** Limits and clock of source refreshes; tests shorten them. */
  sources?: SourceServiceOptions;
  /** Sync with the shared archive in the background while this context is open (serve, the desktop core; not the CLI). */
  archiveSync?: boolean;
  /** Timings of the archive's background sync; tests shorten them. */
  archive?: Omit<ArchiveServiceOptions, 'background'>;
}

/** The search code (lunr, the compact index) is imported when a context needs it, not when this module loads. */
async function openSearch(library: Library): Promise<SearchIndexManager> {
  const [{ SearchIndexManager }, { removeStaleIndexTemps }] = await Promise.all([import('../search/index-manager.ts'), import('../search/index-file.ts')]);
  removeStaleIndexTemps(library.dir);
  return new SearchIndexManager({ dir: library.dir, source: library });
}

/**
 * Everything a host needs: the library (source of truth), the derived search index, the event bus
 * and the validated command dispatcher. Electron main, `serve` and the CLI each open one of these.
 */
export class AppContext implements HandlerContext {
  #library: Library;
  #search: SearchIndexManager | null;
  readonly events = new EventBus();
  /** For trusted in-process callers (Electron main's own menu, tests): every command. */
  readonly dispatch: Dispatch;
  readonly #hostDispatch: Record<Host, Dispatch>;
  info: AppInfo;
  readonly #options: AppContextOptions;
  readonly #unsubscribe: (() => void)[] = [];
  readonly #jobs = new ImportJobs();
  /** Subscriptions: their commands, and their background refresh when the host asked for it. */
  readonly sources: SourceService;
  /** Saved searches' new counts, recounted after every change. */
  readonly watch: WatchService;
  /** The link to the shared archive (PostgreSQL), if the library has one. */
  readonly archive: ArchiveService;
  #unlock: () => void;

  private constructor(library: Library, search: SearchIndexManager | null, unlock: () => void, options: AppContextOptions) {
    this.#library = library;
    this.#unlock = unlock;
    this.#search = search;
    this.#options = options;
    this.info = {
      name: appName,
      version: appVersion,
      libraryDir: library.dir,
      runtime: options.runtime,
      platform: process.platform,
      nodeVersion: process.versions.node,
      maxImportBytes: DEFAULT_MAX_IMPORT_BYTES,
      maxImportBytesByExtension: { pdf: MAX_PDF_IMPORT_BYTES },
    };
    this.sources = new SourceService(() => this.#library, options.sources, (ids) => this.events.emit('sources.changed', { ids }));
    this.watch = new WatchService({ library: () => this.#library, search: () => this.#search, events: this.events });
    this.archive = new ArchiveService(() => this.#library, this.events, options.host ?? {}, { ...options.archive, background: options.archiveSync === true });
    const handlers = createHandlers({ app: this, jobs: this.#jobs, host: options.host ?? {}, sources: this.sources, watch: this.watch, archive: this.archive });
    const explain = (error: unknown): CommandError | null => this.#explain(error);
    const onUnexpected = options.onUnexpectedError;
    this.dispatch = createDispatcher(handlers, { onUnexpected, explain });
    this.#hostDispatch = {
      cli: createDispatcher(handlers, { host: 'cli', onUnexpected, explain }),
      ipc: createDispatcher(handlers, { host: 'ipc', onUnexpected, explain }),
      serve: createDispatcher(handlers, { host: 'serve', onUnexpected, explain }),
    };
    this.#listen();
  }

  /** The dispatcher a host hands its callers: only the commands the contract gives that host. */
  dispatchFor(host: Host): Dispatch {
    return this.#hostDispatch[host];
  }

  #explain(error: unknown): CommandError | null {
    if (isDiskFull(error)) {
      const folder = this.#library.dir;
      return new CommandError('failed', `The disk holding ${folder} is full; nothing was changed. Free some space and try again.`, { kind: 'disk-full', folder });
    }
    return null;
  }

  get library(): Library {
    return this.#library;
  }

  get search(): SearchIndexManager {
    if (!this.#search) throw new Error('this command was started without search');
    return this.#search;
  }

  #listen(): void {
    const library = this.#library;
    const search = this.#search;
    this.#unsubscribe.push(
      library.onChange((change) => {
        search?.notifyChanged(change);
        this.events.emit('library.changed', change);
        this.archive.noteLocalChange();
      }),
    );
    if (search) this.#unsubscribe.push(search.onState((state) => this.events.emit('search.state', { state })));
  }

  /**
   * Moves the library to an empty folder: a verified copy is made first, then this context switches
   * to it and the host is told (`onLibraryMoved`) so the next start opens it. The old folder stays.
   */
  async moveLibrary(target: string): Promise<{ libraryDir: string; previousDir: string }> {
    await this.#search?.whenIdle();
    const previousDir = this.#library.dir;
    const libraryDir = await copyLibraryTo(this.#library, target);
    const unlock = lockLibrary(libraryDir);
    let library: Library;
    try {
      library = Library.open(libraryDir);
    } catch (error) {
      unlock();
      throw error;
    }
    const search = this.#search ? await openSearch(library) : null;
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search?.close();
    this.#library.close();
    this.#unlock();
    this.#unlock = unlock;
    this.#library = library;
    this.#search = search;
    this.info = { ...this.info, libraryDir: library.dir };
    this.#listen();
    await search?.open();
    this.#options.onLibraryMoved?.(library.dir);
    this.events.emit('library.changed', { changed: [], removed: [], generation: library.generation() });
    return { libraryDir: library.dir, previousDir };
  }

  /** Opens the library for this process; another process holding it is refused with LibraryInUseError. */
  static async open(options: AppContextOptions): Promise<AppContext> {
    const unlock = lockLibrary(options.libraryDir);
    let library: Library;
    try {
      library = Library.open(options.libraryDir);
    } catch (error) {
      unlock();
      throw error;
    }
    const search = options.withoutSearch ? null : await openSearch(library);
    const context = new AppContext(library, search, unlock, options);
    // Loading or rebuilding the index happens off the event loop; the app is usable meanwhile.
    await search?.open();
    if (options.refreshSources) context.sources.startScheduler((error) => options.onUnexpectedError?.('sources.refresh', error));
    context.archive.start();
    return context;
  }

  /**
   * `abandon` (a host shutting down): running imports are cancelled at their next transaction
   * boundary and a rebuild of the search index is given up rather than awaited; nothing half-written
   * stays, since every article commits on its own and the index is derived from the library.
   */
  async close(options: { abandon?: boolean } = {}): Promise<void> {
    if (options.abandon) await this.#jobs.cancelAll();
    await this.sources.close();
    await this.archive.close();
    this.watch.close();
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search?.close({ abandon: options.abandon === true });
    this.#library.close();
    this.#unlock();
  }
}

export { LibraryInUseError };
