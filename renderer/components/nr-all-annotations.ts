import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation, AnnotationAuthorFilter, AnnotationColor, CitationStyle, ColorLabels, NamedCount } from '../../contract/index.ts';
import { ANNOTATION_COLORS, colorLabel, colorName, orphanLabel } from '../annotation-colors.ts';
import { controls, highlightColors } from '../styles/tokens.ts';
import { emit, type AnnotationViewQuery } from '../events.ts';
import type { ArticleLabel } from '../state/annotation-session.ts';
import './nr-annotation-author.ts';
import './nr-brief-export.ts';
import './nr-date-field.ts';

/** How long the text filter waits after the last key, as the search box does. */
const TEXT_FILTER_PAUSE_MS = 200;

/**
 * Every highlight in the library (newest first, as the app passes them), filtered by colour, which is
 * also filtering by label since each colour has one, and by article, article tag, source, dates and
 * text, which the host applies (the same filter a brief is exported with). Emits
 * `nr-annotations-filter` (colour or null), `nr-annotations-view-filter` (the other filters),
 * `nr-open-annotation` (OpenAnnotation), `nr-rename-color` (ColorRename), `nr-annotation-export`,
 * `nr-brief-export` and `nr-citation-style`.
 */
export class NrAllAnnotations extends LitElement {
  static override properties = {
    annotations: { attribute: false },
    labels: { attribute: false },
    articles: { attribute: false },
    filter: { attribute: false },
    shared: { attribute: false },
    query: { attribute: false },
    sources: { attribute: false },
    tags: { attribute: false },
    citationStyle: { attribute: false },
    selectedId: { attribute: false },
    loading: { attribute: false },
  };

