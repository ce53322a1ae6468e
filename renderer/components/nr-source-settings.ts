import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { FullTextMode, KeepDays, SourceInfo, SourcePhotos } from '../../contract/index.ts';
import { sourcesContext } from '../contexts.ts';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { StateController } from '../controllers/state-controller.ts';
import { trapTab } from '../modal-dialog.ts';
import { dateTimeText, sourceErrorText } from '../source-status.ts';
import type { SourcePatch, SourcesModel } from '../state/sources-model.ts';
import { controls, formFields, modalDialog } from '../styles/tokens.ts';
import type { RetentionChoice } from '../events.ts';
import './nr-retention-field.ts';

// The contract's bounds (contract/sources.ts, whose values layers.json keeps from the renderer); the host checks them again.
const MIN_SOURCE_INTERVAL_MINUTES = 5;
const MAX_SOURCE_INTERVAL_MINUTES = 7 * 24 * 60;

/**
 * One source's settings, a modal dialog: title, folder, interval, paused; its status (last success,
 * next refresh, last error in words); refresh now (it, its folder, all); mark all read; and removing
 * it, which asks whether its articles are kept or moved to the trash.
 */
export class NrSourceSettings extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    sourceId: { type: String },
    removing: { state: true },
  };
  /** The retention picked since the dialog opened; undefined: untouched. */
  #retention: RetentionChoice | undefined = undefined;

  declare open: boolean;
  declare sourceId: string;
  /** The remove step is showing (keep or trash the articles). */
  declare removing: boolean;
  readonly #model = new StateController<SourcesModel>(this, sourcesContext);
  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('input[name=title]'),
    beforeOpen: () => {
      this.removing = false;
      this.#retention = undefined;
      this.renderRoot.querySelector('nr-retention-field')?.reset();
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.sourceId = '';
    this.removing = false;
  }

  static override styles = [
    controls,
    modalDialog,
    formFields,
    css`
      :host {
        --nr-dialog-width: 34rem;
      }
      form,
      section {
        padding: 0.8rem 1.2rem;
      }
      section {
        border-top: 1px solid var(--nr-border);
      }
      label.inline {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.8rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .error {
        color: var(--nr-danger);
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 0.4rem;
      }
      fieldset {
        border: 1px solid var(--nr-border);
        border-radius: var(--nr-radius);
      }
    `,
  ];

  get showing(): boolean {
    return this.#dialog.showing;
  }

  #value(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '';
  }

  /** Only what was changed is sent, so an untouched field never overwrites a concurrent change. */
  #save(event: SubmitEvent, source: SourceInfo): void {
    event.preventDefault();
    const patch: SourcePatch = {};
    const title = this.#value('title').trim();
    if (title && title !== source.title) patch.title = title;
    const folder = this.#value('folder').trim() || null;
    if (folder !== source.folder) patch.folder = folder;
    const interval = Number(this.#value('interval'));
    if (Number.isInteger(interval) && interval !== source.intervalMinutes) patch.intervalMinutes = interval;
    const paused = this.renderRoot.querySelector<HTMLInputElement>('input[name=paused]')?.checked ?? source.paused;
    if (paused !== source.paused) patch.paused = paused;
    const fullText = (this.renderRoot.querySelector<HTMLSelectElement>('select[name=fulltext]')?.value ?? source.fullText) as FullTextMode;
    if (fullText !== source.fullText) patch.fullText = fullText;
    const photos = this.#photos(source);
    if (photos !== source.photos) patch.photos = photos;
    const keepDays = this.#keepDays(source);
    if (keepDays !== source.keepDays) patch.keepDays = keepDays;
    if (Object.keys(patch).length === 0) {
      this.#dialog.close();
      return;
    }
    void this.#model.value?.update(source.id, patch).then((updated) => updated && this.#dialog.close());
  }

  /** The photos switch chosen: as the library setting (null), on, or off. */
  #photos(source: SourceInfo): SourcePhotos {
    const value = this.renderRoot.querySelector<HTMLSelectElement>('select[name=photos]')?.value;
    return value === 'on' ? true : value === 'off' ? false : value === 'library' ? null : source.photos;
  }

  /** The retention chosen: its folder's (null), forever, or the days typed (kept as they were if unreadable). */
  #keepDays(source: SourceInfo): KeepDays {
    return this.#retention === undefined || this.#retention === 'invalid' ? source.keepDays : this.#retention;
  }

  #keepFields(source: SourceInfo) {
    const photos = source.photos === null ? 'library' : source.photos ? 'on' : 'off';
    return html`<label for="source-fulltext">${msg('Toàn văn', { desc: 'A source’s full-text setting: fetch each item’s linked page' })}</label>
      <select id="source-fulltext" name="fulltext" .value=${source.fullText}>
        <option value="auto" ?selected=${source.fullText === 'auto'}>${msg('Tự động (khi mục chỉ có tóm tắt)', { desc: 'Full text: fetch the page when a feed item is only a summary' })}</option>
        <option value="always" ?selected=${source.fullText === 'always'}>${msg('Luôn lấy từ trang gốc', { desc: 'Full text: always fetch the linked page' })}</option>
        <option value="never" ?selected=${source.fullText === 'never'}>${msg('Chỉ dùng nội dung trong nguồn', { desc: 'Full text: never fetch the linked page' })}</option>
      </select>
      <label for="source-photos">${msg('Ảnh trong bài', { desc: 'A source’s photos setting: keep its items’ photos or not' })}</label>
      <select id="source-photos" name="photos" .value=${photos}>
        <option value="library" ?selected=${photos === 'library'}>${msg('Như cài đặt chung của thư viện', { desc: 'Photos: follow the library’s “download photos” setting' })}</option>
        <option value="on" ?selected=${photos === 'on'}>${msg('Luôn tải và lưu ảnh', { desc: 'Photos: always keep this source’s photos' })}</option>
        <option value="off" ?selected=${photos === 'off'}>${msg('Không tải ảnh', { desc: 'Photos: never keep this source’s photos' })}</option>
      </select>
      <nr-retention-field
        .value=${source.keepDays}
        allow-folder
        label=${msg('Giữ bài', { desc: 'A source’s retention: how long its articles are kept before going to the trash' })}
        @nr-retention-change=${(e: CustomEvent<RetentionChoice>) => (this.#retention = e.detail)}
      ></nr-retention-field>`;
  }

  async #remove(source: SourceInfo): Promise<void> {
    const choice = this.renderRoot.querySelector<HTMLInputElement>('input[name=articles]:checked')?.value === 'trash' ? 'trash' : 'keep';
    const removed = await this.#model.value?.remove(source.id, choice);
    if (removed) this.#dialog.close();
  }

  #status(model: SourcesModel, source: SourceInfo) {
    const error = sourceErrorText(source);
    return html`<section aria-labelledby="status-heading">
      <h3 id="status-heading">${msg('Tình trạng', { desc: 'Section: a source’s refresh status' })}</h3>
      <dl>
        <dt>${msg('Địa chỉ', { desc: 'A source’s feed address' })}</dt>
        <dd class="url">${source.url}</dd>
        <dt>${msg('Lần cập nhật được gần nhất', { desc: 'When a source was last refreshed successfully' })}</dt>
        <dd class="last-success">${source.lastSuccessAt ? dateTimeText(source.lastSuccessAt) : msg('Chưa có', { desc: 'Never (no successful refresh yet)' })}</dd>
        <dt>${msg('Lần làm mới tới', { desc: 'When a source will next be refreshed' })}</dt>
        <dd class="next-refresh">${source.paused ? msg('Tạm dừng', { desc: 'A source that is not refreshed (paused)' }) : dateTimeText(source.nextRefreshAt)}</dd>
        ${error
          ? html`<dt>${msg('Lỗi gần nhất', { desc: 'Why the last refresh of a source failed' })}</dt>
              <dd class="last-error error">${error} (${dateTimeText(source.lastError!.at)})</dd>`
          : nothing}
        <dt>${msg('Số bài', { desc: 'How many articles a source brought' })}</dt>
        <dd>${msg(str`${source.articleCount} bài, ${source.unreadCount} chưa đọc`, { desc: 'A source’s articles and how many are unread' })}</dd>
      </dl>
      <div class="actions">
        <button type="button" class="refresh-one" ?disabled=${model.isRefreshing(source.id)} @click=${() => void model.refresh({ id: source.id })}>
          ${model.isRefreshing(source.id) ? msg('Đang làm mới…', { desc: 'A source is being refreshed now' }) : msg('Làm mới ngay', { desc: 'Refresh this source now' })}
        </button>
        ${source.folder !== null
          ? html`<button type="button" class="refresh-folder" @click=${() => void model.refresh({ folder: source.folder! })}>${msg('Làm mới cả thư mục', { desc: 'Refresh every source of this source’s folder' })}</button>`
          : nothing}
        <button type="button" class="refresh-all" @click=${() => void model.refresh({ all: true })}>${msg('Làm mới tất cả nguồn', { desc: 'Refresh every source now' })}</button>
        <button type="button" class="mark-read" @click=${() => void model.markAllRead({ id: source.id })}>${msg('Đánh dấu tất cả đã đọc', { desc: 'Mark every article of this source read' })}</button>
      </div>
    </section>`;
  }

  #removal(source: SourceInfo) {
    if (!this.removing) {
      return html`<section>
        <button type="button" class="remove" @click=${() => (this.removing = true)}>${msg('Bỏ theo dõi…', { desc: 'Start removing a source' })}</button>
      </section>`;
    }
    return html`<section>
      <fieldset>
        <legend>${msg(str`Bỏ theo dõi “${source.title}”. Các bài của nguồn này:`, { desc: 'Removing a source: what becomes of its articles' })}</legend>
        <label class="inline"><input type="radio" name="articles" value="keep" checked />${msg('Giữ lại trong thư viện', { desc: 'Keep a removed source’s articles' })}</label>
        <label class="inline"><input type="radio" name="articles" value="trash" />${msg('Chuyển vào thùng rác', { desc: 'Move a removed source’s articles to the trash' })}</label>
      </fieldset>
      <div class="actions">
        <button type="button" class="primary confirm-remove" @click=${() => void this.#remove(source)}>${msg('Bỏ theo dõi', { desc: 'Confirm removing a source' })}</button>
        <button type="button" class="cancel-remove" @click=${() => (this.removing = false)}>${msg('Huỷ')}</button>
      </div>
    </section>`;
  }

  override render() {
    const model = this.#model.value;
    const source = model?.get(this.sourceId);
    return html`<dialog
      aria-labelledby="source-settings-heading"
      @close=${this.#dialog.onClose}
      @keydown=${(e: KeyboardEvent) => {
        trapTab(e, e.currentTarget as HTMLElement);
        // The app's one-letter shortcuts are not for the list behind this dialog.
        e.stopPropagation();
      }}
    >
      <header>
        <h2 id="source-settings-heading">${msg('Cài đặt nguồn', { desc: 'Heading of a source’s settings dialog' })}</h2>
        <button class="close" @click=${() => this.#dialog.close()}>${msg('Đóng')}</button>
      </header>
      ${model && source
        ? html`<form @submit=${(e: SubmitEvent) => this.#save(e, source)}>
              <label for="source-title">${msg('Tên', { desc: 'A source’s title' })}</label>
              <input id="source-title" name="title" type="text" required maxlength="200" .value=${source.title} />
              <label for="source-folder">${msg('Thư mục (để trống: không thư mục)', { desc: 'A source’s folder; empty means none' })}</label>
              <input id="source-folder" name="folder" type="text" maxlength="200" list="source-folders" .value=${source.folder ?? ''} />
              <datalist id="source-folders">${model.folderNames().map((name) => html`<option value=${name}></option>`)}</datalist>
              <label for="source-interval">${msg('Làm mới sau mỗi (phút)', { desc: 'A source’s refresh interval in minutes' })}</label>
              <input id="source-interval" name="interval" type="number" required min=${MIN_SOURCE_INTERVAL_MINUTES} max=${MAX_SOURCE_INTERVAL_MINUTES} step="1" .value=${String(source.intervalMinutes)} />
              <label class="inline"><input name="paused" type="checkbox" .checked=${source.paused} />${msg('Tạm dừng làm mới', { desc: 'Checkbox: pause a source' })}</label>
              ${this.#keepFields(source)}
              <div class="actions"><button class="primary save" type="submit">${msg('Lưu', { desc: 'Save a source’s settings' })}</button></div>
            </form>
            ${this.#status(model, source)} ${this.#removal(source)}`
        : html`<section><p>${msg('Không tìm thấy nguồn này; có thể nó vừa bị gỡ.', { id: 'failure.source.not-found' })}</p></section>`}
    </dialog>`;
  }
}

customElements.define('nr-source-settings', NrSourceSettings);

declare global {
  interface HTMLElementTagNameMap {
    'nr-source-settings': NrSourceSettings;
  }
}
