import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { AppInfo, ListView, SidebarCounts } from '../../contract/index.ts';
import { controls } from '../styles/tokens.ts';
import { emit, type LibrarySelection } from '../events.ts';
import './nr-archive-status.ts';
import './nr-source-tree.ts';
import './nr-saved-searches.ts';

const VIEWS: { view: ListView; key: keyof Pick<SidebarCounts, 'all' | 'unread' | 'starred' | 'archived' | 'trash'> }[] = [
  { view: 'all', key: 'all' },
  { view: 'unread', key: 'unread' },
  { view: 'starred', key: 'starred' },
  { view: 'archived', key: 'archived' },
  { view: 'trash', key: 'trash' },
];

/** A library view's name, in the UI's language (the list's heading uses it too). */
export function viewLabel(view: ListView): string {
  switch (view) {
    case 'all':
      return msg('Tất cả', { id: 'view.all', desc: 'Library view: every article' });
    case 'unread':
      return msg('Chưa đọc', { id: 'view.unread', desc: 'Library view: unread articles' });
    case 'starred':
      return msg('Gắn sao', { id: 'view.starred', desc: 'Library view: starred articles' });
    case 'archived':
      return msg('Lưu trữ', { id: 'view.archived', desc: 'Library view: archived articles (not the action)' });
    case 'trash':
      return msg('Thùng rác', { id: 'view.trash', desc: 'Library view: the trash' });
  }
}

/**
 * Library navigation with counts; emits `nr-select` with a LibrarySelection, `nr-show-annotations` for the
 * annotations view, `nr-open-settings` and `nr-open-shortcuts` for the settings and the shortcut sheet.
 */
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
    updateWhenLocaleChanges(this);
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
      .tools {
        margin-top: auto;
        padding-top: 0.6rem;
        border-top: 1px solid var(--nr-border);
      }
      kbd {
        font-family: inherit;
        color: var(--nr-text-muted);
      }
      footer {
        padding: 0.8rem 0.9rem;
        font-size: 0.75rem;
        color: var(--nr-text-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  #select(selection: LibrarySelection): void {
    emit(this, 'nr-select', selection);
  }

  #isCurrent(selection: LibrarySelection): boolean {
    if (this.annotationsOpen) return false;
    const s = this.selection;
    return s.view === selection.view && s.tag === selection.tag && s.source === selection.source && s.collection === selection.collection && s.sourceId === selection.sourceId;
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
    const library = msg('Thư viện', { id: 'sidebar.library', desc: 'Sidebar heading: the article library' });
    return html`<nav aria-label=${library}>
        <h2>${library}</h2>
        <ul>
          ${VIEWS.map((item) => this.#entry(viewLabel(item.view), counts ? counts[item.key] : 0, { view: item.view }))}
        </ul>
        <nr-saved-searches></nr-saved-searches>
        ${counts ? this.#group(msg('Bộ sưu tập', { id: 'sidebar.collections', desc: 'Sidebar heading: collections' }), counts.collections, (name) => ({ view: 'all', collection: name })) : nothing}
        ${counts ? this.#group(msg('Thẻ', { id: 'sidebar.tags', desc: 'Sidebar heading: tags' }), counts.tags, (name) => ({ view: 'all', tag: name })) : nothing}
        <nr-source-tree .selection=${this.selection} .current=${!this.annotationsOpen}></nr-source-tree>
        ${counts ? this.#group(msg('Nguồn', { id: 'sidebar.sources', desc: 'Sidebar heading: sources' }), counts.sources, (name) => ({ view: 'all', source: name })) : nothing}
        <h2>${msg('Ghi chú', { id: 'sidebar.annotations', desc: 'Sidebar heading: highlights and notes' })}</h2>
        <ul>
          <li>
            <button
              aria-current=${this.annotationsOpen ? 'true' : 'false'}
              @click=${() => emit(this, 'nr-show-annotations')}
            >
              <span>${msg('Tất cả ghi chú', { id: 'annotations.all', desc: 'Every highlight and note in the library' })}</span>
            </button>
          </li>
        </ul>
      </nav>
      <ul class="tools">
        <li>
          <button class="open-settings" @click=${() => emit(this, 'nr-open-settings')}>
            <span><span aria-hidden="true">⚙ </span>${msg('Cài đặt')}</span>
          </button>
        </li>
        <li>
          <button class="open-shortcuts" aria-keyshortcuts="?" @click=${() => emit(this, 'nr-open-shortcuts')}>
            <span>${msg('Phím tắt')}</span><kbd aria-hidden="true">?</kbd>
          </button>
        </li>
      </ul>
      <nr-archive-status></nr-archive-status>
      <footer>
        ${this.info
          ? html`<div>${this.info.name} ${this.info.version} · ${this.info.runtime === 'electron' ? msg('Ứng dụng máy tính', { id: 'runtime.desktop', desc: 'Runs as the desktop app' }) : msg('Trình duyệt', { id: 'runtime.browser', desc: 'Runs in a web browser' })}</div>
              <div class="library-dir" title=${msg('Thư mục thư viện')}>${this.info.libraryDir}</div>`
          : nothing}
      </footer>`;
  }
}

customElements.define('nr-sidebar', NrSidebar);

declare global {
  interface HTMLElementTagNameMap {
    'nr-sidebar': NrSidebar;
  }
}
