import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import '@lit-labs/virtualizer';
import type { ArticleSummary, ListSort } from '../../contract/index.ts';
import { controls } from '../styles/tokens.ts';
import { importedLabel, publishedLabel, readingTime } from '../format-date.ts';
import { getLocale, isSingular } from '../localization/app-locale.ts';
import { emit, pickOf } from '../events.ts';

// Rows are keyed by article id, not by the summary object: a refresh (an article marked read,
// starred…) brings new objects for the same articles, and their rows should be updated in place
// rather than torn down and built again.
const rowKey = (item: ArticleSummary): string => item.id;

/** The virtualized article list; emits `nr-open` (id), `nr-sort` (order) and `nr-need-more` when scrolled near the end. */
export class NrArticleList extends LitElement {
  static override properties = {
    items: { attribute: false },
    total: { type: Number },
    selectedId: { attribute: false },
    heading: { type: String },
    sort: { attribute: false },
    isPicked: { attribute: false },
  };

  declare items: ArticleSummary[];
  declare total: number;
  declare selectedId: string | null;
  declare heading: string;
  declare sort: ListSort;
  /** Whether a row is picked for a bulk action. */
  declare isPicked: (id: string) => boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.items = [];
    this.total = 0;
    this.selectedId = null;
    this.heading = '';
    this.sort = 'published';
    this.isPicked = () => false;
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
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
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
      .row[data-picked='true'] {
        box-shadow: inset 4px 0 0 var(--nr-accent);
        background: var(--nr-surface-2);
      }
      .row[data-picked='true'] .title::after {
        content: ' ✓';
        color: var(--nr-accent);
      }
      /* Rows span the scroller: a ring outside them would be clipped, so it is drawn inside. */
      .row:focus-visible {
        box-shadow: inset 0 0 0 3px var(--nr-accent);
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

  // Opening an article changes only which row is selected: two attributes, not a redraw of the list,
  // its heading and every visible row while the article is waiting to be painted.
  override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.hasUpdated && changed.size === 1 && changed.has('selectedId')) {
      this.#markSelected();
      return false;
    }
    return true;
  }

  override updated(changed: PropertyValues<this>): void {
    // The virtualizer redraws its rows only when its own properties change.
    if (changed.has('selectedId')) this.#markSelected();
    if (changed.has('isPicked')) this.#markPicked();
  }

  #markPicked(): void {
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('button.row')) row.dataset.picked = String(this.isPicked(row.dataset.id ?? ''));
  }

  /**
   * Rows drawn later take the selection from `selectedId` in #renderRow; rows already drawn are set
   * here, which is why that binding is live() (compared with the attribute, not with what Lit last wrote).
   */
  #markSelected(): void {
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('button.row')) {
      row.setAttribute('aria-selected', row.dataset.id === this.selectedId ? 'true' : 'false');
    }
  }

  /** Scrolls an article's row into view and, when asked, focuses it (j / k); the list is virtual, so the row may appear a frame later. */
  async reveal(id: string, focus: boolean): Promise<void> {
    const index = this.items.findIndex((item) => item.id === id);
    const virtualizer = this.renderRoot.querySelector('lit-virtualizer');
    if (index < 0 || !virtualizer) return;
    virtualizer.element(index)?.scrollIntoView({ block: 'nearest' });
    if (!focus) return;
    for (let frame = 0; frame < 5; frame++) {
      const row = this.renderRoot.querySelector<HTMLElement>(`button.row[data-id="${CSS.escape(id)}"]`);
      if (row) {
        row.focus({ preventScroll: true });
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  #open(id: string): void {
    emit(this, 'nr-open', id);
  }

  #click(event: MouseEvent, id: string): void {
    const pick = pickOf(event, id);
    if (pick) emit(this, 'nr-pick', pick);
    else this.#open(id);
  }

  #renderRow = (item: ArticleSummary, index: number) => {
    if (index >= this.items.length - 20 && this.items.length < this.total) {
      queueMicrotask(() => emit(this, 'nr-need-more'));
    }
    return html`<button
      class="row ${item.read ? '' : 'unread'}"
      role="option"
      aria-selected=${live(item.id === this.selectedId ? 'true' : 'false')}
      data-id=${item.id}
      data-picked=${live(String(this.isPicked(item.id)))}
      @click=${(event: MouseEvent) => this.#click(event, item.id)}
    >
      <div class="title">${item.starred ? '★ ' : nothing}${item.title}</div>
      <div class="meta">${[item.source, publishedLabel(item.publishedAt), this.sort === 'imported' ? importedLabel(item.importedAt) : '', readingTime(item.readingMinutes)].filter(Boolean).join(' · ')}</div>
      <div class="excerpt">${item.excerpt}</div>
    </button>`;
  };

  // The virtualizer redraws its rows only when given a new item renderer: a new one per language
  // makes the dates and reading times follow a switch.
  #rowRenderers = new Map<string, (item: ArticleSummary, index: number) => unknown>();

  #rendererFor(locale: string): (item: ArticleSummary, index: number) => unknown {
    let renderer = this.#rowRenderers.get(locale);
    if (!renderer) {
      renderer = (item, index) => this.#renderRow(item, index);
      this.#rowRenderers.set(locale, renderer);
    }
    return renderer;
  }

  override render() {
    const heading = isSingular(this.total)
      ? msg(str`${this.heading} · ${this.total} bài`, { id: 'list.heading.one', desc: 'List heading: view name · number of articles (one)' })
      : msg(str`${this.heading} · ${this.total} bài`, { id: 'list.heading.other', desc: 'List heading: view name · number of articles (several)' });
    const orders: [ListSort, string][] = [
      ['published', msg('Ngày đăng')],
      ['imported', msg('Ngày nhập')],
      ['title', msg('Tiêu đề')],
      ['source', msg('Nguồn')],
    ];
    return html`<header>
        <span>${heading}</span>
        <select
          aria-label=${msg('Sắp xếp theo')}
          @change=${(e: Event) =>
            emit(this, 'nr-sort', (e.target as HTMLSelectElement).value as ListSort)}
        >
          ${orders.map(([value, label]) => html`<option value=${value} ?selected=${this.sort === value}>${label}</option>`)}
        </select>
      </header>
      <lit-virtualizer
        role="listbox"
        aria-label=${msg('Danh sách bài')}
        scroller
        .items=${this.items}
        .keyFunction=${rowKey}
        .renderItem=${this.#rendererFor(getLocale())}
      ></lit-virtualizer>`;
  }
}

customElements.define('nr-article-list', NrArticleList);

declare global {
  interface HTMLElementTagNameMap {
    'nr-article-list': NrArticleList;
  }
}
