import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { AppInfo, Settings } from '../../contract/index.ts';
import { SETTINGS_DEFAULTS } from '../../contract/settings-defaults.ts';
import { client, CommandFailure } from '../client/newsroom-client.ts';
import { commandFailureText } from '../host-messages.ts';
import { downloadText } from '../download-text.ts';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { trapTab } from '../modal-dialog.ts';
import { localeOptions, resolveLocale } from '../localization/app-locale.ts';
import { controls, modalDialog } from '../styles/tokens.ts';
import { readerStyle } from './nr-reader-prefs.ts';
import './nr-reader-prefs.ts';
import './nr-archive-settings.ts';
import { emit, type SettingsPatch } from '../events.ts';

type Theme = Settings['theme'];

function themeLabel(theme: Theme): string {
  switch (theme) {
    case 'system':
      return msg('Theo hệ thống', { id: 'theme.system', desc: 'Theme choice: follow the operating system' });
    case 'light':
      return msg('Sáng', { id: 'theme.light' });
    case 'dark':
      return msg('Tối', { id: 'theme.dark' });
    case 'sepia':
      return msg('Sepia', { id: 'theme.sepia' });
  }
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'sepia'];

/**
 * The settings view, a modal dialog: theme, reader defaults, the library's location with export and
 * backup. Open it by setting `open`; it emits `nr-settings-change` (SettingsPatch) for the app to apply
 * and remember, and `nr-close` when it closes (Escape, the Close button). Focus goes back to where it was.
 */
