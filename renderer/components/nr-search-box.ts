import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';

import { typingDelay } from '../search-typing.ts';

/**
 * The search field; emits `nr-search` with the query once typing pauses (search-typing.ts), or at once
 * on Enter (a lone letter is searched only then).
 */
export class NrSearchBox extends LitElement {
  static override properties = { value: { type: String } };
  declare value: string;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.value = '';
  }

  static override styles = [
    controls,
    css`
      input {
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

  #emit(query: string): void {
    emit(this, 'nr-search', query);
  }

  #onInput = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value;
    this.value = query;
    clearTimeout(this.#timer);
    // Emptied: the library comes back at once. A lone letter waits for the next one (or Enter).
    if (query.trim() === '') return this.#emit(query);
    const delay = typingDelay(query);
    if (delay !== null) this.#timer = setTimeout(() => this.#emit(query), delay);
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      this.value = '';
      (event.target as HTMLInputElement).value = '';
      clearTimeout(this.#timer);
      this.#emit('');
    } else if (event.key === 'Enter') {
      clearTimeout(this.#timer);
      this.#emit((event.target as HTMLInputElement).value);
    }
  };

  override render() {
    return html`<input
      type="search"
      role="searchbox"
      aria-label=${msg('Tìm kiếm bài viết')}
      placeholder=${msg('Tìm kiếm — có dấu hoặc không dấu (/)', { desc: 'Search box hint: Vietnamese diacritics are optional; / focuses the box' })}
      .value=${this.value}
      @input=${this.#onInput}
      @keydown=${this.#onKey}
    />`;
  }
}

customElements.define('nr-search-box', NrSearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'nr-search-box': NrSearchBox;
  }
}
