import { LitElement, css, html, nothing } from 'lit';
import type { Article, Block, SearchHit } from '../../electron/contract.ts';
import { formatDate } from '../format-date.ts';
import { markedText, type TextRange } from '../marked-text.ts';
import { controls } from '../styles/tokens.ts';

type MatchRange = SearchHit['matches'][number];

const BLOCK_TAG: Record<Block['kind'], string> = {
  paragraph: 'p',
  heading: 'h2',
  quote: 'blockquote',
  'list-item': 'li',
  caption: 'figcaption',
};

/** The reading view: structure from stored blocks, search matches marked and walkable. */
export class NrReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    marks: { attribute: false },
    current: { state: true },
  };

  declare article: Article | null;
  declare marks: MatchRange[];
  declare current: number;

  constructor() {
    super();
    this.article = null;
    this.marks = [];
    this.current = 0;
  }

  static override styles = [
    controls,
    css`
      :host {
        display: block;
        height: 100%;
        overflow: auto;
        background: var(--nr-bg);
        color: var(--nr-text);
      }
      .toolbar {
        position: sticky;
        top: 0;
        display: flex;
        gap: 0.4rem;
        align-items: center;
        padding: 0.5rem 1rem;
        background: var(--nr-bg);
        border-bottom: 1px solid var(--nr-border);
        font-size: 0.85rem;
      }
      .spacer {
        flex: 1;
      }
      article {
        max-width: 68ch;
        margin: 0 auto;
        padding: 1.5rem 1.5rem 4rem;
        font-family: var(--nr-font-serif);
        font-size: 1.15rem;
        line-height: 1.75;
      }
      h1 {
        font-family: var(--nr-font-sans);
        font-size: 1.8rem;
        line-height: 1.35;
        margin: 0 0 0.5rem;
      }
      .byline {
        font-family: var(--nr-font-sans);
        font-size: 0.85rem;
        color: var(--nr-text-muted);
        margin-bottom: 1.5rem;
      }
      blockquote {
        border-left: 3px solid var(--nr-border);
        margin: 1rem 0;
        padding-left: 1rem;
        font-style: italic;
      }
      figcaption {
        font-family: var(--nr-font-sans);
        font-size: 0.85rem;
        color: var(--nr-text-muted);
        margin: -0.4rem 0 1rem;
      }
      h2 {
        font-family: var(--nr-font-sans);
        font-size: 1.25rem;
      }
      mark {
        background: var(--nr-mark);
        color: inherit;
        border-radius: 2px;
      }
      mark.current {
        background: var(--nr-mark-current);
        outline: 2px solid var(--nr-mark-current);
      }
      .empty {
        display: grid;
        place-items: center;
        height: 100%;
        color: var(--nr-text-muted);
        font-size: 0.95rem;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    // The same article comes back whenever the library changes (marked read on open, starred…): keep the
    // place among its matches then, and start over only for another article or another search.
    const previous = changed.get('article') as Article | null | undefined;
    const otherArticle = changed.has('article') && previous?.id !== this.article?.id;
    if (otherArticle || changed.has('marks')) this.current = 0;
    else if (this.current >= this.marks.length) this.current = 0;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('current') || changed.has('marks')) && this.marks.length) {
      this.renderRoot.querySelector(`mark[data-mark="${this.current}"]`)?.scrollIntoView({ block: 'center' });
    }
  }

  step(delta: number): void {
    const count = this.marks.length;
    if (count) this.current = (this.current + delta + count) % count;
  }

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  #onKey = (event: KeyboardEvent): void => {
    if ((event.key === 'Enter' || event.key === 'F3') && this.marks.length) {
      event.preventDefault();
      this.step(event.shiftKey ? -1 : 1);
    }
  };

  override render() {
    const article = this.article;
    if (!article) return html`<div class="empty">Chọn một bài để đọc.</div>`;
    const titleRanges: TextRange[] = this.marks.filter((m) => m.field === 'title');
    const bodyRanges: TextRange[] = this.marks.filter((m) => m.field === 'body');
    let markIndex = titleRanges.length;
    const blocks = article.blocks.length ? article.blocks : [{ kind: 'paragraph' as const, start: 0, end: article.body.length }];
    return html`<div class="toolbar" role="toolbar" aria-label="Công cụ đọc" @keydown=${this.#onKey}>
        <button @click=${() => this.#emit('nr-back')} aria-label="Quay lại">←</button>
        <button @click=${() => this.#emit('nr-toggle-star')} aria-pressed=${article.starred ? 'true' : 'false'}>${article.starred ? '★ Bỏ sao' : '☆ Gắn sao'}</button>
        <button @click=${() => this.#emit('nr-toggle-read')}>${article.read ? 'Đánh dấu chưa đọc' : 'Đánh dấu đã đọc'}</button>
        <button @click=${() => this.#emit('nr-toggle-archive')}>${article.archived ? 'Bỏ lưu trữ' : 'Lưu trữ'}</button>
        <button @click=${() => this.#emit(article.trashedAt ? 'nr-restore' : 'nr-trash')}>${article.trashedAt ? 'Khôi phục' : 'Xoá'}</button>
        <span class="spacer"></span>
        ${this.marks.length
          ? html`<button @click=${() => this.step(-1)} aria-label="Kết quả trước">↑</button>
              <span class="counter" aria-live="polite">${this.current + 1} / ${this.marks.length}</span>
              <button @click=${() => this.step(1)} aria-label="Kết quả sau">↓</button>`
          : nothing}
      </div>
      <article lang=${article.language}>
        <h1>${markedText(article.title, 0, article.title.length, titleRanges, 0, this.current)}</h1>
        <div class="byline">
          ${[article.source, article.author, formatDate(article.publishedAt ?? article.importedAt), `${article.readingMinutes} phút đọc`].filter(Boolean).join(' · ')}
        </div>
        ${blocks.map((block) => {
          const inside = bodyRanges.filter((r) => r.end > block.start && r.start < block.end);
          const content = markedText(article.body, block.start, block.end, inside, markIndex, this.current);
          markIndex += inside.length;
          switch (BLOCK_TAG[block.kind]) {
            case 'h2':
              return html`<h2>${content}</h2>`;
            case 'blockquote':
              return html`<blockquote>${content}</blockquote>`;
            case 'li':
              return html`<ul><li>${content}</li></ul>`;
            case 'figcaption':
              return html`<figcaption>${content}</figcaption>`;
            default:
              return html`<p>${content}</p>`;
          }
        })}
      </article>`;
  }
}

customElements.define('nr-reader', NrReader);
