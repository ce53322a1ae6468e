import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation } from '../../contract/index.ts';
import { archiveContext } from '../contexts.ts';
import { StateController } from '../controllers/state-controller.ts';
import { isForeign, type ArchiveModel } from '../state/archive-model.ts';
import { controls } from '../styles/tokens.ts';
import './nr-annotation-author.ts';
import './nr-note-history.ts';

/**
 * An annotation in the panel as the shared archive sees it: its author and desk, "share with desk…"
 * for one of mine (private again with "Riêng tư"), a note that another reporter's annotation is
 * read-only here, and the note's older texts. Unlinked, only another reporter's author is shown.
 */
export class NrAnnotationSharing extends LitElement {
  static override properties = {
    annotation: { attribute: false },
  };

  declare annotation: Annotation | null;
  readonly #archive = new StateController<ArchiveModel>(this, archiveContext);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.annotation = null;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: grid;
        gap: 0.3rem;
        margin: 0.3rem 0;
        font-size: 0.78rem;
      }
      :host([hidden]) {
        display: none;
      }
      label {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      select {
        font-size: 0.78rem;
      }
      .read-only {
        color: var(--nr-text-muted);
        margin: 0;
      }
    `,
  ];

  #share(archive: ArchiveModel, annotation: Annotation) {
    const desks = archive.desks;
    const current = annotation.desk ?? null;
    if (desks.length === 0 && current === null) return nothing;
    return html`<label
      >${msg('Chia sẻ với ban', { desc: 'Select on an annotation: the desk it is shared with' })}
      <select name="share-desk" @change=${(e: Event) => void archive.shareAnnotations([annotation], (e.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${current === null}>${msg('Riêng tư', { desc: 'Annotation sharing: private to its author' })}</option>
        ${(current === null || desks.includes(current) ? desks : [current, ...desks]).map((desk) => html`<option value=${desk} ?selected=${current === desk}>${desk}</option>`)}
      </select></label
    >`;
  }

  override render() {
    const archive = this.#archive.value;
    const annotation = this.annotation;
    const foreign = annotation !== null && isForeign(annotation);
    // Another reporter's annotation keeps its author even after the library is unlinked.
    this.hidden = !annotation || (!archive?.linked && !foreign);
    if (!annotation || this.hidden) return nothing;
    if (!archive?.linked) return html`<nr-annotation-author .annotation=${annotation}></nr-annotation-author>`;
    return html`<nr-annotation-author .annotation=${annotation}></nr-annotation-author>
      ${foreign
        ? html`<p class="read-only">${msg('Ghi chú của phóng viên khác: chỉ xem, không sửa được ở đây.', { desc: 'Another reporter’s annotation is read-only' })}</p>`
        : this.#share(archive, annotation)}
      <nr-note-history .annotationId=${annotation.id}></nr-note-history>`;
  }
}

customElements.define('nr-annotation-sharing', NrAnnotationSharing);

declare global {
  interface HTMLElementTagNameMap {
    'nr-annotation-sharing': NrAnnotationSharing;
  }
}
