import { LitElement, css, html, nothing } from 'lit';
import '@lit-labs/virtualizer';
import type { ArticleSummary } from '../../electron/contract.ts';
import { controls } from '../styles/tokens.ts';
import { formatDate } from '../format-date.ts';

/** The virtualized article list; emits `nr-open` (id) and `nr-need-more` when scrolled near the end. */
export class NrArticleList extends LitElement {
  static override properties = {
    items: { attribute: false },
    total: { type: Number },
    selectedId: { attribute: false },
    heading: { type: String },
  };

  declare items: ArticleSummary[];
  declare total: number;
  declare selectedId: string | null;
  declare heading: string;

  constructor() {
    super();
    this.items = [];
    this.total = 0;
    this.selectedId = null;
    this.heading = '';
  }

  static override styles = [
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        background: var(--nr-surface);
        color: var(--nr-text);
      }
      header {
        padding: 0.6rem 0.9rem;
        border-bottom: 1px solid var(--nr-border);
        font-size: 0.85rem;
        color: var(--nr-text-muted);
      }
      lit-virtualizer {
        flex: 1;
        min-height: 0;
      }
      .row {
        width: 100%;
        display: block;
        text-align: left;
        border: none;
        border-bottom: 1px solid var(--nr-border);
        border-radius: 0;
        background: transparent;
        padding: 0.65rem 0.9rem;
      }
      .row[aria-selected='true'] {
        background: var(--nr-surface-2);
      }
      .title {
        font-weight: 600;
        line-height: 1.35;
      }
      .unread .title::before {
        content: '';
        display: inline-block;
        width: 0.5rem;
        height: 0.5rem;
        border-radius: 50%;
        background: var(--nr-accent);
        margin-right: 0.4rem;
        vertical-align: middle;
      }
      .meta,
      .excerpt {
        font-size: 0.8rem;
        color: var(--nr-text-muted);
        margin-top: 0.2rem;
      }
      .excerpt {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
    `,
  ];

  #open(id: string): void {
    this.dispatchEvent(new CustomEvent<string>('nr-open', { detail: id, bubbles: true, composed: true }));
  }

  #renderRow = (item: ArticleSummary, index: number) => {
    if (index >= this.items.length - 20 && this.items.length < this.total) {
      queueMicrotask(() => this.dispatchEvent(new CustomEvent('nr-need-more', { bubbles: true, composed: true })));
    }
    return html`<button
      class="row ${item.read ? '' : 'unread'}"
      role="option"
      aria-selected=${item.id === this.selectedId ? 'true' : 'false'}
      data-id=${item.id}
      @click=${() => this.#open(item.id)}
    >
      <div class="title">${item.starred ? '★ ' : nothing}${item.title}</div>
      <div class="meta">${[item.source, formatDate(item.publishedAt ?? item.importedAt), `${item.readingMinutes} phút đọc`].filter(Boolean).join(' · ')}</div>
      <div class="excerpt">${item.excerpt}</div>
    </button>`;
  };

  override render() {
    return html`<header>${this.heading} · ${this.total} bài</header>
      <lit-virtualizer role="listbox" aria-label="Danh sách bài" scroller .items=${this.items} .renderItem=${this.#renderRow}></lit-virtualizer>`;
  }
}

customElements.define('nr-article-list', NrArticleList);