export class NrSettings extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    settings: { attribute: false },
    info: { attribute: false },
    /** What 'system' means right now: the OS's colour scheme. */
    systemTheme: { attribute: false },
    status: { state: true },
    busy: { state: true },
    movePath: { state: true },
  };

  declare open: boolean;
  declare settings: Settings;
  declare info: AppInfo | null;
  declare systemTheme: 'light' | 'dark';
  /** `detail`: the host's own (English) words for a failure, kept for the tooltip. */
  declare status: { text: string; error: boolean; detail?: string } | null;
  declare busy: boolean;
  /** The empty folder the library is to move to. */
  declare movePath: string;

  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('input[name=theme]:checked'),
    beforeOpen: () => {
      this.status = null;
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.settings = SETTINGS_DEFAULTS;
    this.info = null;
    this.systemTheme = 'light';
    this.status = null;
    this.busy = false;
    this.movePath = '';
  }

  static override styles = [
    controls,
    modalDialog,
    css`
      :host {
        --nr-dialog-width: 40rem;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      .body {
        display: grid;
        gap: 1.2rem;
        padding: 1rem 1.2rem 1.4rem;
      }
      section {
        border-top: 1px solid var(--nr-border);
        padding-top: 1rem;
      }
      section:first-child {
        border-top: none;
        padding-top: 0;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.1rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.4rem;
      }
      fieldset label {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      input[type='radio'] {
        accent-color: var(--nr-accent);
      }
      .hint,
      .note {
        color: var(--nr-text-muted);
        font-size: 0.85rem;
        margin: 0.4rem 0 0;
      }
      .preview {
        margin: 0.8rem 0 0;
        padding: 0.8rem 1rem;
        border: 1px solid var(--nr-border);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
        font-family: var(--nr-reader-font);
        font-size: var(--nr-reader-size);
        line-height: 1.7;
        max-width: var(--nr-reader-measure);
        overflow-wrap: anywhere;
      }
      code {
        display: block;
        padding: 0.4rem 0.6rem;
        background: var(--nr-surface-2);
        border-radius: var(--nr-radius);
        overflow-wrap: anywhere;
        font-size: 0.85rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.7rem;
      }
      form {
        display: grid;
        gap: 0.3rem;
        margin-top: 0.8rem;
      }
      form .actions {
        margin-top: 0;
      }
      form input {
        flex: 1;
        min-width: 12rem;
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
      }
      .status {
        margin: 0.6rem 0 0;
        font-size: 0.9rem;
      }
      .status.error {
        color: var(--nr-danger);
      }
    `,
  ];

  /** Whether the dialog is showing now (the `nr-close` event comes a moment after it closes). */
  get showing(): boolean {
    return this.#dialog.showing;
  }

  #close(): void {
    this.#dialog.close();
  }

  #change(patch: SettingsPatch): void {
    emit(this, 'nr-settings-change', patch);
  }

  async #run(work: () => Promise<string>): Promise<void> {
    this.busy = true;
    this.status = null;
    try {
      this.status = { text: await work(), error: false };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      console.warn('Settings:', detail);
      this.status = { text: error instanceof CommandFailure ? commandFailureText(error) : msg('Đã có lỗi không mong muốn. Hãy thử lại.'), error: true, detail };
    } finally {
      this.busy = false;
    }
  }

  #export(): Promise<void> {
    return this.#run(async () => {
      const file = await client.call('library.export', {});
      downloadText(file.filename, 'application/x-ndjson', file.ndjson);
      return msg(str`Đã xuất ${file.count} bài vào ${file.filename}.`, { desc: 'After exporting the library: article count and file name' });
    });
  }

  /** Desktop: main shows the save dialog and writes there; the window never names a path. */
  #backup(): Promise<void> {
    return this.#run(async () => {
      const copy = await client.call('library.backupToChosenFile', {});
      if (!copy) return '';
      return msg(str`Đã sao lưu vào ${copy.path}.`, { desc: 'After a backup: where the copy was written' });
    });
  }

  /** Desktop: main shows the folder dialog; in the browser there is none, so the folder is typed. */
  #move(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const path = this.movePath.trim();
    return this.#run(async () => {
      const moved = event ? await client.call('library.move', { path }) : await client.call('library.moveToChosenFolder', {});
      if (!moved) return '';
      this.movePath = '';
      emit(this, 'nr-library-moved', moved.libraryDir);
      return msg(str`Đã chuyển thư viện sang ${moved.libraryDir}. Thư mục cũ ${moved.previousDir} vẫn được giữ nguyên.`, {
        desc: 'After moving the library: the new folder, then the old one, which is kept',
      });
    });
  }

  /** The UI language (Settings.locale); emits `nr-settings-change` with `{ locale }` like the others. */
  #languageSetting() {
    const current = this.settings.locale;
    const systemNow = localeOptions().find((option) => option.value === resolveLocale('system'))?.label ?? '';
    return html`<section>
      <fieldset>
        <legend>${msg('Ngôn ngữ', { id: 'locale.select', desc: 'UI language select' })}</legend>
        ${localeOptions().map(
          (option) =>
            html`<label lang=${option.value === 'system' ? nothing : option.value}
              ><input type="radio" name="locale" value=${option.value} .checked=${current === option.value} @change=${() => this.#change({ locale: option.value })} />${option.label}</label
            >`,
        )}
      </fieldset>
      <p class="hint">${msg(str`Theo hệ thống: hiện đang là ${systemNow}, theo ngôn ngữ của máy.`, { desc: 'Explains the system language choice; the value is a language name' })}</p>
    </section>`;
  }

  /**
   * What the last library action did, right under its buttons. An error is an alert, and is scrolled
   * into view and given focus: the dialog's body scrolls, and a message below its fold went unseen.
   */
  #status() {
    const status = this.status;
    return html`<p
      class="status ${status?.error ? 'error' : ''}"
      tabindex="-1"
      role=${status?.error ? 'alert' : 'status'}
      title=${status?.detail ? msg(str`Chi tiết: ${status.detail}`, { desc: 'Tooltip: the technical detail of an error' }) : nothing}
    >${status?.text ?? ''}</p>`;
  }

  override updated(changed: Map<string, unknown>): void {
    super.updated(changed);
    if (!changed.has('status') || !this.status?.error) return;
    const status = this.renderRoot.querySelector<HTMLElement>('p.status');
    status?.scrollIntoView({ block: 'nearest' });
    status?.focus({ preventScroll: true });
  }

  #library() {
    const info = this.info;
    const desktop = info?.runtime === 'electron';
    return html`<section aria-labelledby="library-heading">
      <h3 id="library-heading">${msg('Thư viện', { id: 'sidebar.library', desc: 'Sidebar heading: the article library' })}</h3>
      <p class="hint">${msg('Thư mục thư viện')}</p>
      <code>${info?.libraryDir ?? '…'}</code>
      <div class="actions">
        <button ?disabled=${this.busy} @click=${() => void this.#export()}>${msg('Xuất thư viện (NDJSON)')}</button>
      </div>
      <p class="note">${msg('Tệp xuất gồm mọi bài, trạng thái đọc và ghi chú; nhập lại được vào Newsroom Reader.')}</p>
      ${desktop
        ? html`<div class="actions">
              <button ?disabled=${this.busy} @click=${() => void this.#backup()}>${msg('Sao lưu cơ sở dữ liệu…', { desc: 'Opens a save dialog for the backup file' })}</button>
              <button ?disabled=${this.busy} @click=${() => void this.#move()}>${msg('Chuyển thư viện sang thư mục trống…', { desc: 'Opens a folder dialog to move the library' })}</button>
            </div>`
        : html`<p class="note backup-note">
              ${msg('Sao lưu cần chọn chỗ lưu trên máy nên chỉ có trong ứng dụng máy tính. Trong trình duyệt, hãy dùng “Xuất thư viện” để tải một bản sao về.')}
            </p>
            <form @submit=${(e: SubmitEvent) => void this.#move(e)}>
              <label for="move-path">${msg('Chuyển thư viện sang thư mục trống (đường dẫn đầy đủ)')}</label>
              <div class="actions">
                <input id="move-path" required .value=${this.movePath} @input=${(e: Event) => (this.movePath = (e.target as HTMLInputElement).value)} />
                <button type="submit" ?disabled=${this.busy}>${msg('Chuyển thư viện')}</button>
              </div>
            </form>`}
      ${this.#status()}
      <p class="note">${msg('Thư viện được sao chép và kiểm tra trước khi chuyển; thư mục cũ được giữ nguyên.')}</p>
    </section>`;
  }

  override render() {
    const settings = this.settings;
    const systemNow = this.systemTheme === 'dark' ? themeLabel('dark') : themeLabel('light');
    return html`<dialog aria-labelledby="settings-heading" @close=${this.#dialog.onClose} @keydown=${(e: KeyboardEvent) => trapTab(e, e.currentTarget as HTMLElement)}>
      <header>
        <h2 id="settings-heading">${msg('Cài đặt')}</h2>
        <button @click=${() => this.#close()}>${msg('Đóng')}</button>
      </header>
      <div class="body">
        <section>
          <fieldset>
            <legend>${msg('Giao diện', { desc: 'Colour theme select' })}</legend>
            ${THEMES.map(
              (theme) =>
                html`<label
                  ><input type="radio" name="theme" value=${theme} .checked=${settings.theme === theme} @change=${() => this.#change({ theme })} />${themeLabel(theme)}</label
                >`,
            )}
          </fieldset>
          <p class="hint">${msg(str`Theo hệ thống: hiện đang là ${systemNow}, đổi theo máy khi máy đổi.`, { desc: 'Explains the system theme; the value is Light or Dark' })}</p>
        </section>
        ${this.#languageSetting()}
        <section>
          <h3>${msg('Trình đọc', { desc: 'Settings section: reading view typography' })}</h3>
          <nr-reader-prefs></nr-reader-prefs>
          <p class="preview" style=${styleMap(readerStyle(settings))}>
            ${msg('Xem trước: Người dân Thủ đô háo hức đón chuyến tàu điện đầu tiên, khi trời vừa hửng sáng.', { desc: 'Sample sentence for the reader preview; keep stacked diacritics in Vietnamese' })}
          </p>
          <label class="photos"
            ><input type="checkbox" name="downloadPhotos" .checked=${settings.downloadPhotos} @change=${(event: Event) => this.#change({ downloadPhotos: (event.target as HTMLInputElement).checked })} />${msg(
              'Tải ảnh của bài về thư viện (để đọc không cần mạng)',
              { desc: 'Settings checkbox: download the photos of imported pages and feed items' },
            )}</label
          >
        </section>
        ${this.#library()}
        <nr-archive-settings></nr-archive-settings>
      </div>
    </dialog>`;
  }
}

customElements.define('nr-settings', NrSettings);

declare global {
  interface HTMLElementTagNameMap {
    'nr-settings': NrSettings;
  }
}
