import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { OriginalFileInfo } from '../../contract/index.ts';
import { client } from '../client/newsroom-client.ts';

/**
 * "Mở tệp gốc": the PDF, DOCX or EPUB an article was imported from. The desktop app opens it in the
 * system's viewer (documents.openOriginal; main knows the path, the renderer never does); in a browser
 * (serve) it is a download from serve's token-checked route. Nothing shows for other articles.
 */
export class NrOriginalFile extends LitElement {
  static override properties = {
    articleId: { attribute: false },
    original: { state: true },
    failed: { state: true },
  };

  static override styles = css`
    :host {
      display: inline;
    }
    a,
    button {
      font: inherit;
      color: var(--nr-accent, inherit);
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
    }
    [role='alert'] {
      color: var(--nr-danger);
    }
  `;

  declare articleId: string | null;
  declare original: OriginalFileInfo | null;
  declare failed: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.articleId = null;
    this.original = null;
    this.failed = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('articleId')) return;
    this.original = null;
    this.failed = false;
    const id = this.articleId;
    if (!id) return;
    void client.call('documents.original', { articleId: id }).then(
      (original) => {
        if (this.articleId === id) this.original = original;
      },
      () => undefined, // An older host without the command: nothing to offer.
    );
  }

  async #open(): Promise<void> {
    if (!this.articleId) return;
    try {
      await client.call('documents.openOriginal', { articleId: this.articleId });
    } catch {
      this.failed = true;
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.original || !this.articleId) return nothing;
    const label = msg('Mở tệp gốc', { desc: 'Link or button: open the PDF/DOCX/EPUB the article was imported from' });
    const title = this.original.name;
    // The preload bridge exists only in the desktop app.
    const desktop = 'newsroom' in window;
    const action = desktop
      ? html`<button type="button" title=${title} @click=${() => void this.#open()}>${label}</button>`
      : html`<a href=${`./api/originals/${encodeURIComponent(this.articleId)}`} download=${title} title=${title}>${label}</a>`;
    return html`${action}${this.failed ? html` <span role="alert">${msg('Không mở được tệp gốc.')}</span>` : nothing}`;
  }
}

customElements.define('nr-original-file', NrOriginalFile);

declare global {
  interface HTMLElementTagNameMap {
    'nr-original-file': NrOriginalFile;
  }
}
