import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { NamedCount, SearchFilters } from '../../contract/index.ts';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';
import './nr-date-field.ts';

/** Search's filter chips: unread, starred, source, tag and a date range. Emits `nr-filters-change`. */
export class NrSearchFilters extends LitElement {
  static override properties = {
    filters: { attribute: false },
    sources: { attribute: false },
    tags: { attribute: false },
  };

  static override styles = [
    controls,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        padding: 0.4rem 0.75rem;
        font-size: 0.85rem;
        border-bottom: 1px solid var(--nr-border);
      }
      button.chip {
        border-radius: 999px;
        padding: 0.15rem 0.7rem;
      }
      button.chip[aria-pressed='true'] {
        background: var(--nr-accent);
        color: var(--nr-accent-text);
        border-color: var(--nr-accent);
      }
      select,
      input {
        background: var(--nr-surface);
        border: 1px solid var(--nr-border-strong);
        border-radius: 999px;
        padding: 0.15rem 0.5rem;
        max-width: 12rem;
      }
      label {
        display: inline-flex;
        gap: 0.3rem;
        align-items: center;
        color: var(--nr-text-muted);
      }
    `,
  ];

  declare filters: SearchFilters;
  declare sources: NamedCount[];
  declare tags: NamedCount[];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.filters = {};
    this.sources = [];
    this.tags = [];
  }

  #change(patch: Partial<SearchFilters>): void {
    // An empty value means "no filter": the key is left out rather than sent empty.
    const next = Object.fromEntries(
      Object.entries({ ...this.filters, ...patch }).filter(([, value]) => value !== undefined && value !== '' && value !== false),
    ) as SearchFilters;
    emit(this, 'nr-filters-change', next);
  }

  #toggle(key: 'unread' | 'starred' | 'exactDiacritics', label: string) {
    const on = this.filters[key] === true;
    return html`<button class="chip" aria-pressed=${on ? 'true' : 'false'} @click=${() => this.#change({ [key]: !on })}>${label}</button>`;
  }

  #select(key: 'source' | 'tag', label: string, options: NamedCount[]) {
    if (options.length === 0 && !this.filters[key]) return nothing;
    return html`<label
      >${label}
      <select
        aria-label=${label}
        @change=${(e: Event) => this.#change({ [key]: (e.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${!this.filters[key]}>${msg('tất cả', { id: 'filters.any', desc: 'Filter choice: any source / any tag' })}</option>
        ${options.map((option) => html`<option value=${option.name} ?selected=${this.filters[key] === option.name}>${option.name} (${option.count})</option>`)}
      </select></label
    >`;
  }

  override render() {
    const active = Object.keys(this.filters).length > 0;
    return html`<span role="group" aria-label=${msg('Bộ lọc tìm kiếm')} style="display:contents">
      ${this.#toggle('unread', msg('Chưa đọc', { id: 'filters.unread' }))} ${this.#toggle('starred', msg('Có sao', { id: 'filters.starred' }))}
      ${this.#select('source', msg('Nguồn', { id: 'filters.source', desc: 'Filter label: one source' }), this.sources)}
      ${this.#select('tag', msg('Thẻ', { id: 'filters.tag', desc: 'Filter label: one tag' }), this.tags)}
      ${this.#toggle('exactDiacritics', msg('Đúng dấu', { desc: 'Search filter chip: match words only with exactly the diacritics typed' }))}
      <label
        >${msg('Từ', { id: 'filters.from', desc: 'Date range filter: from (date)' })}
        <nr-date-field .value=${this.filters.from} label=${msg('Từ ngày')} @nr-date-change=${(e: CustomEvent<string | null>) => this.#change({ from: e.detail ?? undefined })}></nr-date-field
      ></label>
      <label
        >${msg('đến', { id: 'filters.to', desc: 'Date range filter: to (date)' })}
        <nr-date-field .value=${this.filters.to} label=${msg('Đến ngày')} @nr-date-change=${(e: CustomEvent<string | null>) => this.#change({ to: e.detail ?? undefined })}></nr-date-field
      ></label>
      ${active ? html`<button class="chip" @click=${() => emit(this, 'nr-filters-change', {})}>${msg('Bỏ mọi bộ lọc')}</button>` : nothing}
    </span>`;
  }
}

customElements.define('nr-search-filters', NrSearchFilters);

declare global {
  interface HTMLElementTagNameMap {
    'nr-search-filters': NrSearchFilters;
  }
}
