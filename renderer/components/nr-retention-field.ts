import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { KeepDays } from '../../contract/index.ts';
import { emit, type RetentionChoice } from '../events.ts';
import { controls, formFields } from '../styles/tokens.ts';

// The contract's bound (contract/sources.ts MAX_KEEP_DAYS, which layers.json keeps from the renderer); the host checks it again.
const MAX_KEEP_DAYS = 3650;
/** What the days field offers when nothing is set yet. */
const DEFAULT_DAYS = 30;

type Kind = 'folder' | 'forever' | 'days';

function kindOf(value: KeepDays): Kind {
  return value === null ? 'folder' : value === 'forever' ? 'forever' : 'days';
}

/**
 * How long a source's or a folder's items are kept: forever, a number of days then to the trash, or
 * (a source's, with `allow-folder`) as its folder says. Shows `value` (the retention the host has),
 * sends nr-retention-change with each choice, and takes part in its form's validation like an
 * <input>: days that are not a whole number from 1 to 3650 stop the form's submit (a form with
 * novalidate shows the same words below the field once `problem-shown` is set).
 */
export class NrRetentionField extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    value: { attribute: false },
    label: { type: String },
    allowFolder: { type: Boolean, attribute: 'allow-folder' },
    problemShown: { type: Boolean, attribute: 'problem-shown' },
    kind: { state: true },
    days: { state: true },
  };

  /** The retention as the host last said. */
  declare value: KeepDays;
  /** The choice's label (the field's own words differ between a source and a folder). */
  declare label: string;
  /** Offer "as the source's folder" (null). */
  declare allowFolder: boolean;
  /** Say below the field why the days cannot be saved, while they cannot. */
  declare problemShown: boolean;
  declare kind: Kind;
  /** The days as typed. */
  declare days: string;
  readonly #internals = this.attachInternals();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.value = 'forever';
    this.label = '';
    this.allowFolder = false;
    this.problemShown = false;
    this.kind = 'forever';
    this.days = String(DEFAULT_DAYS);
  }

  static override styles = [
    controls,
    formFields,
    css`
      :host {
        display: block;
      }
      .error {
        color: var(--nr-danger);
      }
      .error:empty {
        margin: 0;
      }
    `,
  ];

  /** Shows the host's retention again, dropping what was picked and typed since. */
  reset(): void {
    this.kind = kindOf(this.value);
    this.days = String(typeof this.value === 'number' ? this.value : DEFAULT_DAYS);
  }

  /** The choice the field shows now. */
  get choice(): RetentionChoice {
    if (this.kind === 'folder') return null;
    if (this.kind === 'forever') return 'forever';
    const days = Number(this.days);
    return Number.isInteger(days) && days >= 1 && days <= MAX_KEEP_DAYS ? days : 'invalid';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.reset();
  }

  protected override updated(): void {
    const invalid = this.choice === 'invalid';
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=keepdays]') ?? undefined;
    if (invalid) this.#internals.setValidity({ customError: true }, this.#problemText(), input);
    else this.#internals.setValidity({});
  }

  #problemText(): string {
    return msg(str`Số ngày là một số nguyên từ 1 đến ${MAX_KEEP_DAYS}.`, { desc: 'A folder’s retention days are out of range' });
  }

  #picked(kind: Kind, days: string): void {
    this.kind = kind;
    this.days = days;
    emit(this, 'nr-retention-change', this.choice);
  }

  override render() {
    const kind = this.kind;
    return html`<label for="keep">${this.label}</label>
      <select id="keep" name="keep" .value=${live(kind)} @change=${(e: Event) => this.#picked((e.target as HTMLSelectElement).value as Kind, this.days)}>
        ${this.allowFolder ? html`<option value="folder" ?selected=${kind === 'folder'}>${msg('Như thư mục của nguồn', { desc: 'Retention: follow the source’s folder' })}</option>` : nothing}
        <option value="forever" ?selected=${kind === 'forever'}>${msg('Mãi mãi', { desc: 'Retention: keep forever' })}</option>
        <option value="days" ?selected=${kind === 'days'}>${msg('Một số ngày rồi chuyển vào thùng rác', { desc: 'Retention: a number of days, then to the trash' })}</option>
      </select>
      ${kind === 'days'
        ? html`<label for="keepdays">${msg('Số ngày giữ (bài gắn sao, gắn thẻ, lưu trữ hay có ghi chú luôn được giữ)', { desc: 'Retention in days; starred, tagged, archived or annotated articles are always kept' })}</label>
            <input
              id="keepdays"
              name="keepdays"
              type="number"
              min="1"
              max=${MAX_KEEP_DAYS}
              step="1"
              required
              .value=${live(this.days)}
              aria-describedby="keep-problem"
              @input=${(e: Event) => this.#picked('days', (e.target as HTMLInputElement).value)}
            />`
        : nothing}
      <p id="keep-problem" class="error" role="alert">${this.problemShown && this.choice === 'invalid' ? this.#problemText() : nothing}</p>`;
  }
}

customElements.define('nr-retention-field', NrRetentionField);

declare global {
  interface HTMLElementTagNameMap {
    'nr-retention-field': NrRetentionField;
  }
}