  declare annotations: Annotation[];
  declare labels: ColorLabels | null;
  declare articles: ReadonlyMap<string, ArticleLabel>;
  declare filter: AnnotationColor | null;
  /** Whether the library is linked to a shared archive: the view can then be filtered by author. */
  declare shared: boolean;
  /** The filters besides colour, as the host applied them to `annotations`. */
  declare query: AnnotationViewQuery;
  /** The library's sources and tags, to filter by. */
  declare sources: NamedCount[];
  declare tags: NamedCount[];
  declare citationStyle: CitationStyle;
  declare selectedId: string | null;
  declare loading: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.annotations = [];
    this.labels = null;
    this.articles = new Map();
    this.filter = null;
    this.shared = false;
    this.query = {};
    this.sources = [];
    this.tags = [];
    this.citationStyle = 'vi-press';
    this.selectedId = null;
    this.loading = false;
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
        font-size: 0.9rem;
      }
      header {
        padding: 0.6rem 0.9rem;
        border-bottom: 1px solid var(--nr-border);
      }
      .title-row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      h2 {
        flex: 1;
        margin: 0;
        font-size: 1rem;
      }
      .article-filter {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin: 0.5rem 0;
        color: var(--nr-text-muted);
      }
      .article-filter select {
        max-width: 100%;
      }
      .text-filter input {
        flex: 1;
        min-width: 0;
        padding: 0.25rem 0.5rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
        color: var(--nr-text);
      }
      .dates {
        flex-wrap: wrap;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.5rem;
      }
      .chips button {
        display: inline-flex;
        gap: 0.3rem;
        align-items: center;
        font-size: 0.8rem;
        padding: 0.15rem 0.55rem;
        border-radius: 999px;
      }
      .chips button[aria-pressed='true'] {
        background: var(--nr-accent);
        color: var(--nr-accent-text);
        border-color: var(--nr-accent);
      }
      details {
        margin-top: 0.5rem;
        font-size: 0.82rem;
      }
      summary {
        cursor: pointer;
        color: var(--nr-text-muted);
      }
      form {
        display: flex;
        gap: 0.35rem;
        align-items: center;
        margin-top: 0.35rem;
      }
      form input {
        flex: 1;
        min-width: 0;
        padding: 0.2rem 0.4rem;
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        background: var(--nr-bg);
      }
      form button {
        font-size: 0.78rem;
        padding: 0.15rem 0.5rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button.annotation {
        display: block;
        width: 100%;
        text-align: left;
        border: none;
        border-bottom: 1px solid var(--nr-border);
        border-radius: 0;
        background: transparent;
        padding: 0.65rem 0.9rem;
      }
      button.annotation[aria-current='true'] {
        background: var(--nr-surface-2);
      }
      .meta {
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
      .quote {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
        margin: 0.3rem 0;
        padding: 0.1rem 0.3rem;
        border-radius: 3px;
        font-family: var(--nr-font-serif);
        line-height: 1.5;
      }
      .note {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .article {
        margin-top: 0.25rem;
        font-size: 0.78rem;
        font-weight: 600;
        color: var(--nr-text-muted);
      }
      .empty {
        padding: 1rem 0.9rem;
        color: var(--nr-text-muted);
      }
    `,
  ];

  #textTimer: ReturnType<typeof setTimeout> | undefined;

  #change(patch: AnnotationViewQuery): void {
    emit(this, 'nr-annotations-view-filter', { ...this.query, ...patch });
  }

  #onText(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#textTimer);
    this.#textTimer = setTimeout(() => this.#change({ text: text.trim() === '' ? undefined : text }), TEXT_FILTER_PAUSE_MS);
  }

  #rename(event: SubmitEvent, color: AnnotationColor): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input');
    const label = input?.value.trim() ?? '';
    if (label && label !== colorLabel(this.labels, color)) emit(this, 'nr-rename-color', { color, label });
  }

  #row(annotation: Annotation) {
    const article = this.articles.get(annotation.articleId);
    return html`<li>
      <button
        class="annotation"
        aria-current=${annotation.id === this.selectedId ? 'true' : 'false'}
        @click=${() => emit(this, 'nr-open-annotation', { articleId: annotation.articleId, id: annotation.id })}
      >
        <div class="meta">
          <span class="swatch hl-${annotation.color}"></span><span>${colorLabel(this.labels, annotation.color)}</span>
          ${annotation.status === 'orphan' ? html`<span class="orphan">· ${orphanLabel()}</span>` : nothing}
        </div>
        <div class="quote hl-${annotation.color}">${annotation.quote.exact}</div>
        ${annotation.note ? html`<div class="note">${annotation.note}</div>` : nothing}
        <nr-annotation-author .annotation=${annotation}></nr-annotation-author>
        <div class="article">${article ? [article.title, article.source].filter(Boolean).join(' · ') : '…'}</div>
      </button>
    </li>`;
  }

  #articleSelect() {
    const ids = [...new Set(this.annotations.map((annotation) => annotation.articleId))];
    const chosen = this.query.articleId ?? null;
    if (ids.length < 2 && chosen === null) return nothing;
    if (chosen !== null && !ids.includes(chosen)) ids.unshift(chosen);
    return html`<label class="article-filter"
      >${msg('Bài viết')}
      <select @change=${(e: Event) => this.#change({ articleId: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${chosen === null}>${msg('Mọi bài')}</option>
        ${ids.map((id) => html`<option value=${id} ?selected=${chosen === id}>${this.articles.get(id)?.title ?? id}</option>`)}
      </select></label
    >`;
  }

  #namedSelect(key: 'articleTag' | 'source', label: string, any: string, options: readonly NamedCount[]) {
    const chosen = this.query[key] ?? null;
    if (options.length === 0 && chosen === null) return nothing;
    return html`<label class="article-filter"
      >${label}
      <select @change=${(e: Event) => this.#change({ [key]: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${chosen === null}>${any}</option>
        ${options.map((option) => html`<option value=${option.name} ?selected=${chosen === option.name}>${option.name}</option>`)}
      </select></label
    >`;
  }

  /** Shared archive: everyone's annotations, only mine, or only those others shared to my desks. */
  #authorSelect() {
    const chosen = this.query.by ?? null;
    if (!this.shared && chosen === null) return nothing;
    return html`<label class="article-filter"
      >${msg('Của ai', { desc: 'Annotations filter: whose annotations' })}
      <select name="by" @change=${(e: Event) => this.#change({ by: ((e.target as HTMLSelectElement).value || undefined) as AnnotationAuthorFilter | undefined })}>
        <option value="" ?selected=${chosen === null}>${msg('Mọi người', { desc: 'Annotations filter: everyone’s' })}</option>
        <option value="me" ?selected=${chosen === 'me'}>${msg('Của tôi', { desc: 'Annotations filter: only mine' })}</option>
        <option value="desk" ?selected=${chosen === 'desk'}>${msg('Của ban (người khác chia sẻ)', { desc: 'Annotations filter: those others shared to my desks' })}</option>
      </select></label
    >`;
  }

  #textAndDates() {
    return html`<div class="article-filter text-filter">
      <input
        type="search"
        aria-label=${msg('Lọc theo chữ trong ghi chú và trích đoạn', { desc: 'Field: filter annotations by words in their note or quote' })}
        placeholder=${msg('Lọc theo chữ — có dấu hoặc không dấu', { desc: 'Hint of the annotations text filter' })}
        .value=${this.query.text ?? ''}
        @input=${(e: Event) => this.#onText(e)}
      />
    </div>
    <div class="article-filter dates">
      ${msg('Xuất bản từ', { desc: 'Annotations filter: publication date from' })}
      <nr-date-field .value=${this.query.from} label=${msg('Xuất bản từ ngày')} @nr-date-change=${(e: CustomEvent<string | null>) => this.#change({ from: e.detail ?? undefined })}></nr-date-field>
      ${msg('đến', { id: 'filters.to', desc: 'Date range filter: to (date)' })}
      <nr-date-field .value=${this.query.to} label=${msg('Xuất bản đến ngày')} @nr-date-change=${(e: CustomEvent<string | null>) => this.#change({ to: e.detail ?? undefined })}></nr-date-field>
    </div>`;
  }

  override render() {
    const filter = this.filter;
    const shown = this.annotations;
    const filtered = filter !== null || Object.keys(this.query).length > 0;
    return html`<header>
        <div class="title-row">
          <h2>${msg(str`Tất cả ghi chú (${this.annotations.length})`, { desc: 'Heading: every highlight and note in the library, with their number' })}</h2>
          <button @click=${() => emit(this, 'nr-annotation-export', 'jsonld')}>${msg('Xuất JSON-LD')}</button>
        </div>
        <div class="chips" role="group" aria-label=${msg('Lọc theo màu và nhãn')}>
          <button aria-pressed=${filter === null ? 'true' : 'false'} @click=${() => emit(this, 'nr-annotations-filter', null)}>${msg('Mọi màu')}</button>
          ${ANNOTATION_COLORS.map(
            (color) =>
              html`<button
                aria-pressed=${filter === color ? 'true' : 'false'}
                title=${msg(str`Màu ${colorName(color)}`, { desc: 'Tooltip: the colour of a filter chip' })}
                @click=${() => emit(this, 'nr-annotations-filter', color)}
              >
                <span class="swatch hl-${color}"></span>${colorLabel(this.labels, color)}
              </button>`,
          )}
        </div>
        ${this.#textAndDates()} ${this.#authorSelect()} ${this.#articleSelect()}
        ${this.#namedSelect('articleTag', msg('Thẻ của bài'), msg('Mọi thẻ'), this.tags)}
        ${this.#namedSelect('source', msg('Nguồn', { id: 'filters.source', desc: 'Filter label: one source' }), msg('Mọi nguồn', { desc: 'Annotations filter: any source' }), this.sources)}
        <nr-brief-export .citationStyle=${this.citationStyle} .count=${shown.length}></nr-brief-export>
        <details>
          <summary>${msg('Đổi tên nhãn màu')}</summary>
          ${ANNOTATION_COLORS.map(
            (color) =>
              html`<form @submit=${(event: SubmitEvent) => this.#rename(event, color)}>
                <span class="swatch hl-${color}"></span>
                <input aria-label=${msg(str`Nhãn cho màu ${colorName(color)}`, { desc: 'Field: the label of the named colour' })} maxlength="200" required .value=${colorLabel(this.labels, color)} />
                <button type="submit">${msg('Đổi tên')}</button>
              </form>`,
          )}
        </details>
      </header>
      ${shown.length === 0
        ? html`<p class="empty">${this.loading
            ? msg('Đang tải…')
            : filtered
              ? msg('Không có ghi chú nào khớp bộ lọc.', { desc: 'All annotations view: the filters leave nothing' })
              : msg('Chưa có ghi chú nào. Chọn một đoạn trong bài để đánh dấu.')}</p>`
        : html`<ol aria-label=${msg('Tất cả ghi chú', { id: 'annotations.all', desc: 'Every highlight and note in the library' })}>
            ${shown.map((annotation) => this.#row(annotation))}
          </ol>`}`;
  }
}

customElements.define('nr-all-annotations', NrAllAnnotations);

declare global {
  interface HTMLElementTagNameMap {
    'nr-all-annotations': NrAllAnnotations;
  }
}
