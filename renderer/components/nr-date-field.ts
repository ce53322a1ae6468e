import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { datePattern, formatDateInput, parseDateInput } from '../date-input.ts';
import { getLocale } from '../localization/app-locale.ts';
import { emit } from '../events.ts';

/**
 * A date typed in the UI's language (dd/mm/yyyy in Vietnamese) instead of the browser's own date
 * input, checked when the field is left or Enter is pressed: a date it cannot read or a day that does
 * not exist is said beside it and nothing is filtered. Emits `nr-date-change` (YYYY-MM-DD or null).
 */
export class NrDateField extends LitElement {
  static override properties = {
    value: { attribute: false },
    label: { type: String },
    problem: { state: true },
  };
  /** YYYY-MM-DD, or undefined for no date. */
  declare value: string | undefined;
  /** The field's accessible name. */
  declare label: string;
  declare problem: string | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.value = undefined;
    this.label = '';
    this.problem = null;
  }

  static override styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
    }
    input {
      font: inherit;
      width: 7.5rem;
      background: var(--nr-surface);
      color: var(--nr-text);
      border: 1px solid var(--nr-border-strong);
      border-radius: 999px;
      padding: 0.15rem 0.5rem;
    }
    input[aria-invalid='true'] {
      border-color: var(--nr-danger);
    }
    .problem {
      color: var(--nr-danger);
      font-size: 0.75rem;
      max-width: 14rem;
    }
  `;

  #commit(input: HTMLInputElement): void {
    const language = getLocale() === 'en' ? 'en' : 'vi';
    const parsed = parseDateInput(input.value, language);
    if (!parsed.ok) {
      const pattern = datePattern(language);
      this.problem =
        parsed.problem === 'format'
          ? msg(str`Không đọc được ngày này; hãy gõ theo dạng ${pattern}.`, { desc: 'Date field error; the pattern is dd/mm/yyyy or yyyy-mm-dd' })
          : msg('Không có ngày này trong lịch.', { desc: 'Date field error: e.g. 31/02' });
      return;
    }
    this.problem = null;
    if ((parsed.iso ?? undefined) !== this.value) emit(this, 'nr-date-change', parsed.iso);
  }

  override render() {
    const language = getLocale() === 'en' ? 'en' : 'vi';
    return html`<input
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-label=${this.label}
        aria-invalid=${this.problem ? 'true' : 'false'}
        aria-describedby="problem"
        placeholder=${datePattern(language)}
        .value=${formatDateInput(this.value, language)}
        @change=${(e: Event) => this.#commit(e.target as HTMLInputElement)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#commit(e.target as HTMLInputElement)}
      /><span id="problem" class="problem" role="alert">${this.problem ?? nothing}</span>`;
  }
}

customElements.define('nr-date-field', NrDateField);

declare global {
  interface HTMLElementTagNameMap {
    'nr-date-field': NrDateField;
  }
}
