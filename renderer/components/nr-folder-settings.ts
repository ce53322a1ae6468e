import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { sourcesContext } from '../contexts.ts';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { StateController } from '../controllers/state-controller.ts';
import { trapTab } from '../modal-dialog.ts';
import type { SourcesModel } from '../state/sources-model.ts';
import { controls, modalDialog } from '../styles/tokens.ts';

// The contract's bound (contract/sources.ts MAX_KEEP_DAYS, which layers.json keeps from the renderer); the host checks it again.
const MAX_KEEP_DAYS = 3650;

/**
 * A folder's settings, a modal dialog opened from the folder's ⚙ in the source tree: how long its
 * sources' items are kept (forever, or N days then to the trash). Sources with their own retention
 * keep it; the dialog says how many follow the folder.
 */
export class NrFolderSettings extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    folder: { type: String },
    kind: { state: true },
    problem: { state: true },
  };

  declare open: boolean;
  declare folder: string;
  /** What the select shows: forever or a number of days. */
  declare kind: 'forever' | 'days';
  /** Why the days typed cannot be saved, or null. */
  declare problem: string | null;
  readonly #model = new StateController<SourcesModel>(this, sourcesContext);
  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('select[name=keep]'),
    beforeOpen: () => {
      this.problem = null;
      this.kind = this.#current() === null ? 'forever' : 'days';
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.folder = '';
    this.kind = 'forever';
    this.problem = null;
  }

  static override styles = [
    controls,
    modalDialog,
    css`
      :host {
        --nr-dialog-width: 28rem;
      }
      form {
        padding: 0.8rem 1.2rem;
      }
      label {
        display: block;
        margin: 0.5rem 0 0.2rem;
      }
      input[type='number'] {
        width: 100%;
        box-sizing: border-box;
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-surface);
      }
      .hint {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
      }
      .error {
        color: var(--nr-danger);
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.8rem;
      }
    `,
  ];

  get showing(): boolean {
    return this.#dialog.showing;
  }

  /** The folder's retention as the host last said: days, or null for forever. */
  #current(): number | null {
    return this.#model.value?.folders().find((entry) => entry.name === this.folder)?.keepDays ?? null;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    let keepDays: number | null = null;
    if (this.kind === 'days') {
      const days = Number(this.renderRoot.querySelector<HTMLInputElement>('input[name=keepdays]')?.value);
      if (!Number.isInteger(days) || days < 1 || days > MAX_KEEP_DAYS) {
        this.problem = msg(str`Số ngày là một số nguyên từ 1 đến ${MAX_KEEP_DAYS}.`, { desc: 'A folder’s retention days are out of range' });
        return;
      }
      keepDays = days;
    }
    if (keepDays === this.#current()) {
      this.#dialog.close();
      return;
    }
    const updated = await this.#model.value?.updateFolder(this.folder, keepDays);
    if (updated) this.#dialog.close();
  }

  override render() {
    const model = this.#model.value;
    const info = model?.folders().find((entry) => entry.name === this.folder);
    const following = info?.sources.filter((source) => source.keepDays === null).length ?? 0;
    const current = this.#current();
    return html`<dialog
      aria-labelledby="folder-settings-heading"
      @close=${this.#dialog.onClose}
      @keydown=${(e: KeyboardEvent) => {
        trapTab(e, e.currentTarget as HTMLElement);
        // The app's one-letter shortcuts are not for the list behind this dialog.
        e.stopPropagation();
      }}
    >
      <header>
        <h2 id="folder-settings-heading">${msg(str`Cài đặt thư mục ${this.folder}`, { desc: 'Heading of a folder’s settings dialog; the value is its name' })}</h2>
        <button class="close" @click=${() => this.#dialog.close()}>${msg('Đóng')}</button>
      </header>
      <form novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
        <label for="folder-keep">${msg('Giữ bài của các nguồn trong thư mục', { desc: 'A folder’s retention: how long its sources’ articles are kept' })}</label>
        <select id="folder-keep" name="keep" .value=${this.kind} @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value === 'days' ? 'days' : 'forever')}>
          <option value="forever" ?selected=${this.kind === 'forever'}>${msg('Mãi mãi', { desc: 'Retention: keep forever' })}</option>
          <option value="days" ?selected=${this.kind === 'days'}>${msg('Một số ngày rồi chuyển vào thùng rác', { desc: 'Retention: a number of days, then to the trash' })}</option>
        </select>
        ${this.kind === 'days'
          ? html`<label for="folder-keepdays">${msg('Số ngày giữ (bài gắn sao, gắn thẻ, lưu trữ hay có ghi chú luôn được giữ)', { desc: 'Retention in days; starred, tagged, archived or annotated articles are always kept' })}</label>
              <input id="folder-keepdays" name="keepdays" type="number" min="1" max=${MAX_KEEP_DAYS} step="1" required .value=${String(current ?? 30)} aria-describedby="folder-keep-problem" />`
          : nothing}
        <p class="hint">
          ${msg(str`${following} trong ${info?.sources.length ?? 0} nguồn theo cài đặt này; nguồn có cài đặt riêng giữ cài đặt của mình.`, {
            desc: 'How many of a folder’s sources follow its retention; sources with their own keep theirs',
          })}
        </p>
        <p id="folder-keep-problem" class="error" role="alert">${this.problem ?? nothing}</p>
        <div class="actions"><button class="primary save" type="submit">${msg('Lưu', { desc: 'Save a source’s settings' })}</button></div>
      </form>
    </dialog>`;
  }
}

customElements.define('nr-folder-settings', NrFolderSettings);

declare global {
  interface HTMLElementTagNameMap {
    'nr-folder-settings': NrFolderSettings;
  }
}
