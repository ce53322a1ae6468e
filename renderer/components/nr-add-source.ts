import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { OpmlImportResult } from '../../contract/index.ts';
import { CommandFailure } from '../client/newsroom-client.ts';
import { sourcesContext } from '../contexts.ts';
import { ModalDialogController } from '../controllers/modal-dialog-controller.ts';
import { StateController } from '../controllers/state-controller.ts';
import { downloadText } from '../download-text.ts';
import { emit } from '../events.ts';
import { commandFailureText, importFailureText, opmlProblemText } from '../host-messages.ts';
import { trapTab } from '../modal-dialog.ts';
import type { AddSourceStep } from '../state/add-source-flow.ts';
import type { SourcesModel } from '../state/sources-model.ts';
import { controls, formFields, modalDialog } from '../styles/tokens.ts';

function failureText(step: Extract<AddSourceStep, { step: 'failed' }>): string {
  if (step.reason) return importFailureText(step.reason);
  return step.error instanceof CommandFailure ? commandFailureText(step.error) : msg('Đã có lỗi không mong muốn. Hãy thử lại.');
}

/**
 * The "add source / save page" box, a modal dialog: a pasted address is subscribed to (a feed, or a
 * site's feed; several are listed to choose from) or, when it is neither, saved as a page. Also
 * imports an OPML file's subscriptions and exports them. Set `url` to start from a dropped link.
 */
