import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { Article, ArticlePatch } from '../../contract/index.ts';
import { controls } from '../styles/tokens.ts';
import { emit } from '../events.ts';

/**
 * Edits what the user owns about an article: its title, tags and collection. Emits
 * `nr-article-patch` with only what changed; the app saves it and the library event refreshes us.
 */
export class NrArticleDetails extends LitElement {
  static override properties = {
    article: { attribute: false },
    collections: { attribute: false },
    error: { state: true },
  };

  static override styles = [
    controls,
    css`
      form {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.5rem 0.75rem;
        align-items: center;
        padding: 0.5rem 0 1rem;
        font-family: var(--nr-font-sans);
        font-size: 0.9rem;
      }
      label {
        color: var(--nr-text-muted);
      }
      input {
        background: var(--nr-surface);
        border: 1px solid var(--nr-border-strong);
        border-radius: var(--nr-radius);
        padding: 0.35rem 0.5rem;
      }
      .actions {
        grid-column: 2;
        display: flex;
        gap: 0.75rem;
        align-items: center;
      }
      [role='alert'] {
        color: var(--nr-danger);
      }
    `,
  ];

  declare article: Article | null;
  /** Existing collection names, offered as suggestions. */
  declare collections: string[];
  declare error: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.article = null;
    this.collections = [];
    this.error = '';
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const article = this.article;
    if (!article) return;
    const form = new FormData(event.target as HTMLFormElement);
    const title = String(form.get('title') ?? '').trim();
    const tags = [...new Set(String(form.get('tags') ?? '').split(',').map((tag) => tag.trim()).filter(Boolean))];
    const collection = String(form.get('collection') ?? '').trim() || null;
    if (!title) {
      this.error = msg('Tiêu đề không được để trống.');
      return;
    }
    this.error = '';
    const patch: ArticlePatch = {};
    if (title !== article.title) patch.title = title;
    if (tags.join('\u0000') !== article.tags.join('\u0000')) patch.tags = tags;
    if (collection !== article.collection) patch.collection = collection;
    if (Object.keys(patch).length === 0) return;
    emit(this, 'nr-article-patch', patch);
  }

  override render() {
    const article = this.article;
    if (!article) return nothing;
    return html`<form @submit=${(e: SubmitEvent) => this.#submit(e)} aria-label=${msg('Thông tin bài viết')}>
      <label for="title">${msg('Tiêu đề', { id: 'details.title', desc: 'Field label: the article title' })}</label>
      <input id="title" name="title" .value=${article.title} maxlength="1000" required />
      <label for="tags">${msg('Thẻ', { id: 'details.tags', desc: 'Field label: the article tags, comma separated' })}</label>
      <input id="tags" name="tags" .value=${article.tags.join(', ')} placeholder=${msg('cách nhau bằng dấu phẩy')} />
      <label for="collection">${msg('Bộ sưu tập', { id: 'details.collection', desc: 'Field label: the one collection the article belongs to' })}</label>
      <input id="collection" name="collection" list="collections" .value=${article.collection ?? ''} placeholder=${msg('không thuộc bộ sưu tập nào')} />
      <datalist id="collections">${this.collections.map((name) => html`<option value=${name}></option>`)}</datalist>
      <div class="actions">
        <button class="primary" type="submit">${msg('Lưu thay đổi')}</button>
        ${this.error ? html`<span role="alert">${this.error}</span>` : nothing}
      </div>
    </form>`;
  }
}

customElements.define('nr-article-details', NrArticleDetails);

declare global {
  interface HTMLElementTagNameMap {
    'nr-article-details': NrArticleDetails;
  }
}
