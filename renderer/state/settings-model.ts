import type { Settings } from '../../contract/index.ts';
import { SETTINGS_DEFAULTS } from '../../contract/settings-defaults.ts';
import type { SettingsPatch } from '../events.ts';
import type { CommandClient } from './client-port.ts';
import type { Notices } from './notices.ts';
import { Observable } from './observable.ts';

/** Settings changed in a burst (a slider moving, a separator dragged) are saved once they rest. */
export const SETTINGS_SAVE_MS = 300;

/**
 * The UI preferences as applied now. A change applies at once and is remembered through
 * settings.update once changes have rested, or at once on `save()` (the page going away).
 */
export class SettingsModel extends Observable {
  /** The host's defaults until settings.get answers. */
  settings: Settings = SETTINGS_DEFAULTS;
  /** Whether the settings apply yet: once the stored ones have arrived, or the user has changed one. */
  loaded = false;
  readonly #client: CommandClient;
  readonly #notices: Notices;
  #pending: SettingsPatch = {};
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: CommandClient, notices: Notices) {
    super();
    this.#client = client;
    this.#notices = notices;
  }

  /** Reads the stored settings; a failure is the caller's to show. */
  async load(): Promise<Settings> {
    this.settings = await this.#client.call('settings.get', {});
    this.loaded = true;
    this.changed();
    return this.settings;
  }

  update(patch: SettingsPatch): void {
    this.settings = { ...this.settings, ...patch };
    this.loaded = true;
    this.#pending = { ...this.#pending, ...patch };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.save(), SETTINGS_SAVE_MS);
    this.changed();
  }

  resizePane(pane: 'sidebar' | 'list', size: number): void {
    this.update({ paneSizes: { ...this.settings.paneSizes, [pane]: size } });
  }

  /** Sends what has not been saved yet, now. */
  save(): void {
    clearTimeout(this.#timer);
    const patch = this.#pending;
    this.#pending = {};
    if (Object.keys(patch).length) void this.#notices.attempt(() => this.#client.call('settings.update', { patch }));
  }
}
