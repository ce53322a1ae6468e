import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { BriefFormat, BriefOrder, CitationStyle } from '../../contract/index.ts';
import { CITATION_STYLES } from '../../contract/settings-defaults.ts';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';

/** The names of the citation styles, in the UI language. */
export function citationStyleName(style: CitationStyle): string {
  switch (style) {
    case 'vi-press':
      return msg('Báo chí Việt Nam', { desc: 'Citation style: the plain Vietnamese press style' });
    case 'apa':
      return 'APA';
    case 'chicago':
      return msg('Chicago (tác giả–năm)', { desc: 'Citation style: Chicago author-date' });
  }
}

/**
 * The brief export form of the All annotations view: format, order of the articles and citation
 * style. Emits `nr-brief-export` (BriefRequest) and, when the style changes, `nr-citation-style` (it is
 * also what "copy as quote" uses). The filter is the view's as it stands.
 */
export class NrBriefExport extends LitElement {
  static override properties = {
    citationStyle: { attribute: false },
    count: { attribute: false },
    busy: { attribute: false },
  };
  declare citationStyle: CitationStyle;
  /** How many annotations the view shows: nothing to export when none. */
  declare count: number;
  declare busy: boolean;
  #format: BriefFormat = 'md';
  #order: BriefOrder = 'published-desc';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.citationStyle = 'vi-press';
    this.count = 0;
    this.busy = false;
  }

  static override styles = [
    controls,
    css`
      details {
        margin-top: 0.5rem;
        font-size: 0.82rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      form {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.35rem 0.5rem;
        align-items: center;
        margin-top: 0.4rem;
      }
      select {
        max-width: 100%;
      }
      .actions {
        grid-column: 1 / -1;
      }
    `,
  ];

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    emit(this, 'nr-brief-export', { format: this.#format, order: this.#order, style: this.citationStyle });
  }

  override render() {
    const orders: [BriefOrder, string][] = [
      ['published-desc', msg('Mới xuất bản trước', { desc: 'Brief order: newest publication first' })],
      ['published-asc', msg('Cũ xuất bản trước', { desc: 'Brief order: oldest publication first' })],
      ['title', msg('Theo tiêu đề', { desc: 'Brief order: by title' })],
      ['source', msg('Theo nguồn', { desc: 'Brief order: by source' })],
      ['annotated', msg('Ghi chú gần nhất trước', { desc: 'Brief order: most recently annotated first' })],
    ];
    return html`<details>
      <summary>${msg('Xuất bản tổng hợp trích dẫn…', { desc: 'Opens the form that exports the filtered annotations as one brief (Markdown or Word)' })}</summary>
      <form @submit=${(e: SubmitEvent) => this.#submit(e)}>
        <label for="format">${msg('Định dạng', { desc: 'Brief export: file format' })}</label>
        <select id="format" @change=${(e: Event) => (this.#format = (e.target as HTMLSelectElement).value as BriefFormat)}>
          <option value="md">Markdown (.md)</option>
          <option value="docx">Word (.docx)</option>
        </select>
        <label for="order">${msg('Thứ tự bài', { desc: 'Brief export: order of the articles' })}</label>
        <select id="order" @change=${(e: Event) => (this.#order = (e.target as HTMLSelectElement).value as BriefOrder)}>
          ${orders.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
        </select>
        <label for="style">${msg('Kiểu trích nguồn', { desc: 'Brief export: citation style (also used by copy as quote)' })}</label>
        <select id="style" @change=${(e: Event) => emit(this, 'nr-citation-style', (e.target as HTMLSelectElement).value as CitationStyle)}>
          ${CITATION_STYLES.map((style) => html`<option value=${style} ?selected=${style === this.citationStyle}>${citationStyleName(style)}</option>`)}
        </select>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.count === 0 || this.busy}>${msg('Xuất bản tổng hợp', { desc: 'Button: export the brief' })}</button>
        </div>
      </form>
    </details>`;
  }
}

customElements.define('nr-brief-export', NrBriefExport);

declare global {
  interface HTMLElementTagNameMap {
    'nr-brief-export': NrBriefExport;
  }
}
