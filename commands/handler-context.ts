// What the command handlers need from the running app, and no more. AppContext implements it; the
// handlers never see the concrete class, so commands/app-context.ts and the handlers do not import
// each other, and a test can hand the handlers a context of its own.
import type { AppInfo } from '../contract/index.ts';
import type { Library } from '../library/index.ts';
import type { SearchIndexManager } from '../search/index.ts';
import type { EventBus } from './event-bus.ts';

export interface HandlerContext {
  /** Read at call time: moving the library swaps the library and the search index it holds. */
  readonly library: Library;
  readonly search: SearchIndexManager;
  readonly events: EventBus;
  readonly info: AppInfo;
  moveLibrary(target: string): Promise<{ libraryDir: string; previousDir: string }>;
}
