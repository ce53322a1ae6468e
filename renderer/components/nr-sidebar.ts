import { LitElement, css, html, nothing } from 'lit';
import type { AppInfo, ListView, SidebarCounts } from '../../electron/contract.ts';
import { controls } from '../styles/tokens.ts';

export interface LibrarySelection {
  view: ListView;
  tag?: string;
  source?: string;
  collection?: string;
}

const VIEWS: { view: ListView; label: string; key: keyof Pick<SidebarCounts, 'all' | 'unread' | 'starred' | 'archived' | 'trash'> }[] = [
  { view: 'all', label: 'Tất cả', key: 'all' },
  { view: 'unread', label: 'Chưa đọc', key: 'unread' },
  { view: 'starred', label: 'Gắn sao', key: 'starred' },
  { view: 'archived', label: 'Lưu trữ', key: 'archived' },
  { view: 'trash', label: 'Thùng rác', key: 'trash' },
];

/** Library navigation with counts; emits `nr-select` with a LibrarySelection, `nr-show-annotations` for the annotations view. */
export class NrSidebar extends LitElement {
  static override properties = {
    counts: { attribute: false },
    selection: { attribute: false },
    info: { attribute: false },
    annotationsOpen: { attribute: false },
  };

  declare counts: SidebarCounts | null;
  declare selection: LibrarySelection;
  declare info: AppInfo | null;
  /** The "all annotations" view replaces the list, so no library entry is current meanwhile. */
  declare annotationsOpen: boolean;

  constructor() {
    super();
    this.counts = null;
    this.selection = { view: 'all' };
    this.info = null;
    this.annotationsOpen = false;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        overflow: auto;
        background: var(--nr-surface-2);
        color: var(--nr-text);
        font-size: 0.92rem;
      }
      h2 {
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--nr-text-muted);
        margin: 1rem 0.9rem 0.3rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0 0.4rem;
      }
      button {
        display: flex;
        width: 100%;
        justify-content: space-between;
        border: none;
        background: transparent;
        padding: 0.35rem 0.5rem;
        text-align: left;
      }
      button[aria-current='true'] {
        background: var(--nr-surface);
        font-weight: 600;
      }
      .count {
        color: var(--nr-text-muted);
        font-variant-numeric: tabular-nums;
      }
      footer {
        margin-top: auto;
        padding: 0.8rem 0.9rem;
        font-size: 0.75rem;
        color: var(--nr-text-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  #select(selection: LibrarySelection): void {
    this.dispatchEvent(new CustomEvent<LibrarySelection>('nr-select', { detail: selection, bubbles: true, composed: true }));
  }

  #isCurrent(selection: LibrarySelection): boolean {
    if (this.annotationsOpen) return false;
    const s = this.selection;
    return s.view === selection.view && s.tag === selection.tag && s.source === selection.source && s.collection === selection.collection;
  }

  #entry(label: string, count: number, selection: LibrarySelection) {
    return html`<li>
      <button aria-current=${this.#isCurrent(selection) ? 'true' : 'false'} @click=${() => this.#select(selection)}>
        <span>${label}</span><span class="count">${count}</span>
      </button>
    </li>`;
  }

  #group(title: string, entries: { name: string; count: number }[], make: (name: string) => LibrarySelection) {
    if (entries.length === 0) return nothing;
    return html`<h2>${title}</h2>
      <ul>
        ${entries.map((entry) => this.#entry(entry.name, entry.count, make(entry.name)))}
      </ul>`;
  }

  override render() {
    const counts = this.counts;
    return html`<nav aria-label="Thư viện">
        <h2>Thư viện</h2>
        <ul>
          ${VIEWS.map((item) => this.#entry(item.label, counts ? counts[item.key] : 0, { view: item.view }))}
        </ul>
        ${counts ? this.#group('Bộ sưu tập', counts.collections, (name) => ({ view: 'all', collection: name })) : nothing}
        ${counts ? this.#group('Thẻ', counts.tags, (name) => ({ view: 'all', tag: name })) : nothing}
        ${counts ? this.#group('Nguồn', counts.sources, (name) => ({ view: 'all', source: name })) : nothing}
        <h2>Ghi chú</h2>
        <ul>
          <li>
            <button
              aria-current=${this.annotationsOpen ? 'true' : 'false'}
              @click=${() => this.dispatchEvent(new CustomEvent('nr-show-annotations', { bubbles: true, composed: true }))}
            >
              <span>Tất cả ghi chú</span>
            </button>
          </li>
        </ul>
      </nav>
      <footer>
        ${this.info
          ? html`<div>${this.info.name} ${this.info.version} · ${this.info.runtime === 'electron' ? 'Desktop' : 'Browser'}</div>
              <div class="library-dir" title="Thư mục thư viện">${this.info.libraryDir}</div>`
          : nothing}
      </footer>`;
  }
}

customElements.define('nr-sidebar', NrSidebar);