export class NrAddSource extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    url: { type: String },
    opml: { state: true },
  };

  declare open: boolean;
  declare url: string;
  /** What the last OPML import did. */
  declare opml: OpmlImportResult | null;
  readonly #model = new StateController<SourcesModel>(this, sourcesContext);
  readonly #dialog = new ModalDialogController(this, {
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('input[name=url]'),
    beforeOpen: () => {
      this.#model.value?.adding.reset();
      this.opml = null;
    },
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.open = false;
    this.url = '';
    this.opml = null;
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
      .result,
      .opml {
        padding: 0.8rem 1.2rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.8rem;
        flex-wrap: wrap;
      }
      .result {
        border-top: 1px solid var(--nr-border);
      }
      .error {
        color: var(--nr-danger);
      }
      fieldset {
        border: 1px solid var(--nr-border);
        border-radius: var(--nr-radius);
      }
      .opml {
        border-top: 1px solid var(--nr-border);
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 0.4rem;
      }
      ul.problems {
        max-height: 8rem;
        overflow: auto;
        font-size: 0.85rem;
      }
    `,
  ];

  get showing(): boolean {
    return this.#dialog.showing;
  }

  #field(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '';
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const model = this.#model.value;
    if (!model) return;
    const saveInstead = (event.submitter as HTMLButtonElement | null)?.value === 'save';
    if (saveInstead) void model.adding.savePage(this.#field('url'));
    else void model.adding.addSource(this.#field('url'), this.#field('folder'));
  }

  async #importOpml(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.opml = (await this.#model.value?.importOpml(await file.text())) ?? null;
  }

  async #exportOpml(): Promise<void> {
    const file = await this.#model.value?.exportOpml();
    if (file) downloadText(file.filename, 'text/x-opml', file.opml);
  }

  #result(step: AddSourceStep) {
    const model = this.#model.value!;
    switch (step.step) {
      case 'idle':
        return nothing;
      case 'working':
        return html`<p>${msg(str`Đang mở ${step.url}…`, { desc: 'While an address is being fetched' })}</p>`;
      case 'choose':
        return html`<fieldset>
          <legend>${msg('Trang này có nhiều nguồn tin. Chọn một nguồn để theo dõi:', { desc: 'A site offers several feeds' })}</legend>
          ${step.feeds.map(
            (feed) => html`<div class="actions">
              <button type="button" class="choose-feed" @click=${() => void model.adding.addSource(feed.url, this.#field('folder'))}>${feed.title ?? feed.url}</button>
              <span>${feed.type.toUpperCase()} · ${feed.url}</span>
            </div>`,
          )}
        </fieldset>`;
      case 'not-a-feed':
        return html`<p>${msg('Địa chỉ này không phải nguồn tin, và trang không dẫn tới nguồn tin nào.', { desc: 'The address is neither a feed nor a site with feeds' })}</p>
          <div class="actions">
            <button type="button" class="primary save-page" @click=${() => void model.adding.savePage(step.url)}>${msg('Lưu trang này', { desc: 'Save the page at this address as an article' })}</button>
          </div>`;
      case 'added':
        return html`<p class="added">
            ${msg(str`Đã theo dõi “${step.source.title}”: ${step.imported} bài mới.`, { desc: 'After subscribing: the source’s title and how many articles came in' })}
          </p>
          <div class="actions">
            <button type="button" class="show-source" @click=${() => this.#show(step.source.id)}>${msg('Xem các bài của nguồn này', { desc: 'Show the new source’s articles' })}</button>
          </div>`;
      case 'saved':
        return html`<p class="saved">
          ${step.duplicate ? msg('Trang này đã có trong thư viện.', { desc: 'A saved page was already in the library' }) : msg('Đã lưu trang vào thư viện.', { desc: 'After saving a page as an article' })}
        </p>`;
      case 'failed':
        return html`<p class="error" role="alert">${failureText(step)}</p>`;
    }
  }

  #opmlResult(result: OpmlImportResult) {
    const added = result.added.length;
    const existing = result.existing.length;
    const problems = result.problems.length;
    return html`<p class="opml-result">
        ${msg(str`Đã thêm ${added} nguồn; ${existing} nguồn đã có; ${problems} dòng có vấn đề.`, { desc: 'After an OPML import: sources added, already there, problems' })}
      </p>
      ${problems
        ? html`<ul class="problems">
            ${result.problems.map((problem) => html`<li title=${problem.message}>${msg(str`Dòng ${problem.line}: ${opmlProblemText(problem.reason)}`, { desc: 'An OPML problem: line number, then what is wrong on it' })}</li>`)}
          </ul>`
        : nothing}`;
  }

  override render() {
    const model = this.#model.value;
    const step = model?.adding.state ?? { step: 'idle' as const };
    const folders = model?.folderNames() ?? [];
    return html`<dialog
      aria-labelledby="add-source-heading"
      @close=${this.#dialog.onClose}
      @keydown=${(e: KeyboardEvent) => {
        trapTab(e, e.currentTarget as HTMLElement);
        // The app's one-letter shortcuts are not for the list behind this dialog.
        e.stopPropagation();
      }}
    >
      <header>
        <h2 id="add-source-heading">${msg('Thêm nguồn / lưu trang', { desc: 'Opens the add source / save page box' })}</h2>
        <button class="close" @click=${() => this.#dialog.close()}>${msg('Đóng')}</button>
      </header>
      <form @submit=${this.#submit}>
        <label for="add-url">${msg('Địa chỉ nguồn tin hoặc trang web', { desc: 'Label: the address of a feed, a site or a page' })}</label>
        <input id="add-url" name="url" type="text" inputmode="url" autocomplete="url" required .value=${this.url} placeholder="https://vnexpress.net/rss" />
        <label for="add-folder">${msg('Thư mục (không bắt buộc)', { desc: 'Label: the folder a new source goes in' })}</label>
        <input id="add-folder" name="folder" type="text" list="add-folders" />
        <datalist id="add-folders">${folders.map((name) => html`<option value=${name}></option>`)}</datalist>
        <div class="actions">
          <button class="primary" type="submit" value="add" ?disabled=${model?.adding.busy}>${msg('Theo dõi', { desc: 'Subscribe to the address' })}</button>
          <button type="submit" value="save" ?disabled=${model?.adding.busy}>${msg('Lưu trang này', { desc: 'Save the page at this address as an article' })}</button>
        </div>
      </form>
      <div class="result" role="status" aria-live="polite">${this.#result(step)}</div>
      <div class="opml">
        <h3>${msg('Danh sách nguồn (OPML)', { desc: 'Section: import or export subscriptions as OPML' })}</h3>
        <div class="actions">
          <label class="file-button">
            ${msg('Nhập tệp OPML…', { desc: 'Choose an OPML file to subscribe to its feeds' })}
            <input type="file" class="opml-file" accept=".opml,.xml,text/xml,text/x-opml,application/xml" @change=${(e: Event) => void this.#importOpml(e)} />
          </label>
          <button type="button" class="export-opml" @click=${() => void this.#exportOpml()}>${msg('Xuất OPML', { desc: 'Download the subscriptions as an OPML file' })}</button>
        </div>
        ${this.opml ? this.#opmlResult(this.opml) : nothing}
      </div>
    </dialog>`;
  }

  #show(sourceId: string): void {
    emit(this, 'nr-select', { view: 'all', sourceId });
    this.#dialog.close();
  }
}

customElements.define('nr-add-source', NrAddSource);

declare global {
  interface HTMLElementTagNameMap {
    'nr-add-source': NrAddSource;
  }
}
