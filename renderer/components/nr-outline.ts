import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Article } from '../../contract/index.ts';
import { pageAt } from '../../contract/document-pages.ts';

/** Fewer headings than this and an article needs no table of contents. */
const MIN_HEADINGS = 3;

/**
 * A long document's chapters (an EPUB's table of contents, a PDF's or DOCX's headings) as a list that
 * jumps to each: the heading elements of the reader it sits in carry their body offset in data-start.
 */
export class NrOutline extends LitElement {
  static override properties = { article: { attribute: false } };

  declare article: Pick<Article, 'body' | 'blocks'> | null;

  constructor() {
    super();
    this.article = null;
    updateWhenLocaleChanges(this);
  }

  static override styles = css`
    :host {
      display: block;
      margin: 0.5rem 0 1rem;
      font: 0.9rem var(--nr-font-sans, sans-serif);
    }
    ol {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    button {
      font: inherit;
      color: var(--nr-accent, inherit);
      background: none;
      border: 0;
      padding: 0.1rem 0;
      text-align: start;
      cursor: pointer;
    }
    .page {
      color: var(--nr-text-muted, #666);
      margin-left: 0.5em;
    }
  `;

  #jump(start: number): void {
    const root = this.getRootNode() as ParentNode;
    const heading = root.querySelector<HTMLElement>(`[data-start="${start}"]`);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.article;
    const headings = article?.blocks.filter((block) => block.kind === 'heading') ?? [];
    if (!article || headings.length < MIN_HEADINGS) return nothing;
    const top = Math.min(...headings.map((block) => block.level ?? 2));
    return html`<details>
      <summary>${msg(str`Mục lục (${headings.length})`, { id: 'reader.outline', desc: 'Table of contents of a long document; the value is the number of headings' })}</summary>
      <nav aria-label=${msg('Mục lục', { id: 'reader.outline-label' })}>
        <ol>
          ${headings.map((block) => {
            const page = pageAt(article.blocks, block.start);
            return html`<li style=${`margin-left: ${((block.level ?? 2) - top) * 1}rem`}>
              <button type="button" @click=${() => this.#jump(block.start)}>${article.body.slice(block.start, block.end)}</button>${page === null ? nothing : html`<span class="page">${msg(str`tr. ${page}`, { id: 'reader.outline-page', desc: 'Page number abbreviation (trang)' })}</span>`}
            </li>`;
          })}
        </ol>
      </nav>
    </details>`;
  }
}

customElements.define('nr-outline', NrOutline);

declare global {
  interface HTMLElementTagNameMap {
    'nr-outline': NrOutline;
  }
}
