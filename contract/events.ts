// Events from a host to the renderer: one declaration of each name and payload type.
import type { ImportProgress, LibraryChange } from '../library/model.ts';
import { returns, type Returns } from './returns.ts';
import type { EventName } from './command-names.ts';
import type { LocaleSetting, Theme } from './settings-defaults.ts';

export type { ImportProgress, LibraryChange };

export type SearchIndexState = 'loading' | 'building' | 'ready';

/** Events from the host to the renderer. */
export const events = {
  'import.progress': returns<ImportProgress>(),
  'library.changed': returns<LibraryChange>(),
  'search.state': returns<{ state: SearchIndexState }>(),
  /** Application-menu actions the renderer carries out (import, export, theme, language, about). */
  'menu.action': returns<MenuAction>(),
} as const satisfies Record<EventName, Returns<unknown>>;

export type MenuAction =
  | { action: 'import' }
  | { action: 'export' }
  | { action: 'settings' }
  | { action: 'theme'; theme: Theme }
  | { action: 'locale'; locale: LocaleSetting }
  | { action: 'about' };

export type EventPayload<E extends EventName> = (typeof events)[E] extends Returns<infer P> ? P : never;
