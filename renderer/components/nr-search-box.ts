import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';

/**
 * The search field; emits `nr-search-input` with the text after every key (the search session sends it
 * at once and paints its results once typing pauses, search-typing.ts), and `nr-search` on Enter (a
 * lone letter is searched only then) and Esc (the box emptied).
 */
export class NrSearchBox extends LitElement {
  static override properties = { value: { type: String } };
  declare value: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.value = '';
  }

  static override styles = [
    controls,
    css`
      :host {
        display: flex;
        gap: 0.3rem;
        align-items: center;
      }
      .help {
        flex: none;
        width: 2rem;
        height: 2rem;
        padding: 0;
        border-radius: 999px;
      }
      [popover] {
        max-width: 26rem;
        padding: 0.6rem 0.9rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-surface);
        color: var(--nr-text);
        font-size: 0.85rem;
        line-height: 1.5;
      }
      [popover] h2 {
        margin: 0 0 0.3rem;
        font-size: 0.9rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 0.7rem;
        margin: 0;
      }
      dt {
        font-family: var(--nr-font-mono, monospace);
        white-space: nowrap;
      }
      dd {
        margin: 0;
      }
      input {
        flex: 1;
        min-width: 0;
        width: 100%;
        box-sizing: border-box;
        padding: 0.45rem 0.7rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-surface);
      }
    `,
  ];

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  #onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    this.value = text;
    emit(this, 'nr-search-input', text);
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      this.value = '';
      (event.target as HTMLInputElement).value = '';
      emit(this, 'nr-search', '');
    } else if (event.key === 'Enter') {
      emit(this, 'nr-search', (event.target as HTMLInputElement).value);
    }
  };

  /** The query language in short, from the "?" beside the box (a native popover: Esc and clicking away close it). */
  #operatorHelp() {
    const rows: [string, string][] = [
      [msg('"ngừng bắn"', { desc: 'Search help: an example query; keep the operator and the quotes' }), msg('cụm từ đứng liền nhau', { desc: 'Search help: a quoted phrase' })],
      [msg('-chứng khoán', { desc: 'Search help: an example query; keep the operator and the quotes' }), msg('loại bài có từ này', { desc: 'Search help: minus excludes a word' })],
      [msg('title:lũ', { desc: 'Search help: an example query; keep the operator and the quotes' }), msg('từ trong tiêu đề', { desc: 'Search help: title: operator' })],
      ['source:vnexpress', msg('theo nguồn', { desc: 'Search help: source: operator' })],
      [msg('tag:"kinh tế"', { desc: 'Search help: an example query; keep the operator and the quotes' }), msg('theo thẻ của bài', { desc: 'Search help: tag: operator' })],
      [msg('note:xác minh', { desc: 'Search help: an example query; keep the operator and the quotes' }), msg('trong ghi chú và đoạn đánh dấu', { desc: 'Search help: note: operator' })],
    ];
    return html`<button class="help" popovertarget="operators" aria-label=${msg('Cú pháp tìm kiếm', { desc: 'Button: shows the search operators' })} title=${msg('Cú pháp tìm kiếm', { desc: 'Button: shows the search operators' })}>?</button>
      <div id="operators" popover role="dialog" aria-labelledby="operators-title">
        <h2 id="operators-title">${msg('Cú pháp tìm kiếm', { desc: 'Button: shows the search operators' })}</h2>
        <dl>${rows.map(([example, meaning]) => html`<dt>${example}</dt><dd>${meaning}</dd>`)}</dl>
        <p>${msg('Có dấu hay không dấu đều được; bật “Đúng dấu” trong bộ lọc để chỉ khớp đúng dấu đã gõ.', { desc: 'Search help: diacritics are optional; the "Đúng dấu" chip makes them exact' })}</p>
      </div>`;
  }

  override render() {
    return html`<input
      type="search"
      role="searchbox"
      aria-label=${msg('Tìm kiếm bài viết')}
      placeholder=${msg('Tìm kiếm — có dấu hoặc không dấu (/)', { desc: 'Search box hint: Vietnamese diacritics are optional; / focuses the box' })}
      .value=${this.value}
      @input=${this.#onInput}
      @keydown=${this.#onKey}
    />${this.#operatorHelp()}`;
  }
}

customElements.define('nr-search-box', NrSearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'nr-search-box': NrSearchBox;
  }
}
