import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { SavedSearch } from '../../contract/index.ts';
import { appStateContext, savedSearchesContext, searchContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { askNotificationPermission } from '../desktop-notification.ts';
import { emit } from '../events.ts';
import { isSingular } from '../localization/app-locale.ts';
import type { AppState } from '../state/app-state.ts';
import type { SavedSearches } from '../state/saved-searches.ts';
import type { SearchSession } from '../state/search-session.ts';
import { controls } from '../styles/tokens.ts';

/** What a dragged saved search carries (never a link: dropping it elsewhere does nothing). */
export const SAVED_SEARCH_DRAG_TYPE = 'application/x-newsroom-saved-search';

/**
 * The sidebar's saved searches: each with its matches new since it was last opened (kept current by
 * the host), opened with a click (`nr-run-saved-search`: the app puts its query in the search box);
 * the current search can be saved; each can be renamed, updated to the current search, told to
 * notify, moved up or down, or deleted. They are reordered by dragging one onto another (it goes before
 * it, or after it when dropped on its lower half), or with Alt+↑ / Alt+↓ on one, as the source tree does.
 */
export class NrSavedSearches extends LitElement {
  static override properties = {
    saving: { state: true },
    editingId: { state: true },
    dropTarget: { state: true },
  };
  declare saving: boolean;
  declare editingId: string | null;
  /** Where a dragged saved search would land: before this one (`after` false) or after it. */
  declare dropTarget: { id: string; after: boolean } | null;
  readonly #watch = new StateController<SavedSearches>(this, savedSearchesContext);
  readonly #search = new StateController<SearchSession>(this, searchContext);
  readonly #app = new StateController<AppState>(this, appStateContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.saving = false;
    this.editingId = null;
    this.dropTarget = null;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
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
      .row {
        display: flex;
        align-items: center;
      }
      .open {
        flex: 1;
        display: flex;
        justify-content: space-between;
        border: none;
        background: transparent;
        padding: 0.35rem 0.5rem;
        text-align: left;
      }
      li.drop-before {
        box-shadow: inset 0 2px 0 var(--nr-accent);
      }
      li.drop-after {
        box-shadow: inset 0 -2px 0 var(--nr-accent);
      }
      .open[aria-current='true'] {
        background: var(--nr-surface);
        font-weight: 600;
      }
      .new {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        color: var(--nr-accent);
      }
      .more {
        border: none;
        background: transparent;
        padding: 0.2rem 0.4rem;
      }
      form,
      .edit {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        padding: 0.3rem 0.5rem 0.5rem;
        font-size: 0.85rem;
      }
      input[type='text'] {
        flex: 1 1 8rem;
        min-width: 0;
      }
      .save {
        margin: 0.2rem 0.9rem;
      }
    `,
  ];

  async #open(item: SavedSearch): Promise<void> {
    const opened = await this.#watch.value?.open(item.id);
    if (opened) emit(this, 'nr-run-saved-search', { query: opened.query, filters: opened.filters });
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const search = this.#search.value;
    const name = new FormData(event.target as HTMLFormElement).get('name')?.toString().trim();
    if (!search || !name) return;
    if (await this.#watch.value?.add(name, search.query, search.filtered ? search.filters : {})) this.saving = false;
  }

  async #rename(event: SubmitEvent, item: SavedSearch): Promise<void> {
    event.preventDefault();
    const name = new FormData(event.target as HTMLFormElement).get('name')?.toString().trim();
    if (name && name !== item.name) await this.#watch.value?.update(item.id, { name });
  }

  async #notify(item: SavedSearch, on: boolean): Promise<void> {
    if (on && this.#app.value?.library.info?.runtime === 'browser') await askNotificationPermission();
    await this.#watch.value?.update(item.id, { notify: on });
  }

  /** Before the row, or after it when the pointer is on its lower half. */
  #dragOver(event: DragEvent, item: SavedSearch): void {
    if (!event.dataTransfer?.types.includes(SAVED_SEARCH_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    if (this.dropTarget?.id !== item.id || this.dropTarget.after !== after) this.dropTarget = { id: item.id, after };
  }

  #drop(event: DragEvent, watch: SavedSearches, item: SavedSearch): void {
    const id = event.dataTransfer?.getData(SAVED_SEARCH_DRAG_TYPE);
    const target = this.dropTarget;
    this.dropTarget = null;
    if (!id) return;
    // The window's own drop handling (files, links) has nothing to do with a moved saved search.
    event.preventDefault();
    event.stopPropagation();
    const index = watch.items.findIndex((entry) => entry.id === item.id);
    const before = target?.id === item.id && target.after ? (watch.items[index + 1]?.id ?? null) : item.id;
    void watch.placeBefore(id, before);
  }

  /** Alt+↑ / Alt+↓ on a saved search moves it, as dragging does; the keyboard stays on it. */
  #onKey(event: KeyboardEvent, watch: SavedSearches, item: SavedSearch): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void watch
      .move(item.id, event.key === 'ArrowUp' ? -1 : 1)
      .then(() => this.updateComplete)
      .then(() => this.renderRoot.querySelector<HTMLElement>(`button.open[data-id="${item.id}"]`)?.focus());
  }

  #newLabel(count: number): string {
    return isSingular(count)
      ? msg(str`${count} bài mới`, { id: 'watch.new.one', desc: 'Saved search: number of new matching articles (one)' })
      : msg(str`${count} bài mới`, { id: 'watch.new.other', desc: 'Saved search: number of new matching articles (several)' });
  }

  #editor(watch: SavedSearches, item: SavedSearch, index: number) {
    const search = this.#search.value;
    return html`<div class="edit">
      <form @submit=${(e: SubmitEvent) => void this.#rename(e, item)}>
        <input type="text" name="name" .value=${item.name} aria-label=${msg('Tên tìm kiếm đã lưu')} maxlength="100" />
        <button type="submit">${msg('Đổi tên')}</button>
      </form>
      <label><input type="checkbox" .checked=${item.notify} @change=${(e: Event) => void this.#notify(item, (e.target as HTMLInputElement).checked)} /> ${msg('Báo khi có bài mới')}</label>
      ${search?.active
        ? html`<button @click=${() => void watch.update(item.id, { query: search.query, filters: search.filtered ? search.filters : {} })}>${msg('Dùng tìm kiếm hiện tại')}</button>`
        : nothing}
      <button ?disabled=${index === 0} aria-label=${msg(str`Đưa “${item.name}” lên`, { desc: 'Button: move this saved search up' })} @click=${() => void watch.move(item.id, -1)}>↑</button>
      <button ?disabled=${index === watch.items.length - 1} aria-label=${msg(str`Đưa “${item.name}” xuống`, { desc: 'Button: move this saved search down' })} @click=${() => void watch.move(item.id, 1)}>↓</button>
      <button @click=${() => void watch.remove(item.id)}>${msg('Xoá', { id: 'watch.delete', desc: 'Button: delete this saved search (the articles stay)' })}</button>
    </div>`;
  }

  #item(watch: SavedSearches, item: SavedSearch, index: number) {
    const editing = this.editingId === item.id;
    const drop = this.dropTarget?.id === item.id ? (this.dropTarget.after ? 'drop-after' : 'drop-before') : '';
    return html`<li
      class=${drop}
      data-id=${item.id}
      @dragover=${(e: DragEvent) => this.#dragOver(e, item)}
      @dragleave=${() => (this.dropTarget = null)}
      @drop=${(e: DragEvent) => this.#drop(e, watch, item)}
    >
      <div class="row" draggable="true" @dragstart=${(e: DragEvent) => e.dataTransfer?.setData(SAVED_SEARCH_DRAG_TYPE, item.id)} @dragend=${() => (this.dropTarget = null)}>
        <button
          class="open"
          data-id=${item.id}
          aria-current=${watch.openId === item.id ? 'true' : 'false'}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          @click=${() => void this.#open(item)}
          @keydown=${(e: KeyboardEvent) => this.#onKey(e, watch, item)}
        >
          <span>${item.name}</span>${item.newCount > 0 ? html`<span class="new" aria-label=${this.#newLabel(item.newCount)}>${item.newCount}</span>` : nothing}
        </button>
        <button
          class="more"
          aria-expanded=${editing ? 'true' : 'false'}
          aria-label=${msg(str`Sửa “${item.name}”`, { desc: 'Button: edit this saved search' })}
          title=${msg(str`Sửa “${item.name}”`, { desc: 'Button: edit this saved search' })}
          @click=${() => (this.editingId = editing ? null : item.id)}
        >
          ⋯
        </button>
      </div>
      ${editing ? this.#editor(watch, item, index) : nothing}
    </li>`;
  }

  override render() {
    const watch = this.#watch.value;
    const search = this.#search.value;
    if (!watch) return nothing;
    const canSave = search?.active === true && watch.openId === null;
    if (watch.items.length === 0 && !canSave) return nothing;
    return html`<h2 id="saved-heading">${msg('Tìm kiếm đã lưu')}</h2>
      <ul aria-labelledby="saved-heading">
        ${watch.items.map((item, index) => this.#item(watch, item, index))}
      </ul>
      ${canSave && !this.saving ? html`<button class="save" @click=${() => (this.saving = true)}>${msg('Lưu tìm kiếm này…')}</button>` : nothing}
      ${canSave && this.saving
        ? html`<form @submit=${(e: SubmitEvent) => void this.#save(e)}>
            <input type="text" name="name" .value=${search.query} aria-label=${msg('Tên tìm kiếm đã lưu')} maxlength="100" />
            <button type="submit">${msg('Lưu', { id: 'watch.save', desc: 'Button: save the current search under this name' })}</button>
            <button type="button" @click=${() => (this.saving = false)}>${msg('Huỷ')}</button>
          </form>`
        : nothing}`;
  }
}

customElements.define('nr-saved-searches', NrSavedSearches);

declare global {
  interface HTMLElementTagNameMap {
    'nr-saved-searches': NrSavedSearches;
  }
}
