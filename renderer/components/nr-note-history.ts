import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { archiveContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { formatDateTime } from '../format-date.ts';
import type { ArchiveModel } from '../state/archive-model.ts';
import { controls } from '../styles/tokens.ts';


/**
 * An annotation's older note texts, which later edits (here or on another reporter's machine, merged
 * by the archive) replaced and which are kept, never dropped. A disclosure that asks the host for them
 * the first time it opens.
 */
export class NrNoteHistory extends LitElement {
  static override properties = {
    annotationId: { attribute: false },
    open: { state: true },
  };

  declare annotationId: string;
  declare open: boolean;
  readonly #archive = new StateController<ArchiveModel>(this, archiveContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.annotationId = '';
    this.open = false;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
        font-size: 0.8rem;
      }
      button {
        font-size: 0.75rem;
        padding: 0.1rem 0.4rem;
      }
      ol {
        margin: 0.3rem 0;
        padding-left: 1.1rem;
      }
      li {
        margin-bottom: 0.3rem;
      }
      .when {
        color: var(--nr-text-muted);
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  async #toggle(archive: ArchiveModel): Promise<void> {
    this.open = !this.open;
    if (this.open && !archive.histories.has(this.annotationId)) await archive.loadHistory(this.annotationId);
  }

  override render() {
    const archive = this.#archive.value;
    if (!archive?.linked || !this.annotationId) return nothing;
    const versions = archive.histories.get(this.annotationId);
    return html`<button aria-expanded=${this.open ? 'true' : 'false'} @click=${() => void this.#toggle(archive)}>${msg('Các bản ghi chú cũ', { desc: 'Button: show the older texts of this note' })}</button>
      ${!this.open
        ? nothing
        : versions === undefined
          ? html`<p>${msg('Đang tải…')}</p>`
          : versions.length === 0
            ? html`<p class="when">${msg('Ghi chú này chưa có bản cũ nào.')}</p>`
            : html`<ol aria-label=${msg('Các bản ghi chú cũ', { desc: 'Button: show the older texts of this note' })}>
                ${versions.map(
                  (version) =>
                    html`<li>
                      <div class="when">${msg(str`Viết lúc ${formatDateTime(version.writtenAt)}, thay lúc ${formatDateTime(version.replacedAt)}`, { desc: 'When an older note text was written, then when it was replaced' })}</div>
                      <div class="text">${version.note || msg('(trống)', { desc: 'An older note that was empty' })}</div>
                    </li>`,
                )}
              </ol>`}`;
  }
}

customElements.define('nr-note-history', NrNoteHistory);

declare global {
  interface HTMLElementTagNameMap {
    'nr-note-history': NrNoteHistory;
  }
}
