import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Block } from '../../contract/index.ts';

/**
 * Where a new page of a paged document (PDF) begins in the reader: "Trang 3". Its text lives in its
 * shadow root, so selecting across it never adds "Trang 3" to a quote or shifts body offsets.
 */
export class NrPageBreak extends LitElement {
  static override properties = { page: { type: Number } };

  declare page: number;

  constructor() {
    super();
    this.page = 1;
    updateWhenLocaleChanges(this);
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 0.75em;
      margin: 1.5em 0 0.75em;
      color: var(--nr-muted, #666);
      font: 600 0.8rem var(--nr-font-sans, sans-serif);
      letter-spacing: 0.04em;
      user-select: none;
    }
    :host::before,
    :host::after {
      content: '';
      flex: 1;
      border-top: 1px solid currentColor;
      opacity: 0.35;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'separator');
  }

  override render(): TemplateResult {
    const label = msg(str`Trang ${this.page}`, { id: 'reader.page-break', desc: 'Separator in the reader where page N of a PDF begins' });
    this.setAttribute('aria-label', label);
    return html`<span>${label}</span>`;
  }
}

customElements.define('nr-page-break', NrPageBreak);

/** The page separator before `blocks[index]`, when that block starts a new page. */
export function pageBreakBefore(blocks: readonly Block[], index: number): TemplateResult | typeof nothing {
  const page = blocks[index]?.page;
  if (page === undefined || blocks[index - 1]?.page === page) return nothing;
  return html`<nr-page-break .page=${page} data-page=${page}></nr-page-break>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'nr-page-break': NrPageBreak;
  }
}
