import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { SourceInfo } from '../../contract/index.ts';
import { sourcesContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { emit, type LibrarySelection } from '../events.ts';
import { sourceErrorText, sourceStateText } from '../source-status.ts';
import type { SourceFolder, SourcesModel } from '../state/sources-model.ts';
import { controls } from '../styles/tokens.ts';

/** What a dragged source row carries (never a link: dropping it elsewhere does nothing). */
export const SOURCE_DRAG_TYPE = 'application/x-newsroom-source';

/**
 * The sidebar's subscribed sources, in their folders, with unread counts and status. A source opens
 * its articles (`nr-select` with its id); its ⋯ button opens its settings (`nr-source-settings`); a
 * source dragged onto another folder moves there. Folders offer refresh, "mark all read" and their
 * settings (retention, `nr-folder-settings`).
 */
export class NrSourceTree extends LitElement {
  static override properties = {
    selection: { attribute: false },
    current: { type: Boolean },
    dropFolder: { state: true },
  };

  /** The list's selection, to mark the source shown; `current` false while another view replaces the list. */
  declare selection: LibrarySelection;
  declare current: boolean;
  /** The folder a source is dragged over now (undefined: none; null: "no folder"). */
  declare dropFolder: string | null | undefined;
  readonly #model = new StateController<SourcesModel>(this, sourcesContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.selection = { view: 'all' };
    this.current = true;
    this.dropFolder = undefined;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: center;
        gap: 0.2rem;
        margin: 1rem 0.5rem 0.3rem 0.9rem;
      }
      h2 {
        flex: 1;
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--nr-text-muted);
        margin: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0 0.4rem;
      }
      .folder-head {
        display: flex;
        align-items: center;
        gap: 0.2rem;
        padding: 0.3rem 0.2rem 0.1rem 0.5rem;
        font-weight: 600;
        font-size: 0.85rem;
      }
      .folder-head .name {
        flex: 1;
        overflow-wrap: anywhere;
      }
      li.folder.drop {
        outline: 2px dashed var(--nr-accent);
        outline-offset: -2px;
        border-radius: var(--nr-radius);
      }
      .row {
        display: flex;
        align-items: center;
      }
      button.source {
        flex: 1;
        display: flex;
        gap: 0.4rem;
        justify-content: space-between;
        border: none;
        background: transparent;
        padding: 0.3rem 0.5rem 0.3rem 1rem;
        text-align: left;
        min-width: 0;
      }
      button.source[aria-current='true'] {
        background: var(--nr-surface);
        font-weight: 600;
      }
      .title {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .paused .title {
        color: var(--nr-text-muted);
      }
      .count {
        color: var(--nr-text-muted);
        font-variant-numeric: tabular-nums;
      }
      .icon {
        border: none;
        background: transparent;
        padding: 0.15rem 0.35rem;
        color: var(--nr-text-muted);
      }
      .error {
        color: var(--nr-danger);
      }
      .spinner {
        display: inline-block;
        width: 0.75em;
        height: 0.75em;
        border: 2px solid var(--nr-border-strong);
        border-top-color: var(--nr-accent);
        border-radius: 50%;
        animation: spin 0.9s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      .empty {
        margin: 0.2rem 0.9rem;
        font-size: 0.85rem;
        color: var(--nr-text-muted);
      }
    `,
  ];

  #isCurrent(source: SourceInfo): boolean {
    return this.current && this.selection.sourceId === source.id;
  }

  #dragOver(event: DragEvent, folder: string | null): void {
    if (!event.dataTransfer?.types.includes(SOURCE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    this.dropFolder = folder;
  }

  /** A source dropped on another source goes just before it, in that one's folder. */
  #dropOnSource(event: DragEvent, target: SourceInfo): void {
    const id = event.dataTransfer?.getData(SOURCE_DRAG_TYPE);
    this.dropFolder = undefined;
    if (!id) return;
    event.preventDefault();
    event.stopPropagation();
    void this.#model.value?.placeBefore(id, target.id);
  }

  /** Alt+↑ / Alt+↓ on a source moves it within its folder, as dragging does. */
  #onSourceKey(event: KeyboardEvent, source: SourceInfo): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void this.#model.value?.shift(source.id, event.key === 'ArrowUp' ? -1 : 1).then(() => this.updateComplete).then(() => this.renderRoot.querySelector<HTMLElement>(`button.source[data-source-id="${source.id}"]`)?.focus());
  }

  #drop(event: DragEvent, folder: string | null): void {
    const id = event.dataTransfer?.getData(SOURCE_DRAG_TYPE);
    this.dropFolder = undefined;
    if (!id) return;
    // The window's own drop handling (files, links) has nothing to do with a moved source.
    event.preventDefault();
    event.stopPropagation();
    void this.#model.value?.move(id, folder);
  }

  #source(model: SourcesModel, source: SourceInfo) {
    const refreshing = model.isRefreshing(source.id);
    const state = sourceStateText(source, refreshing);
    const error = !refreshing && sourceErrorText(source) !== null;
    return html`<li class=${source.paused ? 'paused' : ''}>
      <div class="row" draggable="true" @dragstart=${(e: DragEvent) => e.dataTransfer?.setData(SOURCE_DRAG_TYPE, source.id)} @drop=${(e: DragEvent) => this.#dropOnSource(e, source)}>
        <button
          class="source"
          data-source-id=${source.id}
          aria-current=${this.#isCurrent(source) ? 'true' : 'false'}
          title=${state}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          @click=${() => emit(this, 'nr-select', { view: 'all', sourceId: source.id })}
          @keydown=${(e: KeyboardEvent) => this.#onSourceKey(e, source)}
        >
          <span class="title">${source.title}</span>
          <span>
            ${refreshing ? html`<span class="spinner" role="img" aria-label=${state}></span>` : nothing}
            ${error ? html`<span class="error" role="img" aria-label=${state}>⚠</span>` : nothing}
            <span class="count" aria-label=${msg(str`${source.unreadCount} chưa đọc`, { desc: 'Unread articles of a source or folder' })}>${source.unreadCount}</span>
          </span>
        </button>
        <button class="icon settings" aria-label=${msg(str`Cài đặt nguồn ${source.title}`, { desc: 'Button opening a source’s settings; the value is its title' })} @click=${() => emit(this, 'nr-source-settings', source.id)}>
          ⋯
        </button>
      </div>
    </li>`;
  }

  #folder(model: SourcesModel, folder: SourceFolder) {
    const name = folder.name ?? msg('Không thư mục', { desc: 'The sources in no folder' });
    const named = folder.name;
    return html`<li
      class="folder ${this.dropFolder === folder.name ? 'drop' : ''}"
      data-folder=${named ?? ''}
      @dragover=${(e: DragEvent) => this.#dragOver(e, named)}
      @dragleave=${() => (this.dropFolder = undefined)}
      @drop=${(e: DragEvent) => this.#drop(e, named)}
    >
      <div class="folder-head">
        <span class="name">${name}</span>
        <span class="count" aria-label=${msg(str`${folder.unread} chưa đọc`, { desc: 'Unread articles of a source or folder' })}>${folder.unread}</span>
        ${named === null
          ? nothing
          : html`<button class="icon refresh-folder" aria-label=${msg(str`Làm mới thư mục ${name}`, { desc: 'Refresh every source of a folder' })} @click=${() => void model.refresh({ folder: named })}>⟳</button>
              <button class="icon mark-folder-read" aria-label=${msg(str`Đánh dấu đã đọc cả thư mục ${name}`, { desc: 'Mark every article of a folder’s sources read' })} @click=${() => void model.markAllRead({ folder: named })}>✓</button>
              <button
                class="icon folder-settings"
                aria-label=${msg(str`Cài đặt thư mục ${name}`, { desc: 'Heading of a folder’s settings dialog; the value is its name' })}
                title=${folder.keepDays === null ? msg('Giữ bài mãi mãi', { desc: 'A folder keeps its articles forever' }) : msg(str`Giữ bài ${folder.keepDays} ngày`, { desc: 'A folder keeps its articles N days' })}
                @click=${() => emit(this, 'nr-folder-settings', named)}
              >
                ⚙
              </button>`}
      </div>
      <ul>
        ${folder.sources.map((source) => this.#source(model, source))}
      </ul>
    </li>`;
  }

  override render() {
    const model = this.#model.value;
    if (!model) return nothing;
    const heading = msg('Nguồn theo dõi', { desc: 'Sidebar heading: subscribed feeds' });
    const folders = model.folders();
    return html`<section aria-labelledby="sources-heading">
      <div class="head">
        <h2 id="sources-heading">${heading}</h2>
        <button class="icon add-source" aria-label=${msg('Thêm nguồn / lưu trang', { desc: 'Opens the add source / save page box' })} @click=${() => emit(this, 'nr-add-source', {})}>＋</button>
        ${folders.length
          ? html`<button class="icon refresh-all" aria-label=${msg('Làm mới tất cả nguồn', { desc: 'Refresh every source now' })} @click=${() => void model.refresh({ all: true })}>⟳</button>`
          : nothing}
      </div>
      ${folders.length === 0 && model.loaded ? html`<p class="empty">${msg('Chưa theo dõi nguồn nào.', { desc: 'No subscribed sources yet' })}</p>` : nothing}
      <ul>
        ${folders.map((folder) => this.#folder(model, folder))}
      </ul>
    </section>`;
  }
}

customElements.define('nr-source-tree', NrSourceTree);

declare global {
  interface HTMLElementTagNameMap {
    'nr-source-tree': NrSourceTree;
  }
}
