// Events from a host to the renderer: one declaration of each name and payload type.
import type { ImportProgress } from './import-report.ts';
import type { LibraryChange } from './library-change.ts';
import { returns, type Returns } from './returns.ts';
import type { EventName } from './command-names.ts';
import type { LocaleSetting, Theme } from './settings-defaults.ts';
import type { SourcesChanged } from './sources.ts';
import type { WatchCounts } from './bulk.ts';
import type { ArchiveStatus } from './archive.ts';

export type { ImportProgress, LibraryChange };

export type SearchIndexState = 'loading' | 'building' | 'ready';

/**
 * Why the search index lags behind the library (its last update could not be written, e.g. the disk
 * was full): searches then answer from what was indexed, and say so instead of silently missing articles.
 */
export interface SearchIndexBehind {
  reason: 'disk-full' | 'write-failed';
  /** Articles the index holds, and articles the library holds, when known. */
  indexed?: number;
  total?: number;
}

/** Events from the host to the renderer. */
export const events = {
  'import.progress': returns<ImportProgress>(),
  'library.changed': returns<LibraryChange>(),
  'search.state': returns<{ state: SearchIndexState }>(),
  /** Application-menu actions the renderer carries out (import, export, theme, language, about). */
  'menu.action': returns<MenuAction>(),
  /** Sources added, changed, removed, or starting or ending a refresh: the sidebar reads sources.list again. */
  'sources.changed': returns<SourcesChanged>(),
  /** Saved searches' new counts, after the library changed and the index took the change in. */
  'watch.counts': returns<WatchCounts>(),
  /** The archive link's status changed: a sync started or ended, the outbox grew, a problem appeared or cleared. */
  'archive.status': returns<ArchiveStatus>(),
  /** Annotations changed without the renderer asking (pulled from the archive): readers of these articles reload them. */
  'annotations.changed': returns<{ articleIds: string[] }>(),
} as const satisfies Record<EventName, Returns<unknown>>;

export type MenuAction =
  | { action: 'import' }
  | { action: 'export' }
  | { action: 'settings' }
  | { action: 'theme'; theme: Theme }
  | { action: 'locale'; locale: LocaleSetting }
  | { action: 'about' };

export type EventPayload<E extends EventName> = (typeof events)[E] extends Returns<infer P> ? P : never;
