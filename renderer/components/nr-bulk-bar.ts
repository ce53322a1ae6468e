import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { BulkAction } from '../../contract/index.ts';
import { appStateContext, bulkContext, libraryContext, searchContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { downloadText } from '../download-text.ts';
import { isSingular } from '../localization/app-locale.ts';
import type { AppState } from '../state/app-state.ts';
import type { BulkOutcome, BulkSelection } from '../state/bulk-selection.ts';
import type { LibraryView } from '../state/library-view.ts';
import type { SearchSession } from '../state/search-session.ts';
import { controls } from '../styles/tokens.ts';

function articles(count: number): string {
  return isSingular(count)
    ? msg(str`${count} bài`, { id: 'bulk.articles.one', desc: 'A number of articles (one), used inside bulk-action messages' })
    : msg(str`${count} bài`, { id: 'bulk.articles.other', desc: 'A number of articles (several), used inside bulk-action messages' });
}

/** What a bulk action did, in the UI's language: "Đã lưu trữ 48 bài". */
export function outcomeText(outcome: BulkOutcome): string {
  const count = articles(outcome.count);
  const detail = outcome.detail ?? '';
  if (outcome.undone) return msg(str`Đã hoàn tác cho ${count}.`, { desc: 'After undoing a bulk action; the value is a number of articles' });
  switch (outcome.action) {
    case 'tag':
      return msg(str`Đã gắn thẻ “${detail}” cho ${count}.`, { desc: 'First value: a tag; second: a number of articles' });
    case 'untag':
      return msg(str`Đã bỏ thẻ “${detail}” khỏi ${count}.`, { desc: 'First value: a tag; second: a number of articles' });
    case 'setCollection':
      return outcome.detail
        ? msg(str`Đã đưa ${count} vào bộ sưu tập “${detail}”.`, { desc: 'First value: a number of articles; second: a collection' })
        : msg(str`Đã bỏ ${count} khỏi bộ sưu tập.`, { desc: 'The value is a number of articles' });
    case 'markRead':
      return msg(str`Đã đánh dấu đã đọc ${count}.`, { desc: 'The value is a number of articles' });
    case 'markUnread':
      return msg(str`Đã đánh dấu chưa đọc ${count}.`, { desc: 'The value is a number of articles' });
    case 'star':
      return msg(str`Đã gắn sao ${count}.`, { desc: 'The value is a number of articles' });
    case 'unstar':
      return msg(str`Đã bỏ sao ${count}.`, { desc: 'The value is a number of articles' });
    case 'archive':
      return msg(str`Đã lưu trữ ${count}.`, { desc: 'The value is a number of articles' });
    case 'unarchive':
      return msg(str`Đã bỏ lưu trữ ${count}.`, { desc: 'The value is a number of articles' });
    case 'trash':
      return msg(str`Đã chuyển ${count} vào thùng rác.`, { desc: 'The value is a number of articles' });
    case 'restore':
      return msg(str`Đã khôi phục ${count}.`, { desc: 'The value is a number of articles' });
  }
}

/**
 * The selection bar (how many are picked, select all, and the actions on them) and, after an
 * action, what it did with an offer to undo it. It floats over the panes so that the reader's
 * "move to trash" shows its notice in a one-pane layout too.
 */
export class NrBulkBar extends LitElement {
  readonly #bulk = new StateController<BulkSelection>(this, bulkContext);
  readonly #app = new StateController<AppState>(this, appStateContext);
  readonly #library = new StateController<LibraryView>(this, libraryContext);
  readonly #search = new StateController<SearchSession>(this, searchContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  static override styles = [
    controls,
    css`
      :host {
        position: fixed;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        z-index: 20;
        max-width: min(96vw, 60rem);
      }
      .bar,
      .outcome {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        padding: 0.5rem 0.75rem;
        background: var(--nr-surface);
        color: var(--nr-text);
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        box-shadow: 0 4px 16px rgb(0 0 0 / 20%);
        font-size: 0.85rem;
      }
      .outcome {
        margin-top: 0.4rem;
      }
      .count {
        font-weight: 600;
        margin-right: 0.3rem;
      }
      input {
        width: 9rem;
      }
      .group {
        display: inline-flex;
        gap: 0.25rem;
        align-items: center;
      }
    `,
  ];

  #value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value.trim() ?? '';
  }

  #run(action: BulkAction): void {
    const app = this.#app.value;
    if (app) void this.#bulk.value?.run(action, app.selectionScope());
  }

  #withName(input: string, make: (name: string) => BulkAction): void {
    const name = this.#value(input);
    if (name) this.#run(make(name));
    else this.renderRoot.querySelector<HTMLInputElement>(`#${input}`)?.focus();
  }

  async #export(): Promise<void> {
    const app = this.#app.value;
    const file = app ? await this.#bulk.value?.export(app.selectionScope()) : undefined;
    if (file) downloadText(file.filename, 'application/x-ndjson', file.ndjson);
  }

  #bar(bulk: BulkSelection, total: number) {
    const view = this.#search.value?.active ? null : this.#library.value?.selection.view;
    const counts = this.#library.value?.counts;
    const disabled = bulk.busy;
    const picked = bulk.count(total);
    const selected = isSingular(picked)
      ? msg(str`Đã chọn ${picked} bài`, { id: 'bulk.selected.one', desc: 'Selection bar: number of articles selected (one)' })
      : msg(str`Đã chọn ${picked} bài`, { id: 'bulk.selected.other', desc: 'Selection bar: number of articles selected (several)' });
    return html`<section class="bar" aria-label=${msg('Thao tác với các bài đã chọn')}>
      <span class="count" role="status">${selected}</span>
      ${bulk.all || picked >= total ? nothing : html`<button @click=${() => bulk.selectAll()}>${msg(str`Chọn tất cả ${total}`, { desc: 'Button: select every article of this view or search; the value is how many' })}</button>`}
      <button @click=${() => bulk.clear()}>${msg('Bỏ chọn')}</button>
      <span class="group">
        <input id="bulk-tag" list="bulk-tags" aria-label=${msg('Thẻ cho các bài đã chọn')} placeholder=${msg('Thẻ')} />
        <datalist id="bulk-tags">${(counts?.tags ?? []).map((tag) => html`<option value=${tag.name}></option>`)}</datalist>
        <button ?disabled=${disabled} @click=${() => this.#withName('bulk-tag', (tag) => ({ kind: 'tag', tag }))}>${msg('Gắn thẻ')}</button>
        <button ?disabled=${disabled} @click=${() => this.#withName('bulk-tag', (tag) => ({ kind: 'untag', tag }))}>${msg('Bỏ thẻ')}</button>
      </span>
      <span class="group">
        <input id="bulk-collection" list="bulk-collections" aria-label=${msg('Bộ sưu tập cho các bài đã chọn')} placeholder=${msg('Bộ sưu tập')} />
        <datalist id="bulk-collections">${(counts?.collections ?? []).map((c) => html`<option value=${c.name}></option>`)}</datalist>
        <button ?disabled=${disabled} @click=${() => this.#withName('bulk-collection', (collection) => ({ kind: 'setCollection', collection }))}>${msg('Đưa vào bộ sưu tập')}</button>
        <button ?disabled=${disabled} @click=${() => this.#run({ kind: 'setCollection', collection: null })}>${msg('Bỏ khỏi bộ sưu tập')}</button>
      </span>
      <button ?disabled=${disabled} @click=${() => this.#run({ kind: 'markRead' })}>${msg('Đánh dấu đã đọc')}</button>
      <button ?disabled=${disabled} @click=${() => this.#run({ kind: 'markUnread' })}>${msg('Đánh dấu chưa đọc')}</button>
      <button ?disabled=${disabled} @click=${() => this.#run({ kind: 'star' })}>${msg('Gắn sao')}</button>
      <button ?disabled=${disabled} @click=${() => this.#run({ kind: 'unstar' })}>${msg('Bỏ sao')}</button>
      ${view === 'archived'
        ? html`<button ?disabled=${disabled} @click=${() => this.#run({ kind: 'unarchive' })}>${msg('Bỏ lưu trữ')}</button>`
        : html`<button ?disabled=${disabled} @click=${() => this.#run({ kind: 'archive' })}>${msg('Lưu trữ', { id: 'bulk.archive', desc: 'Button: archive the selected articles' })}</button>`}
      ${view === 'trash'
        ? html`<button ?disabled=${disabled} @click=${() => this.#run({ kind: 'restore' })}>${msg('Khôi phục', { id: 'bulk.restore', desc: 'Button: restore the selected articles from the trash' })}</button>`
        : html`<button ?disabled=${disabled} @click=${() => this.#run({ kind: 'trash' })}>${msg('Chuyển vào thùng rác', { id: 'bulk.trash', desc: 'Bulk action: move the selected articles to the trash' })}</button>`}
      <button ?disabled=${disabled} @click=${() => void this.#export()}>${msg('Xuất', { id: 'bulk.export', desc: 'Button: export the selected articles as NDJSON' })}</button>
    </section>`;
  }

  #outcome(bulk: BulkSelection, outcome: BulkOutcome) {
    return html`<div class="outcome">
      <span>${outcomeText(outcome)}</span>
      ${outcome.token && !outcome.undone ? html`<button @click=${() => void bulk.undo()}>${msg('Hoàn tác')}</button>` : nothing}
      <button @click=${() => bulk.dismissOutcome()}>${msg('Đóng')}</button>
    </div>`;
  }

  override render() {
    const bulk = this.#bulk.value;
    if (!bulk) return nothing;
    const search = this.#search.value;
    const total = search?.active ? (search.result?.total ?? 0) : (this.#library.value?.total ?? 0);
    return html`${bulk.active ? this.#bar(bulk, total) : nothing}
      <div role="status" aria-live="polite">${bulk.outcome ? this.#outcome(bulk, bulk.outcome) : nothing}</div>`;
  }
}

customElements.define('nr-bulk-bar', NrBulkBar);

declare global {
  interface HTMLElementTagNameMap {
    'nr-bulk-bar': NrBulkBar;
  }
}
