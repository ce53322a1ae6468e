import { LitElement, css, html, nothing } from 'lit';
import type { SearchHit, SearchResult } from '../../electron/contract.ts';
import { markedText } from '../marked-text.ts';
import { controls } from '../styles/tokens.ts';

/** Search results with highlighted snippets; emits `nr-open-hit` with the hit. */
export class NrSearchResults extends LitElement {
  static override properties = { result: { attribute: false }, selectedId: { attribute: false } };
  declare result: SearchResult | null;
  declare selectedId: string | null;

  constructor() {
    super();
    this.result = null;
    this.selectedId = null;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
        height: 100%;
        overflow: auto;
        background: var(--nr-surface);
        color: var(--nr-text);
      }
      header {
        padding: 0.6rem 0.9rem;
        border-bottom: 1px solid var(--nr-border);
        font-size: 0.85rem;
        color: var(--nr-text-muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        display: block;
        width: 100%;
        text-align: left;
        border: none;
        border-bottom: 1px solid var(--nr-border);
        border-radius: 0;
        background: transparent;
        padding: 0.65rem 0.9rem;
      }
      button[aria-current='true'] {
        background: var(--nr-surface-2);
      }
      .title {
        font-weight: 600;
      }
      .snippet {
        font-size: 0.85rem;
        color: var(--nr-text-muted);
        margin-top: 0.25rem;
        line-height: 1.5;
      }
      mark {
        background: var(--nr-mark);
        color: var(--nr-text);
      }
      .message,
      .empty {
        padding: 1rem 0.9rem;
        font-size: 0.9rem;
      }
    `,
  ];

  #open(hit: SearchHit): void {
    this.dispatchEvent(new CustomEvent<SearchHit>('nr-open-hit', { detail: hit, bubbles: true, composed: true }));
  }

  override render() {
    const result = this.result;
    if (!result) return nothing;
    return html`<header aria-live="polite">${result.total} kết quả · ${result.tookMs} ms</header>
      ${result.message ? html`<p class="message" role="status">${result.message}</p>` : nothing}
      ${result.hits.length === 0 && !result.message
        ? html`<div class="empty">
            <p>Không tìm thấy bài nào.</p>
            <p>Thử bỏ bớt từ hoặc bộ lọc, hoặc gõ không dấu (ví dụ <kbd>dam phan</kbd>).</p>
          </div>`
        : nothing}
      <ol aria-label="Kết quả tìm kiếm">
        ${result.hits.map(
          (hit) => html`<li>
            <button class="hit" aria-current=${hit.id === this.selectedId ? 'true' : 'false'} @click=${() => this.#open(hit)}>
              <div class="title">${markedText(hit.title, 0, hit.title.length, hit.matches.filter((m) => m.field === 'title'), 0, -1)}</div>
              <div class="snippet">${markedText(hit.snippet.text, 0, hit.snippet.text.length, hit.snippet.matches, 0, -1)}</div>
            </button>
          </li>`,
        )}
      </ol>`;
  }
}

customElements.define('nr-search-results', NrSearchResults);
