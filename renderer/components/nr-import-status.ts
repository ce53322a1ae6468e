import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ImportProgress, ImportReport } from '../../contract/index.ts';
import { importEncodingText, importFailureText } from '../host-messages.ts';
import { controls } from '../styles/tokens.ts';

/**
 * Progress of a running import with Cancel, then its summary with every failure; emits `nr-cancel-import`,
 * `nr-dismiss`. Each failure names its file and why in the UI's language; the host's English text,
 * with a parser's or the network's technical details, is the row's tooltip.
 */
export class NrImportStatus extends LitElement {
  static override properties = { progress: { attribute: false }, report: { attribute: false } };
  declare progress: ImportProgress | null;
  declare report: ImportReport | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.progress = null;
    this.report = null;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
      }
      section {
        padding: 0.6rem 1rem;
        background: var(--nr-surface-2);
        border-bottom: 1px solid var(--nr-border);
        font-size: 0.88rem;
        color: var(--nr-text);
      }
      progress {
        width: min(28rem, 60%);
        vertical-align: middle;
      }
      ul {
        margin: 0.4rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  /** "about 40 s left" / "about 3 min left", once the host has a pace to estimate from. */
  #timeLeft(seconds: number | null | undefined) {
    if (seconds === null || seconds === undefined || seconds <= 0) return nothing;
    const text =
      seconds < 60
        ? msg(str`còn khoảng ${seconds} giây`, { desc: 'Estimated time left in an import, in seconds' })
        : msg(str`còn khoảng ${Math.round(seconds / 60)} phút`, { desc: 'Estimated time left in an import, in minutes' });
    return html`<span class="time-left">· ${text}</span>`;
  }

  /** "trang 3/40" while a long PDF is read, "nhận dạng trang 1/2" while its scans are recognised. */
  #pages(pages: ImportProgress['pages']) {
    if (!pages) return nothing;
    const text = pages.ocr
      ? msg(str`nhận dạng chữ (OCR) trang ${pages.done}/${pages.total}`, { desc: 'Import progress inside one scanned document: pages recognised by OCR so far' })
      : msg(str`trang ${pages.done}/${pages.total}`, { desc: 'Import progress inside one long document: pages read so far' });
    return html`<span class="pages">· ${text}</span>`;
  }

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  /** Files whose text was not plain UTF-8, with the encoding they were read in. */
  #decoded(r: ImportReport) {
    const decoded = [...r.imported, ...r.duplicates].flatMap((item) => (item.encoding ? [{ path: item.path, encoding: item.encoding }] : []));
    if (decoded.length === 0) return nothing;
    return html`<ul class="encodings">
      ${decoded.map((d) => html`<li><code>${d.path}</code>: ${importEncodingText(d.encoding)}</li>`)}
    </ul>`;
  }

  override render() {
    if (this.report) {
      const r = this.report;
      return html`<section role="status">
        <strong>${r.cancelled ? msg('Đã huỷ nhập.') : msg('Đã nhập xong.')}</strong>
        ${msg(str`${r.imported.length} bài mới, ${r.duplicates.length} bài trùng, ${r.failed.length} lỗi.`, {
          desc: 'Import summary: new articles, duplicates skipped, files that failed',
        })}
        <button @click=${() => this.#emit('nr-dismiss')}>${msg('Đóng')}</button>
        ${this.#decoded(r)}
        ${r.failed.length
          ? html`<ul class="failures">
              ${r.failed.map((f) => html`<li title=${f.error}><code>${f.path}</code>: ${importFailureText(f.reason)}</li>`)}
            </ul>`
          : nothing}
      </section>`;
    }
    if (this.progress) {
      const p = this.progress;
      return html`<section role="status" aria-live="polite">
        ${msg(str`Đang nhập ${p.done}/${p.total || '…'}`, { desc: 'Import progress: done/total' })}
        <progress max=${Math.max(p.total, 1)} value=${p.done + (p.pages?.ocr && p.pages.total > 0 ? p.pages.done / p.pages.total : 0)}></progress>
        ${p.current ? html`<span>${p.current.split(/[\\/]/).pop()}</span>` : nothing}
        ${this.#pages(p.pages)}
        ${p.failures ? html`<span>· ${msg(str`${p.failures} lỗi`, { desc: 'Number of files that failed so far' })}</span>` : nothing}
        ${this.#timeLeft(p.secondsLeft)}
        <button @click=${() => this.#emit('nr-cancel-import')}>${msg('Huỷ')}</button>
      </section>`;
    }
    return nothing;
  }
}

customElements.define('nr-import-status', NrImportStatus);

declare global {
  interface HTMLElementTagNameMap {
    'nr-import-status': NrImportStatus;
  }
}
