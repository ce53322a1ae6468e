import { Library } from '../library/index.ts';
import { SearchIndexManager } from '../search/index.ts';
import type { AppInfo } from '../electron/contract.ts';
import { appName, appVersion } from './app-version.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers, type HostServices } from './handlers.ts';
import { ImportJobs } from './import-jobs.ts';

export interface AppContextOptions {
  libraryDir: string;
  runtime: AppInfo['runtime'];
  /** What only a particular host can do (native dialogs); absent in `serve` and the CLI. */
  host?: HostServices;
  onUnexpectedError?: (command: string, error: unknown) => void;
}

/**
 * Everything a host needs: the library (source of truth), the derived search index, the event bus
 * and the validated command dispatcher. Electron main, `serve` and the CLI each open one of these.
 */
export class AppContext {
  readonly library: Library;
  readonly search: SearchIndexManager;
  readonly events = new EventBus();
  readonly dispatch: Dispatch;
  readonly info: AppInfo;
  readonly #unsubscribe: (() => void)[] = [];

  private constructor(library: Library, search: SearchIndexManager, options: AppContextOptions) {
    this.library = library;
    this.search = search;
    this.info = {
      name: appName,
      version: appVersion,
      libraryDir: library.dir,
      runtime: options.runtime,
      platform: process.platform,
      nodeVersion: process.versions.node,
    };
    const jobs = new ImportJobs();
    this.dispatch = createDispatcher(
      createHandlers({ app: this, jobs, host: options.host ?? {} }),
      options.onUnexpectedError,
    );
    this.#unsubscribe.push(
      library.onChange((change) => {
        search.notifyChanged(change);
        this.events.emit('library.changed', change);
      }),
      search.onState((state) => this.events.emit('search.state', { state })),
    );
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
    await this.search.close();
    this.library.close();
  }
}
