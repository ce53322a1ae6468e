import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SettingsModel } from '../state/settings-model.ts';

/** The app shell: its reflected `theme` attribute picks the colours (styles/app-styles.ts). */
type ThemedHost = ReactiveControllerHost & HTMLElement & { theme: string };

/**
 * The colour theme the shell applies: the one chosen in the settings, with 'system' resolved to light
 * or dark as the OS prefers now, and followed as the OS switches. Until the stored settings arrive
 * the app stays light, whatever the defaults say.
 */
export class ThemeController implements ReactiveController {
  readonly #host: ThemedHost;
  readonly #settings: SettingsModel;
  readonly #darkScheme = matchMedia('(prefers-color-scheme: dark)');

  constructor(host: ThemedHost, settings: SettingsModel) {
    this.#host = host;
    this.#settings = settings;
    host.addController(this);
  }

  /** What 'system' means now. */
  get systemTheme(): 'dark' | 'light' {
    return this.#darkScheme.matches ? 'dark' : 'light';
  }

  hostConnected(): void {
    this.#darkScheme.addEventListener('change', this.#onSchemeChange);
  }

  hostDisconnected(): void {
    this.#darkScheme.removeEventListener('change', this.#onSchemeChange);
  }

  hostUpdate(): void {
    const { settings, loaded } = this.#settings;
    if (!loaded) return;
    this.#host.theme = settings.theme === 'system' ? this.systemTheme : settings.theme;
  }

  /** The OS switched between light and dark: 'system' follows at once. */
  #onSchemeChange = (): void => this.#host.requestUpdate();
}
