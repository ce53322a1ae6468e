import type { CommandOutcome, Settings } from '../contract/index.ts';
import { resolveUiLocale, type UiLocale } from './menu-labels.ts';

/**
 * Keeps the native menu in the UI's language. main.ts builds the menu through `rebuild`; this decides
 * when: once the saved setting is known at start, then after every settings.update that changes the
 * language. The menu is rebuilt only when the resolved language really changes, because Electron
 * closes an open menu when the application menu is replaced.
 */
export class MenuLanguage {
  readonly #systemLanguages: () => readonly string[];
  readonly #rebuild: (locale: UiLocale) => void;
  #current: UiLocale | null = null;

  constructor(systemLanguages: () => readonly string[], rebuild: (locale: UiLocale) => void) {
    this.#systemLanguages = systemLanguages;
    this.#rebuild = rebuild;
  }

  /** The language the menu is in now; null before the first apply. */
  get current(): UiLocale | null {
    return this.#current;
  }

  apply(setting: Settings['locale']): void {
    const next = resolveUiLocale(setting, this.#systemLanguages());
    if (next === this.#current) return;
    this.#current = next;
    this.#rebuild(next);
  }

  /** Called with every command the window sends and its answer; follows the ones that change the language. */
  afterCommand(name: string, outcome: CommandOutcome<unknown>): void {
    if (name !== 'settings.update' || !outcome.ok) return;
    const locale = (outcome.value as Partial<Settings> | null)?.locale;
    if (locale) this.apply(locale);
  }
}
