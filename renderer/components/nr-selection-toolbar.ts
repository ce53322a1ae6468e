import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ColorLabels } from '../../contract/index.ts';
import { ANNOTATION_COLORS, colorLabel, colorName } from '../annotation-colors.ts';
import { controls, highlightColors } from '../styles/tokens.ts';
import { emit, type SelectionAction } from '../events.ts';

/**
 * The floating toolbar over a text selection in the reader: highlight in a colour, highlight with a
 * note, or copy the quote with its citation. Emits `nr-selection-action` (not composed: the reader,
 * which knows what is selected, turns it into an annotation). Its host positions it.
 */
export class NrSelectionToolbar extends LitElement {
  static override properties = { labels: { attribute: false } };
  declare labels: ColorLabels | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.labels = null;
  }

  static override styles = [
    controls,
    highlightColors,
    css`
      :host {
        position: absolute;
        z-index: 5;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        max-width: min(24rem, calc(100% - 1rem));
        padding: 0.35rem;
        background: var(--nr-surface);
        border: 1px solid var(--nr-border);
        border-radius: var(--nr-radius);
        box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
        font-family: var(--nr-font-sans);
        font-size: 0.8rem;
      }
      button {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
  }

  override willUpdate(): void {
    // The host's own label, so it follows the language like the buttons do.
    this.setAttribute('aria-label', msg('Đánh dấu đoạn đã chọn'));
  }

  #emit(detail: SelectionAction): void {
    emit(this, 'nr-selection-action', detail);
  }

  // Pressing a button must not move focus or collapse the selection it acts on.
  #keepSelection = (event: MouseEvent): void => event.preventDefault();

  override render() {
    return html`${ANNOTATION_COLORS.map(
        (color) =>
          html`<button title=${msg(str`Đánh dấu màu ${colorName(color)}`, { desc: 'Tooltip: highlight in the named colour' })} @mousedown=${this.#keepSelection} @click=${() => this.#emit({ action: 'highlight', color })}>
            <span class="swatch hl-${color}"></span>${colorLabel(this.labels, color)}
          </button>`,
      )}
      <button title=${msg('Đánh dấu và viết ghi chú (n)', { desc: 'Tooltip; n is the keyboard shortcut' })} @mousedown=${this.#keepSelection} @click=${() => this.#emit({ action: 'note' })}><span aria-hidden="true">✎</span>${msg('Ghi chú', { id: 'selection.note', desc: 'Button: highlight and write a note' })}</button>
      <button title=${msg('Sao chép đoạn trích kèm nguồn')} @mousedown=${this.#keepSelection} @click=${() => this.#emit({ action: 'copy' })}>${msg('Sao chép trích dẫn')}</button>`;
  }
}

customElements.define('nr-selection-toolbar', NrSelectionToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'nr-selection-toolbar': NrSelectionToolbar;
  }
}
