import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { sourcesContext } from '../contexts.ts';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { StateController } from '../controllers/state-controller.ts';
import { trapTab } from '../modal-dialog.ts';
import type { SourcesModel } from '../state/sources-model.ts';
import { controls, modalDialog } from '../styles/tokens.ts';
import type { RetentionChoice } from '../events.ts';
import type { NrRetentionField } from './nr-retention-field.ts';
import './nr-retention-field.ts';

/**
 * A folder's settings, a modal dialog opened from the folder's ⚙ in the source tree: how long its
 * sources' items are kept (forever, or N days then to the trash). Sources with their own retention
 * keep it; the dialog says how many follow the folder.
 */
export class NrFolderSettings extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    folder: { type: String },
    choice: { state: true },
    problemShown: { state: true },
  };

  declare open: boolean;
  declare folder: string;
  /** What the retention field shows now: forever, days, or days that cannot be saved. */
  declare choice: RetentionChoice;
  /** A save was refused because of the days typed: the field says why until they are fixed. */
  declare problemShown: boolean;
  readonly #model = new StateController<SourcesModel>(this, sourcesContext);
  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.#field(),
    beforeOpen: () => {
      this.problemShown = false;
      this.#field()?.reset();
      this.choice = this.#stored();
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.folder = '';
    this.choice = 'forever';
    this.problemShown = false;
  }

  #field(): NrRetentionField | null {
    return this.renderRoot.querySelector('nr-retention-field');
  }

  /** The folder's retention as the field shows it: forever when it has none. */
  #stored(): RetentionChoice {
    return this.#current() ?? 'forever';
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
      .hint {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
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
    if (this.choice === 'invalid') {
      this.problemShown = true;
      return;
    }
    // A folder has no folder to follow: its retention is days, or none (forever).
    const keepDays = typeof this.choice === 'number' ? this.choice : null;
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
        <nr-retention-field
          .value=${current ?? 'forever'}
          label=${msg('Giữ bài của các nguồn trong thư mục', { desc: 'A folder’s retention: how long its sources’ articles are kept' })}
          ?problem-shown=${this.problemShown}
          @nr-retention-change=${(e: CustomEvent<RetentionChoice>) => (this.choice = e.detail)}
        ></nr-retention-field>
        <p class="hint">
          ${msg(str`${following} trong ${info?.sources.length ?? 0} nguồn theo cài đặt này; nguồn có cài đặt riêng giữ cài đặt của mình.`, {
            desc: 'How many of a folder’s sources follow its retention; sources with their own keep theirs',
          })}
        </p>
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
