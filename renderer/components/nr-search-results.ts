import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { SearchHit, SearchResult } from '../../contract/index.ts';
import { KNOWN_SEARCH_NOTICES, searchBehindText, searchNotice } from '../host-messages.ts';
import { isSingular } from '../localization/app-locale.ts';
import { markedText } from '../marked-text.ts';
import { controls } from '../styles/tokens.ts';
import { emit, pickOf } from '../events.ts';
import { hasMoreHits } from '../client/search-pages.ts';

/** How far below the visible end the next page is asked for, so scrolling rarely waits for it. */
const PREFETCH_MARGIN = '0px 0px 600px 0px';

/** The host's own note for a query asked while the index is built; the indexing note replaces it. */
const BUILDING_NOTICE: keyof typeof KNOWN_SEARCH_NOTICES = 'The search index is being built; results will appear in a moment.';

/** A query without its Vietnamese marks (đàm phán → dam phan): what to suggest when the marked one finds nothing. */
export function withoutDiacritics(query: string): string {
  return query.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Search results with highlighted snippets; emits `nr-open-hit` with the hit. With no results it
 * suggests what to try: `nr-clear-filters` when filter chips are set, `nr-search-suggestion` (the query
 * without diacritics). While the index is being built (`indexing`) a progress note says so.
 * The host answers a page at a time: `nr-search-more` asks for the next one as the end of the list
 * nears the visible part.
 */
export class NrSearchResults extends LitElement {
  static override properties = {
    result: { attribute: false },
    selectedId: { attribute: false },
    filtersActive: { attribute: false },
    indexing: { attribute: false },
    isPicked: { attribute: false },
    searching: { attribute: false },
  };
  declare result: SearchResult | null;
  declare selectedId: string | null;
  /** Whether filter chips narrow the search. */
  declare filtersActive: boolean;
  /** Whether the search index is being loaded or built, so results may still be missing. */
  declare indexing: boolean;
  /** Whether a hit is picked for a bulk action. */
  declare isPicked: (id: string) => boolean;
  /** Whether a newer query is on its way: the hits shown are the previous query's until it answers. */
  declare searching: boolean;
  #nearEnd: IntersectionObserver | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.result = null;
    this.selectedId = null;
    this.filtersActive = false;
    this.indexing = false;
    this.isPicked = () => false;
    this.searching = false;
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
      button.hit[data-picked='true'] {
        box-shadow: inset 4px 0 0 var(--nr-accent);
        background: var(--nr-surface-2);
      }
      button.hit[data-picked='true'] .title::after {
        content: ' ✓';
        color: var(--nr-accent);
      }
      button.hit:focus-visible {
        box-shadow: inset 0 0 0 3px var(--nr-accent);
      }
      .indexing {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        margin: 0;
        padding: 0.6rem 0.9rem;
        font-size: 0.85rem;
        background: var(--nr-surface-2);
        border-bottom: 1px solid var(--nr-border);
      }
      .indexing progress {
        width: 5rem;
        accent-color: var(--nr-accent);
      }
      .suggestions {
        margin: 0.4rem 0 0;
        padding-left: 1.2rem;
        line-height: 1.6;
      }
      .suggestions li + li {
        margin-top: 0.3rem;
      }
      .suggestions button {
        display: inline;
        width: auto;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-surface-2);
        padding: 0.1rem 0.5rem;
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
      /* A typo correction the search made, not a word as typed: unfilled, underlined in waves. */
      mark.typo {
        background: transparent;
        text-decoration: underline wavy var(--nr-mark-line);
        text-underline-offset: 0.2em;
        cursor: help;
      }
      .searching {
        margin: 0;
        padding: 0.35rem 0.9rem;
        font-size: 0.8rem;
        color: var(--nr-text-muted);
      }
      .matched-in {
        margin-top: 0.25rem;
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--nr-text-muted);
      }
      .snippet.note {
        border-left: 3px solid var(--nr-border-strong);
        padding-left: 0.4rem;
        white-space: pre-wrap;
      }
      .more {
        height: 1px;
      }
      .message,
      .empty {
        padding: 1rem 0.9rem;
        font-size: 0.9rem;
      }
    `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#nearEnd?.disconnect();
    this.#nearEnd = null;
  }

  // Observing anew after each render reports at once whether the end is still near: a page that
  // did not fill the pane asks for the next one without waiting for a scroll.
  protected override updated(): void {
    this.#nearEnd ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) emit(this, 'nr-search-more');
    }, { root: this, rootMargin: PREFETCH_MARGIN });
    this.#nearEnd.disconnect();
    const end = this.renderRoot.querySelector('.more');
    if (end) this.#nearEnd.observe(end);
  }

  /** Scrolls a hit into view and, when asked, focuses it (j / k). */
  reveal(id: string, focus: boolean): void {
    const button = this.renderRoot.querySelector<HTMLElement>(`button.hit[data-id="${CSS.escape(id)}"]`);
    button?.scrollIntoView({ block: 'nearest' });
    if (focus) button?.focus({ preventScroll: true });
  }

  #indexingNote() {
    if (!this.indexing) return nothing;
    return html`<p class="indexing" role="status">
      <progress aria-label=${msg('Đang xây dựng chỉ mục tìm kiếm')}></progress>
      ${msg('Đang xây dựng chỉ mục tìm kiếm; kết quả có thể chưa đầy đủ và sẽ tự cập nhật khi xong.')}
    </p>`;
  }

  #suggestions(query: string) {
    const plain = withoutDiacritics(query);
    return html`<div class="empty">
      <p>${msg('Không tìm thấy bài nào.')}</p>
      <p>${msg('Có thể thử:', { desc: 'Introduces suggestions after a search found nothing' })}</p>
      <ul class="suggestions">
        ${this.filtersActive
          ? html`<li>
              ${msg('Bộ lọc đang thu hẹp kết quả:', { desc: 'Followed by a button that searches again without filters' })}
              <button class="clear-filters" @click=${() => emit(this, 'nr-clear-filters')}>${msg('Tìm lại không có bộ lọc')}</button>
            </li>`
          : nothing}
        ${plain !== query
          ? html`<li>
              ${msg('Gõ không dấu:', { desc: 'Followed by a button with the query without Vietnamese diacritics' })}
              <button class="plain-query" @click=${() => emit(this, 'nr-search-suggestion', plain)}>${plain}</button>
            </li>`
          : nothing}
        <li>${msg('Kiểm tra chính tả, hoặc bỏ bớt một vài từ.')}</li>
        ${plain === query ? html`<li>${msg(html`Tìm không dấu vẫn khớp chữ có dấu (ví dụ <kbd>dam phan</kbd> tìm được “đàm phán”).`, { desc: 'dam phan is a Vietnamese query typed without diacritics; keep it as is' })}</li>` : nothing}
      </ul>
    </div>`;
  }

  /** Which query words were also searched as likely typos, and what for: "tuonh → tướng". */
  #correctionsNote(result: SearchResult) {
    const corrections = result.corrections ?? [];
    if (corrections.length === 0) return nothing;
    const list = corrections.map((c) => `${c.typed} → ${c.shown.join(', ')}`).join('; ');
    return html`<p class="message corrections" role="status">
      ${msg(str`Gồm cả kết quả cho từ có thể gõ nhầm: ${list}`, { desc: 'Search notice: the query words searched as likely typos, e.g. "tuonh → tướng"; marks on them are drawn apart' })}
    </p>`;
  }

  #open(hit: SearchHit): void {
    emit(this, 'nr-open-hit', hit);
  }

  #click(event: MouseEvent, hit: SearchHit): void {
    const pick = pickOf(event, hit.id);
    if (pick) emit(this, 'nr-pick', pick);
    else this.#open(hit);
  }

  /** Only while a query runs: a polite status, so a screen reader says it without moving focus. */
  #searchingNote() {
    return this.searching ? html`<p class="searching" role="status" aria-live="polite">${msg('Đang tìm…', { desc: 'While a search query runs' })}</p>` : nothing;
  }

  override render() {
    const result = this.result;
    if (!result) return html`${this.#searchingNote()}${this.#indexingNote()}`;
    const summary = isSingular(result.total)
      ? msg(str`${result.total} kết quả · ${result.tookMs} ms`, { id: 'search.summary.one', desc: 'Search summary: number of results (one), time taken' })
      : msg(str`${result.total} kết quả · ${result.tookMs} ms`, { id: 'search.summary.other', desc: 'Search summary: number of results (several), time taken' });
    const message = result.message && !(this.indexing && result.message === BUILDING_NOTICE) ? result.message : undefined;
    return html`<header aria-live="polite">${summary}</header>
      ${this.#searchingNote()} ${this.#indexingNote()}
      ${message ? html`<p class="message" role="status">${searchNotice(message)}</p>` : nothing}
      ${result.behind ? html`<p class="message behind" role="status">${searchBehindText(result.behind)}</p>` : nothing}
      ${this.#correctionsNote(result)}
      ${result.hits.length === 0 && !result.message ? this.#suggestions(result.query) : nothing}
      <ol aria-label=${msg('Kết quả tìm kiếm')}>
        ${result.hits.map(
          (hit) => html`<li>
            <button class="hit" data-id=${hit.id} aria-current=${hit.id === this.selectedId ? 'true' : 'false'} data-picked=${String(this.isPicked(hit.id))} @click=${(event: MouseEvent) => this.#click(event, hit)}>
              <div class="title">${markedText(hit.title, 0, hit.title.length, hit.matches.filter((m) => m.field === 'title'), 0, -1)}</div>
              ${hit.matchedIn === 'note' ? html`<div class="matched-in">${msg('khớp trong ghi chú', { desc: 'Search hit label: the article was found through one of its notes, shown below' })}</div>` : nothing}
              <div class="snippet ${hit.matchedIn === 'note' ? 'note' : ''}">${markedText(hit.snippet.text, 0, hit.snippet.text.length, hit.snippet.matches, 0, -1)}</div>
            </button>
          </li>`,
        )}
      </ol>
      ${hasMoreHits(result) ? html`<div class="more" aria-hidden="true"></div>` : nothing}`;
  }
}

customElements.define('nr-search-results', NrSearchResults);

declare global {
  interface HTMLElementTagNameMap {
    'nr-search-results': NrSearchResults;
  }
}
