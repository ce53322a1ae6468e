import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ArchiveStatus } from '../../contract/index.ts';
import { archiveContext, libraryContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { archiveProblemDetail, failureMessage, reasonMessage } from '../host-messages.ts';
import { isSingular } from '../localization/app-locale.ts';
import { formatDateTime } from '../format-date.ts';
import type { ArchiveModel, ArchiveRefusal } from '../state/archive-model.ts';
import type { LibraryView } from '../state/library-view.ts';
import { controls, statusList } from '../styles/tokens.ts';
import './nr-archive-link-preview.ts';


function passwordSourceText(source: ArchiveStatus['passwordSource']): string {
  switch (source) {
    case 'keychain':
      return msg('Mật khẩu được giữ trong kho khoá của hệ điều hành.', { id: 'archive.password.keychain' });
    case 'session':
      return msg('Mật khẩu chỉ được giữ trong lần chạy này; khởi động lại thì cần nhập lại.', { id: 'archive.password.session' });
    case 'environment':
      return msg('Mật khẩu lấy từ PGPASSFILE hoặc PGPASSWORD.', { id: 'archive.password.environment', desc: 'PGPASSFILE and PGPASSWORD are environment variable names' });
    case null:
      return '';
  }
}

/**
 * The shared archive in Settings: link the library (address and password, then a confirm step showing
 * what the host found there, <nr-archive-link-preview>) or unlink it,
 * sync now, the link's status in words (last sync, changes waiting, live updates, the last problem),
 * the desks with their reporters, and which collections are shared with which desk. Takes the
 * archive model and the library (its collections) from <nr-app>.
 */
export class NrArchiveSettings extends LitElement {
  static override properties = {
    address: { state: true },
    password: { state: true },
  };

  declare address: string;
  declare password: string;
  readonly #archive = new StateController<ArchiveModel>(this, archiveContext);
  readonly #library = new StateController<LibraryView>(this, libraryContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.address = '';
    this.password = '';
  }

  static override styles = [
    controls,
    statusList,
    css`
      :host {
        display: block;
        border-top: 1px solid var(--nr-border);
        padding-top: 1rem;
      }
      :host([hidden]) {
        display: none;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      h4 {
        margin: 0.9rem 0 0.3rem;
        font-size: 0.9rem;
      }
      form,
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        flex: 1 1 14rem;
      }
      input,
      select {
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
        color: var(--nr-text);
      }
      ul {
        margin: 0.2rem 0;
        padding-left: 1.2rem;
      }
      .default-desk {
        margin-top: 0.8rem;
      }
      .hint {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
        margin: 0.4rem 0 0;
      }
      .problem {
        color: var(--nr-danger);
        margin: 0.5rem 0 0;
      }
    `,
  ];

  #problem(problem: ArchiveRefusal | null) {
    if (!problem) return nothing;
    const detail = archiveProblemDetail(problem);
    return html`<p class="problem" role="alert" title=${detail ? msg(str`Chi tiết: ${detail}`, { desc: 'Tooltip: the technical detail of an error' }) : nothing}>${reasonMessage(problem) ?? failureMessage('failed')}</p>`;
  }

  /** Kết nối: the host first says what the address reaches; linking waits for the person's yes. */
  async #probe(event: SubmitEvent, archive: ArchiveModel): Promise<void> {
    event.preventDefault();
    await archive.prepareLink({ address: this.address, ...(this.password ? { password: this.password } : {}) });
  }

  async #confirm(archive: ArchiveModel): Promise<void> {
    const linked = await archive.confirmLink();
    // The password is the host's to keep (keychain or this run's memory), never this form's.
    this.password = '';
    if (linked) this.address = '';
  }

  #connectForm(archive: ArchiveModel) {
    if (archive.preview) {
      return html`<nr-archive-link-preview
        .preview=${archive.preview}
        ?busy=${archive.busy !== null}
        @nr-archive-link-confirm=${() => void this.#confirm(archive)}
        @nr-archive-link-cancel=${() => archive.cancelLink()}
      ></nr-archive-link-preview>`;
    }
    const desktop = this.#library.value?.info?.runtime === 'electron';
    return html`<form @submit=${(e: SubmitEvent) => void this.#probe(e, archive)}>
        <label
          >${msg('Địa chỉ kho chung', { desc: 'Field: the PostgreSQL address of the shared archive' })}
          <input
            name="archive-address"
            required
            autocomplete="off"
            spellcheck="false"
            placeholder="postgres://phongvien@may-chu:5432/kho?sslmode=require"
            .value=${this.address}
            @input=${(e: Event) => (this.address = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${msg('Mật khẩu', { id: 'archive.password', desc: 'Field: the reporter’s PostgreSQL password' })}
          <input name="archive-password" type="password" autocomplete="off" .value=${this.password} @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
        /></label>
        <button class="primary" type="submit" ?disabled=${archive.busy !== null}>${archive.busy === 'probe' ? msg('Đang kết nối…') : msg('Kết nối', { id: 'archive.connect' })}</button>
      </form>
      <p class="hint">
        ${desktop
          ? msg('Mật khẩu được mã hoá bằng kho khoá của hệ điều hành, không bao giờ lưu dạng chữ thường trong cài đặt.')
          : msg('Trong trình duyệt, mật khẩu chỉ được giữ trong lần chạy này của máy chủ, không bao giờ lưu vào cài đặt.')}
      </p>
      <p class="hint">${msg('Không kết nối thì thư viện vẫn chỉ nằm trên máy này, như trước.')}</p>`;
  }

  #state(status: ArchiveStatus): string {
    if (status.syncing) return msg('Đang đồng bộ…', { id: 'archive.state.syncing' });
    if (!status.reachable) return msg('Chưa kết nối được; sẽ thử lại.', { id: 'archive.state.unreachable' });
    return status.live ? msg('Đã kết nối, cập nhật trực tiếp', { id: 'archive.state.live' }) : msg('Đã kết nối', { id: 'archive.state.connected' });
  }

  #pending(count: number): string {
    if (count === 0) return msg('Không có thay đổi nào chờ gửi', { id: 'archive.pending.none' });
    return isSingular(count) ? msg(str`${count} thay đổi chờ gửi`, { id: 'archive.pending.one' }) : msg(str`${count} thay đổi chờ gửi`, { id: 'archive.pending.many' });
  }

  #linked(archive: ArchiveModel, status: ArchiveStatus) {
    const result = archive.lastResult;
    return html`<dl class="archive-status">
        <dt>${msg('Địa chỉ', { id: 'archive.address' })}</dt>
        <dd>${status.address ?? ''}</dd>
        <dt>${msg('Phóng viên', { id: 'archive.user', desc: 'Label: the PostgreSQL role this library syncs as' })}</dt>
        <dd>${status.user ?? ''}</dd>
        <dt>${msg('Trạng thái', { id: 'archive.state' })}</dt>
        <dd class="state">${this.#state(status)}</dd>
        <dt>${msg('Lần đồng bộ cuối', { id: 'archive.last-sync' })}</dt>
        <dd class="last-sync">${status.lastSync ? formatDateTime(status.lastSync) : msg('Chưa đồng bộ lần nào', { id: 'archive.never-synced' })}</dd>
        <dt>${msg('Chờ gửi', { id: 'archive.pending' })}</dt>
        <dd class="pending">${this.#pending(status.pending)}</dd>
      </dl>
      ${status.passwordSource ? html`<p class="hint">${passwordSourceText(status.passwordSource)}</p>` : nothing}
      <div class="row">
        <button class="primary" ?disabled=${archive.busy !== null} @click=${() => void archive.sync()}>${archive.busy === 'sync' ? msg('Đang đồng bộ…', { id: 'archive.state.syncing' }) : msg('Đồng bộ ngay')}</button>
        <button ?disabled=${archive.busy !== null} @click=${() => void archive.disconnect()}>${msg('Ngắt kết nối', { id: 'archive.disconnect' })}</button>
      </div>
      ${result
        ? html`<p class="hint sync-result" role="status">
            ${msg(str`Đã gửi ${result.pushed.articles} bài, ${result.pushed.annotations} ghi chú; đã nhận ${result.pulled.articles} bài, ${result.pulled.annotations} ghi chú.`, {
              desc: 'After a sync: articles and annotations pushed, then pulled',
            })}
          </p>`
        : nothing}
      ${archive.refusedWithPending !== null
        ? html`<div class="row" role="alert">
            <span>${msg(str`Còn ${archive.refusedWithPending} thay đổi chưa gửi lên kho chung. Ngắt kết nối thì các thay đổi đó không được gửi nữa (chúng vẫn ở trong thư viện).`, {
              desc: 'Asked before disconnecting with changes waiting; the value is a count',
            })}</span>
            <button @click=${() => void archive.disconnect(true)}>${msg('Vẫn ngắt kết nối')}</button>
            <button class="primary" @click=${() => archive.keepLink()}>${msg('Giữ kết nối')}</button>
          </div>`
        : nothing}
      ${this.#desks(archive, status)}`;
  }

  #desks(archive: ArchiveModel, status: ArchiveStatus) {
    if (status.desks.length === 0) return html`<p class="hint">${msg('Bạn chưa thuộc ban nào; ghi chú và bài chỉ là của riêng bạn cho tới khi được thêm vào một ban.')}</p>`;
    return html`<label class="default-desk"
        >${msg('Ban mặc định cho bài mới', { desc: 'Select: the desk new articles are shared with' })}
        <select name="default-desk" @change=${(e: Event) => void archive.setDefaultDesk((e.target as HTMLSelectElement).value || null)}>
          <option value="" ?selected=${status.defaultDesk === null}>${msg('Không ban nào (riêng tư cho tới khi chia sẻ)', { id: 'archive.no-desk' })}</option>
          ${status.desks.map((desk) => html`<option value=${desk.name} ?selected=${status.defaultDesk === desk.name}>${desk.name}</option>`)}
        </select></label
      >
      <h4>${msg('Các ban của bạn', { desc: 'Heading: the desks this reporter is on, with their members' })}</h4>
      <ul class="desks">
        ${status.desks.map((desk) => html`<li><strong>${desk.name}</strong>: ${desk.members.join(', ')}</li>`)}
      </ul>
      ${this.#sharedCollections(archive, status)}`;
  }

  #shareCollection(event: SubmitEvent, archive: ArchiveModel): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const collection = form.querySelector<HTMLSelectElement>('select[name=collection]')?.value ?? '';
    const desk = form.querySelector<HTMLSelectElement>('select[name=desk]')?.value ?? '';
    if (collection && desk) void archive.shareCollection(collection, desk, true);
  }

  #sharedCollections(archive: ArchiveModel, status: ArchiveStatus) {
    const collections = (this.#library.value?.counts?.collections ?? []).map((c) => c.name);
    return html`<h4>${msg('Bộ sưu tập chia sẻ với ban', { desc: 'Heading: which collections are shared with which desk' })}</h4>
      ${status.sharedCollections.length === 0
        ? html`<p class="hint">${msg('Chưa chia sẻ bộ sưu tập nào.')}</p>`
        : html`<ul class="shared-collections">
            ${status.sharedCollections.map(
              (share) =>
                html`<li>
                  ${msg(str`${share.collection} → ban ${share.desk}`, { desc: 'A collection shared with a desk: collection name, then desk name' })}
                  <button @click=${() => void archive.shareCollection(share.collection, share.desk, false)}>${msg('Thôi chia sẻ')}</button>
                </li>`,
            )}
          </ul>`}
      ${collections.length === 0
        ? html`<p class="hint">${msg('Thư viện chưa có bộ sưu tập nào để chia sẻ.')}</p>`
        : html`<form @submit=${(e: SubmitEvent) => this.#shareCollection(e, archive)}>
            <select name="collection" aria-label=${msg('Bộ sưu tập', { id: 'archive.collection' })}>
              ${collections.map((name) => html`<option value=${name}>${name}</option>`)}
            </select>
            <select name="desk" aria-label=${msg('Ban', { id: 'archive.desk' })}>
              ${status.desks.map((desk) => html`<option value=${desk.name}>${desk.name}</option>`)}
            </select>
            <button type="submit">${msg('Chia sẻ với ban', { id: 'archive.share-collection' })}</button>
          </form>`}`;
  }

  override render() {
    const archive = this.#archive.value;
    // A host without an archive (or not answered yet): the section is not there at all.
    this.hidden = !archive?.available || !archive.status;
    if (!archive?.status) return nothing;
    const status = archive.status;
    return html`<section aria-labelledby="archive-heading">
      <h3 id="archive-heading">${msg('Kho chung', { id: 'archive.name', desc: 'The newsroom’s shared archive on PostgreSQL' })}</h3>
      <p class="hint">${msg('Kho chung của toà soạn trên PostgreSQL: bài và ghi chú được chia sẻ với các ban bạn thuộc về; thư viện trên máy vẫn là bản gốc.')}</p>
      ${status.linked ? this.#linked(archive, status) : this.#connectForm(archive)} ${this.#problem(archive.shownProblem)}
    </section>`;
  }
}

customElements.define('nr-archive-settings', NrArchiveSettings);

declare global {
  interface HTMLElementTagNameMap {
    'nr-archive-settings': NrArchiveSettings;
  }
}
