import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Settings } from '../../contract/index.ts';
import { SETTINGS_BOUNDS, SETTINGS_DEFAULTS } from '../../contract/settings-defaults.ts';
import { settingsContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import type { SettingsPatch } from '../events.ts';
import type { SettingsModel } from '../state/settings-model.ts';
import { controls } from '../styles/tokens.ts';

/** The reader's typography, as remembered in the settings. */
export type ReaderPrefs = Pick<Settings, 'fontFamily' | 'fontSize' | 'lineWidth'>;
/** The limits the settings contract accepts. */
const { fontSize: FONT_SIZE, lineWidth: LINE_WIDTH } = SETTINGS_BOUNDS;

/** The CSS custom properties the reader's article takes its typography from. */
export function readerStyle(prefs: ReaderPrefs): Record<string, string> {
  return {
    '--nr-reader-font': prefs.fontFamily === 'sans' ? 'var(--nr-font-sans)' : 'var(--nr-font-serif)',
    '--nr-reader-size': `${prefs.fontSize}px`,
    '--nr-reader-measure': `${prefs.lineWidth}ch`,
  };
}

/**
 * Font family, font size and line width for reading: used by the settings view and by the reader's
 * "Aa" popover. Every change, while a slider moves too, goes to the settings model (settingsContext).
 */
export class NrReaderPrefs extends LitElement {
  /** The settings model <nr-app> provides: the values shown, and where a change goes (applied at once, remembered). */
  readonly #settings = new StateController<SettingsModel>(this, settingsContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  get #prefs(): ReaderPrefs {
    return this.#settings.value?.settings ?? SETTINGS_DEFAULTS;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: grid;
        gap: 0.7rem;
        font-family: var(--nr-font-sans);
        font-size: 0.9rem;
        color: var(--nr-text);
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1rem;
        align-items: center;
      }
      legend,
      .row > label {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.3rem;
      }
      fieldset label {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(6rem, 1fr) auto;
        gap: 0.3rem 0.5rem;
        align-items: center;
      }
      .row > label {
        grid-column: 1 / -1;
        margin: 0;
      }
      .row.with-steps {
        grid-template-columns: auto minmax(6rem, 1fr) auto auto;
      }
      input[type='range'] {
        width: 100%;
        accent-color: var(--nr-accent);
      }
      output {
        min-width: 4.5rem;
        font-variant-numeric: tabular-nums;
        color: var(--nr-text-muted);
      }
      .serif {
        font-family: var(--nr-font-serif);
      }
      .sans {
        font-family: var(--nr-font-sans);
      }
    `,
  ];

  #change(patch: SettingsPatch): void {
    this.#settings.value?.update(patch);
  }

  #size(size: number): void {
    const next = Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, size));
    if (next !== this.#prefs.fontSize) this.#change({ fontSize: next });
  }

  override render() {
    const { fontFamily, fontSize, lineWidth } = this.#prefs;
    const sizeText = msg(str`${fontSize} px`, { desc: 'Reader font size in CSS pixels' });
    const widthText = msg(str`${lineWidth} ký tự`, { desc: 'Reader line width, in characters per line' });
    return html`<fieldset>
        <legend>${msg('Kiểu chữ', { desc: 'Reader setting: font family (serif or sans-serif)' })}</legend>
        <label class="serif"
          ><input type="radio" name="family" value="serif" .checked=${fontFamily === 'serif'} @change=${() => this.#change({ fontFamily: 'serif' })} />${msg('Có chân (serif)')}</label
        >
        <label class="sans"
          ><input type="radio" name="family" value="sans" .checked=${fontFamily === 'sans'} @change=${() => this.#change({ fontFamily: 'sans' })} />${msg(
            'Không chân (sans-serif)',
          )}</label
        >
      </fieldset>
      <div class="row with-steps">
        <label for="size">${msg('Cỡ chữ', { desc: 'Reader setting: font size' })}</label>
        <button type="button" aria-label=${msg('Chữ nhỏ hơn')} ?disabled=${fontSize <= FONT_SIZE.min} @click=${() => this.#size(fontSize - 1)}>A−</button>
        <input
          id="size"
          type="range"
          min=${FONT_SIZE.min}
          max=${FONT_SIZE.max}
          step="1"
          .value=${String(fontSize)}
          aria-valuetext=${sizeText}
          @input=${(e: Event) => this.#size(Number((e.target as HTMLInputElement).value))}
        />
        <button type="button" aria-label=${msg('Chữ lớn hơn')} ?disabled=${fontSize >= FONT_SIZE.max} @click=${() => this.#size(fontSize + 1)}>A+</button>
        <output for="size">${sizeText}</output>
      </div>
      <div class="row">
        <label for="width">${msg('Độ rộng dòng', { desc: 'Reader setting: maximum line length' })}</label>
        <input
          id="width"
          type="range"
          min=${LINE_WIDTH.min}
          max=${LINE_WIDTH.max}
          step="1"
          .value=${String(lineWidth)}
          aria-valuetext=${widthText}
          @input=${(e: Event) => this.#change({ lineWidth: Number((e.target as HTMLInputElement).value) })}
        />
        <output for="width">${widthText}</output>
      </div>`;
  }
}

customElements.define('nr-reader-prefs', NrReaderPrefs);

declare global {
  interface HTMLElementTagNameMap {
    'nr-reader-prefs': NrReaderPrefs;
  }
}
