import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation } from '../../contract/index.ts';

/**
 * Who wrote an annotation and with which desk it is shared, for annotations that travel through the
 * shared archive: another reporter's ("Của lan · ban Thời sự"), or one of mine shared with a desk.
 * Nothing for a private annotation of mine, or in a library of one (no author).
 */
export class NrAnnotationAuthor extends LitElement {
  static override properties = {
    annotation: { attribute: false },
  };

  declare annotation: Annotation | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.annotation = null;
  }

  static override styles = css`
    :host {
      display: block;
      font-size: 0.75rem;
      color: var(--nr-text-muted);
    }
    :host([hidden]) {
      display: none;
    }
    .author {
      font-weight: 600;
      color: var(--nr-text);
    }
  `;

  override render() {
    const annotation = this.annotation;
    const foreign = annotation?.foreign === true && annotation.author !== undefined;
    const desk = annotation?.desk ?? null;
    this.hidden = !foreign && desk === null;
    if (!annotation || this.hidden) return nothing;
    if (!foreign) return html`${msg(str`Đã chia sẻ với ban ${desk}`, { desc: 'One of my annotations shared with a desk; the value is the desk name' })}`;
    return html`${msg(html`Của <span class="author">${annotation.author}</span>`, { desc: 'Another reporter’s annotation: by (name)' })}${desk
      ? html` · ${msg(str`ban ${desk}`, { desc: 'Shared with this desk (a desk name follows “ban”)' })}`
      : nothing}`;
  }
}

customElements.define('nr-annotation-author', NrAnnotationAuthor);

declare global {
  interface HTMLElementTagNameMap {
    'nr-annotation-author': NrAnnotationAuthor;
  }
}
