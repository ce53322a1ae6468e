// Only the constant: the importers themselves (jsdom, Readability…) load when something is imported.
import { DEFAULT_MAX_IMPORT_BYTES } from '../importers/import-types.ts';
import { Library } from '../library/index.ts';
import type { SearchIndexManager } from '../search/index-manager.ts';
import type { AppInfo } from '../contract/index.ts';
import { appName, appVersion } from './app-version.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers, type HostServices } from './handlers.ts';
import { ImportJobs } from './import-jobs.ts';
import { copyLibraryTo } from './library-relocation.ts';

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
}

/** The search code (lunr, the compact index) is imported when a context needs it, not when this module loads. */
async function openSearch(library: Library): Promise<SearchIndexManager> {
  const { SearchIndexManager } = await import('../search/index-manager.ts');
  return new SearchIndexManager({ dir: library.dir, source: library });
}

/**
 * Everything a host needs: the library (source of truth), the derived search index, the event bus
 * and the validated command dispatcher. Electron main, `serve` and the CLI each open one of these.
 */
export class AppContext {
  #library: Library;
  #search: SearchIndexManager | null;
  readonly events = new EventBus();
  readonly dispatch: Dispatch;
  info: AppInfo;
  readonly #options: AppContextOptions;
  readonly #unsubscribe: (() => void)[] = [];

  private constructor(library: Library, search: SearchIndexManager | null, options: AppContextOptions) {
    this.#library = library;
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
    };
    const jobs = new ImportJobs();
    this.dispatch = createDispatcher(
      createHandlers({ app: this, jobs, host: options.host ?? {} }),
      options.onUnexpectedError,
    );
    this.#listen();
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
    const library = Library.open(libraryDir);
    const search = this.#search ? await openSearch(library) : null;
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search?.close();
    this.#library.close();
    this.#library = library;
    this.#search = search;
    this.info = { ...this.info, libraryDir: library.dir };
    this.#listen();
    await search?.open();
    this.#options.onLibraryMoved?.(library.dir);
    this.events.emit('library.changed', { changed: [], removed: [], generation: library.generation() });
    return { libraryDir: library.dir, previousDir };
  }

  static async open(options: AppContextOptions): Promise<AppContext> {
    const library = Library.open(options.libraryDir);
    const search = options.withoutSearch ? null : await openSearch(library);
    const context = new AppContext(library, search, options);
    // Loading or rebuilding the index happens off the event loop; the app is usable meanwhile.
    await search?.open();
    return context;
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search?.close();
    this.#library.close();
  }
}
