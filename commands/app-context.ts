import { DEFAULT_MAX_IMPORT_BYTES } from '../importers/index.ts';
import { Library } from '../library/index.ts';
import { SearchIndexManager } from '../search/index.ts';
import type { AppInfo } from '../contract/index.ts';
import { appName, appVersion } from './app-version.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import type { HandlerContext } from './handler-context.ts';
import { createHandlers } from './handlers.ts';
import { ImportJobs } from './import-jobs.ts';
import { copyLibraryTo } from './library-relocation.ts';

export interface AppContextOptions {
  libraryDir: string;
  runtime: AppInfo['runtime'];
  onUnexpectedError?: (command: string, error: unknown) => void;
  /** Where the host remembers the library's new folder for the next start. */
  onLibraryMoved?: (libraryDir: string) => void;
}

/**
 * Everything a host needs: the library (source of truth), the derived search index, the event bus
 * and the validated command dispatcher. Electron main, `serve` and the CLI each open one of these.
 */
export class AppContext implements HandlerContext {
  #library: Library;
  #search: SearchIndexManager;
  readonly events = new EventBus();
  readonly dispatch: Dispatch;
  info: AppInfo;
  readonly #options: AppContextOptions;
  readonly #unsubscribe: (() => void)[] = [];

  private constructor(library: Library, search: SearchIndexManager, options: AppContextOptions) {
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
      createHandlers({ app: this, jobs }),
      options.onUnexpectedError,
    );
    this.#listen();
  }

  get library(): Library {
    return this.#library;
  }

  get search(): SearchIndexManager {
    return this.#search;
  }

  #listen(): void {
    const library = this.#library;
    const search = this.#search;
    this.#unsubscribe.push(
      library.onChange((change) => {
        search.notifyChanged(change);
        this.events.emit('library.changed', change);
      }),
      search.onState((state) => this.events.emit('search.state', { state })),
    );
  }

  /**
   * Moves the library to an empty folder: a verified copy is made first, then this context switches
   * to it and the host is told (`onLibraryMoved`) so the next start opens it. The old folder stays.
   */
  async moveLibrary(target: string): Promise<{ libraryDir: string; previousDir: string }> {
    await this.#search.whenIdle();
    const previousDir = this.#library.dir;
    const libraryDir = await copyLibraryTo(this.#library, target);
    const library = Library.open(libraryDir);
    const search = new SearchIndexManager({ dir: library.dir, source: library });
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search.close();
    this.#library.close();
    this.#library = library;
    this.#search = search;
    this.info = { ...this.info, libraryDir: library.dir };
    this.#listen();
    await search.open();
    this.#options.onLibraryMoved?.(library.dir);
    this.events.emit('library.changed', { changed: [], removed: [], generation: library.generation() });
    return { libraryDir: library.dir, previousDir };
  }

  static async open(options: AppContextOptions): Promise<AppContext> {
    const library = Library.open(options.libraryDir);
    const search = new SearchIndexManager({ dir: library.dir, source: library });
    const context = new AppContext(library, search, options);
    // Loading or rebuilding the index happens off the event loop; the app is usable meanwhile.
    await search.open();
    return context;
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#search.close();
    this.#library.close();
  }
}
