import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation, ColorLabels } from '../../contract/index.ts';
import { ANNOTATION_COLORS, colorLabel, colorName, orphanLabel } from '../annotation-colors.ts';
import { controls, highlightColors } from '../styles/tokens.ts';
import { emit } from '../events.ts';
import './nr-annotation-sharing.ts';

/**
 * The open article's highlights and notes in reading order (the app passes them sorted, orphans last).
 * Emits `nr-annotation-reveal` (id) to scroll the reader to one, `nr-annotation-edit` (id, or null to
 * close the note editor), `nr-annotation-update` (AnnotationUpdate), `nr-annotation-delete` (id) and
 * `nr-annotation-export` (ExportFormat). It never changes an annotation itself: the app does, and
 * passes the confirmed result back down.
 */
export class NrAnnotationList extends LitElement {
  static override properties = {
    annotations: { attribute: false },
    labels: { attribute: false },
    editingId: { attribute: false },
    activeId: { attribute: false },
  };

  declare annotations: Annotation[];
  declare labels: ColorLabels | null;
  /** Whose note editor is open. */
  declare editingId: string | null;
  /** The one last clicked in the reader or opened from elsewhere. */
  declare activeId: string | null;
  #focusedEditor: string | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.annotations = [];
    this.labels = null;
    this.editingId = null;
    this.activeId = null;
  }

  static override styles = [
    controls,
    highlightColors,
    css`
      :host {
        display: block;
        height: 100%;
        overflow: auto;
        background: var(--nr-surface);
        color: var(--nr-text);
        font-size: 0.88rem;
      }
      header {
        position: sticky;
        top: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        padding: 0.5rem 0.8rem;
        background: var(--nr-surface);
        border-bottom: 1px solid var(--nr-border);
      }
      h2 {
        flex: 1 0 100%;
        margin: 0;
        font-size: 0.95rem;
      }
      header button {
        font-size: 0.78rem;
        padding: 0.2rem 0.5rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.65rem 0.8rem;
        border-bottom: 1px solid var(--nr-border);
        border-left: 4px solid transparent;
      }
      li.active {
        background: var(--nr-surface-2);
        border-left-color: var(--nr-accent);
      }
      .label {
        display: flex;
        gap: 0.35rem;
        align-items: center;
        font-size: 0.75rem;
        color: var(--nr-text-muted);
      }
      .orphan {
        color: var(--nr-danger);
        font-weight: 600;
      }
      button.quote {
        width: 100%;
        margin: 0.3rem 0;
        padding: 0.2rem 0.4rem;
        border: none;
        border-radius: 3px;
        text-align: left;
        font-family: var(--nr-font-serif);
        line-height: 1.5;
        display: -webkit-box;
        -webkit-line-clamp: 4;
        -webkit-box-orient: vertical;
        overflow: hidden;
        white-space: pre-line;
      }
      .note {
        margin: 0.3rem 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 5rem;
        margin: 0.3rem 0;
        padding: 0.4rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
        resize: vertical;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: center;
      }
      .actions button {
        font-size: 0.78rem;
        padding: 0.15rem 0.45rem;
      }
      .colors {
        display: inline-flex;
        gap: 0.15rem;
        margin-right: auto;
      }
      .colors button {
        padding: 0.2rem;
        line-height: 0;
      }
      .colors button[aria-pressed='true'] {
        border-color: var(--nr-text);
      }
      .empty {
        padding: 1rem 0.8rem;
        color: var(--nr-text-muted);
        line-height: 1.5;
      }
      kbd {
        font-family: inherit;
        border: 1px solid var(--nr-border);
        border-radius: 3px;
        padding: 0 0.25rem;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>): void {
    // The editor may open before its annotation arrives in `annotations`: focus it when it first shows.
    const editor = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (!editor) this.#focusedEditor = null;
    else if (this.#focusedEditor !== this.editingId) {
      this.#focusedEditor = this.editingId;
      editor.focus();
      editor.scrollIntoView({ block: 'nearest' });
    }
    if (changed.has('activeId') && this.activeId) {
      this.renderRoot.querySelector('li.active')?.scrollIntoView({ block: 'nearest' });
    }
  }

  #save(annotation: Annotation): void {
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.value ?? annotation.note;
    if (note === annotation.note) emit(this, 'nr-annotation-edit', null);
    else emit(this, 'nr-annotation-update', { id: annotation.id, patch: { note } });
  }

  #onEditorKey(event: KeyboardEvent, annotation: Annotation): void {
    // The app's own shortcuts (Escape leaves the reader) must not fire while the user writes.
    event.stopPropagation();
    if (event.key === 'Escape') emit(this, 'nr-annotation-cancel', annotation.id);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.#save(annotation);
    }
  }

  /** The colour buttons; while a new note is written, choosing one keeps the highlight even with no note. */
  #colors(annotation: Annotation) {
    return html`<span class="colors" role="group" aria-label=${msg('Đổi màu')}>
      ${ANNOTATION_COLORS.map(
        (color) =>
          html`<button
            aria-label=${colorLabel(this.labels, color)}
            title=${`${colorLabel(this.labels, color)} (${colorName(color)})`}
            aria-pressed=${color === annotation.color ? 'true' : 'false'}
            @mousedown=${(event: MouseEvent) => event.preventDefault()}
            @click=${() => emit(this, 'nr-annotation-update', { id: annotation.id, patch: { color } })}
          >
            <span class="swatch hl-${color}"></span>
          </button>`,
      )}
    </span>`;
  }

  #item(annotation: Annotation) {
    // Another reporter's annotation (pulled from the shared archive) is theirs to change, not ours.
    const foreign = annotation.foreign === true;
    const editing = !foreign && annotation.id === this.editingId;
    const label = colorLabel(this.labels, annotation.color);
    return html`<li class=${annotation.id === this.activeId ? 'active' : ''} data-id=${annotation.id}>
      <div class="label">
        <span class="swatch hl-${annotation.color}"></span><span>${label}</span>
        ${annotation.status === 'orphan' ? html`<span class="orphan">· ${orphanLabel()}</span>` : nothing}
      </div>
      <button
        class="quote hl-${annotation.color}"
        title=${annotation.status === 'orphan' ? msg('Đoạn này không còn trong bài') : msg('Cuộn tới đoạn này trong bài')}
        @click=${() => emit(this, 'nr-annotation-reveal', annotation.id)}
      >${annotation.quote.exact}</button>
      ${editing
        ? html`<textarea
              aria-label=${msg('Nội dung ghi chú')}
              placeholder=${msg('Viết ghi chú… (Ctrl+Enter để lưu)')}
              .value=${annotation.note}
              @keydown=${(event: KeyboardEvent) => this.#onEditorKey(event, annotation)}
            ></textarea>
            <div class="actions">
              <button class="primary" @click=${() => this.#save(annotation)}>${msg('Lưu ghi chú')}</button>
              <button @click=${() => emit(this, 'nr-annotation-cancel', annotation.id)}>${msg('Huỷ')}</button>
            </div>
            ${this.#colors(annotation)}`
        : html`${annotation.note ? html`<div class="note">${annotation.note}</div>` : nothing}
            <nr-annotation-sharing .annotation=${annotation}></nr-annotation-sharing>
            ${foreign
              ? nothing
              : html`<div class="actions">
              ${this.#colors(annotation)}
              <button @click=${() => emit(this, 'nr-annotation-edit', annotation.id)}>${annotation.note ? msg('Sửa ghi chú') : msg('Thêm ghi chú')}</button>
              <button @click=${() => emit(this, 'nr-annotation-delete', annotation.id)}>${msg('Xoá', { id: 'annotation.delete', desc: 'Button: delete this highlight and its note' })}</button>
                </div>`}`}
    </li>`;
  }

  override render() {
    const count = this.annotations.length;
    return html`<header>
        <h2>${msg(str`Ghi chú trong bài (${count})`, { desc: 'Heading of the panel of this article’s highlights and notes, with their number' })}</h2>
        <button @click=${() => emit(this, 'nr-annotation-export', 'md')}>${msg('Xuất Markdown')}</button>
        <button ?disabled=${count === 0} @click=${() => emit(this, 'nr-annotation-export', 'jsonld')}>${msg('Xuất JSON-LD')}</button>
      </header>
      ${count === 0
        ? html`<p class="empty">
            ${msg(html`Chọn một đoạn trong bài rồi chọn màu để đánh dấu. Phím tắt: <kbd>h</kbd> đánh dấu, <kbd>n</kbd> đánh dấu và viết ghi chú.`, {
              desc: 'Empty annotation panel; h and n are keyboard shortcuts and stay as they are',
            })}
          </p>`
        : html`<ol aria-label=${msg('Ghi chú trong bài')}>
            ${this.annotations.map((annotation) => this.#item(annotation))}
          </ol>`}`;
  }
}

customElements.define('nr-annotation-list', NrAnnotationList);

declare global {
  interface HTMLElementTagNameMap {
    'nr-annotation-list': NrAnnotationList;
  }
}
