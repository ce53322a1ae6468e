import { LitElement, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation, AnnotationColor, Article, ColorLabels } from '../../contract/index.ts';
import { CaretController } from '../controllers/caret-controller.ts';
import { ReadingProgressController } from '../controllers/reading-progress-controller.ts';
import { SelectionToolbarController } from '../controllers/selection-toolbar-controller.ts';
import { emit, type AnnotateRequest, type NrEventName, type SelectionAction, type TextRange } from '../events.ts';
import { importedLabel, publishedLabel, readingTime } from '../format-date.ts';
import { markedText } from '../marked-text.ts';
import { articleBody } from '../article-body.ts';
import type { Neighbours } from '../state/app-state.ts';
import type { MatchRange } from '../state/reading-session.ts';
import { readerStyles } from '../styles/reader-styles.ts';
import './nr-selection-toolbar.ts';
import './nr-article-details.ts';
import './nr-reader-prefs.ts';
import './nr-menu-button.ts';
import type { MenuItem } from './nr-menu-button.ts';
import './nr-figure.ts';
import './nr-original-file.ts';
import './nr-outline.ts';

/** The families an article is set in (styles/tokens.ts: --nr-font-serif, --nr-font-sans). */
const READING_FONTS = new Set(['Noto Serif', 'Be Vietnam Pro']);

/** Reader events without a detail: the article actions of its toolbar. */
type ReaderAction = Extract<NrEventName, 'nr-back' | 'nr-toggle-star' | 'nr-toggle-read' | 'nr-toggle-archive' | 'nr-trash' | 'nr-restore' | 'nr-toggle-focus' | 'nr-toggle-annotations'>;

/**
 * The reading view: structure from stored blocks, search matches marked and walkable, highlights drawn
 * under them. Selecting body text offers the selection toolbar; the reader turns a selection into body
 * offsets and emits `nr-annotate` / `nr-copy-quote` (detail: offsets), `nr-annotation-activate` (id) when
 * a highlight is clicked, `nr-toggle-annotations` for the panel, and the article actions. Its reading
 * position and read marking (ReadingProgressController) and the selection under the toolbar
 * (SelectionToolbarController) are controllers of their own.
 */
export class NrReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    marks: { attribute: false },
    annotations: { attribute: false },
    labels: { attribute: false },
    panelOpen: { attribute: false },
    collections: { attribute: false },
    neighbours: { attribute: false },
    focusMode: { attribute: false },
    current: { state: true },
    prefsOpen: { state: true },
    detailsOpen: { state: true },
  };

  declare article: Article | null;
  declare marks: MatchRange[];
  /** The open article's annotations; orphans are listed by the panel but have nowhere to be drawn. */
  declare annotations: Annotation[];
  declare labels: ColorLabels | null;
  /** Existing collection names, suggested when the article is moved to one. */
  declare collections: string[];
  declare panelOpen: boolean;
  declare current: number;
  declare neighbours: Neighbours;
  declare focusMode: boolean;
  /** Whether the "Aa" popover (font family, size, line width) is open. */
  declare prefsOpen: boolean;
  /**
   * Whether "title, tags, collection" is unfolded. Its editor (a form in its own shadow root) is
   * built only then: every open would otherwise rebuild a form nobody sees before the text is painted.
   */
  declare detailsOpen: boolean;
  readonly #selection = new SelectionToolbarController(this);
  readonly #caret = new CaretController(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    new ReadingProgressController(this);
    this.article = null;
    this.marks = [];
    this.annotations = [];
    this.labels = null;
    this.collections = [];
    this.panelOpen = false;
    this.current = 0;
    this.neighbours = { previous: false, next: false };
    this.focusMode = false;
    this.prefsOpen = false;
    this.detailsOpen = false;
  }

  static override styles = readerStyles;

  override willUpdate(changed: Map<string, unknown>): void {
    // The same article comes back whenever the library changes (marked read on open, starred…): keep the
    // place among its matches then, and start over only for another article or another search.
    const previous = changed.get('article') as Article | null | undefined;
    const otherArticle = changed.has('article') && previous?.id !== this.article?.id;
    // With no article the reader shows no details at all; the next one starts with them folded.
    if (!this.article) this.detailsOpen = false;
    if (otherArticle || changed.has('marks')) this.current = 0;
    else if (this.current >= this.marks.length) this.current = 0;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('current') || changed.has('marks')) && this.marks.length) {
      this.renderRoot.querySelector(`mark[data-mark="${this.current}"]`)?.scrollIntoView({ block: 'center' });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable from code (o / Enter), so the arrow keys and Space scroll the article.
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
    window.addEventListener('pointerdown', this.#onWindowPointerDown);
    // A web font is fetched only once some text needs it: the first article opened would be drawn in a
    // fallback font, then laid out and painted again when Noto Serif arrives. Fetch them now, before any
    // article is opened (local files, a few tens of kilobytes).
    for (const face of document.fonts) {
      if (READING_FONTS.has(face.family.replace(/^["']|["']$/g, ''))) void face.load().catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.#onWindowPointerDown);
  }

  /** Moves keyboard focus to the article, so the arrow keys and Space scroll it. */
  focusArticle(): void {
    this.focus({ preventScroll: true });
  }

  /** Closes the "Aa" popover; false when it was not open. */
  closePrefs(): boolean {
    if (!this.prefsOpen) return false;
    this.prefsOpen = false;
    return true;
  }

  #onWindowPointerDown = (event: PointerEvent): void => {
    if (!this.prefsOpen) return;
    const path = event.composedPath();
    const inside = path.some((target) => target instanceof HTMLElement && (target.classList.contains('prefs-popover') || target.classList.contains('aa')));
    if (!inside) this.prefsOpen = false;
  };

  #onPrefsKey = (event: KeyboardEvent): void => {
    // Keys typed in the popover are for its controls: not for the toolbar (Enter steps through
    // matches) nor for the app's shortcuts.
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    this.prefsOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.aa')?.focus());
  };

  /** Highlights the current selection (the `h` and `n` keys); false when nothing in the body is selected. */
  annotateSelection(color: AnnotationColor, withNote: boolean): boolean {
    const range = this.#selection.selectedRange()?.offsets;
    if (!range) return false;
    this.#emitAnnotate({ ...range, color, withNote });
    return true;
  }

  /** Caret mode (the `c` key): select text with the keyboard; false when no article is open. */
  startCaret(): boolean {
    return this.#caret.start();
  }

  /** Collapses a selection in the body and hides its toolbar; false when there was none. */
  dismissSelection(): boolean {
    if (!this.#selection.selected) return false;
    this.#selection.clear();
    return true;
  }

  /** Scrolls an annotation's highlight into view and flashes it; false when it is not drawn (an orphan). */
  reveal(id: string): boolean {
    const spans = [...this.renderRoot.querySelectorAll<HTMLElement>('span.hl')].filter((span) => span.dataset.ids?.split(' ').includes(id));
    if (spans.length === 0) return false;
    spans[0]!.scrollIntoView({ block: 'center' });
    for (const span of spans) span.dataset.flash = '';
    setTimeout(() => spans.forEach((span) => delete span.dataset.flash), 1600);
    return true;
  }

  #emitAnnotate(request: AnnotateRequest): void {
    emit(this, 'nr-annotate', request);
    this.#caret.annotated();
    this.#selection.clear();
  }

  #onSelectionAction = (event: CustomEvent<SelectionAction>): void => {
    const range = this.#selection.selected;
    if (!range) return;
    const action = event.detail;
    if (action.action === 'copy') {
      emit(this, 'nr-copy-quote', { ...range });
      this.#selection.clear();
    } else {
      this.#emitAnnotate({ ...range, color: action.action === 'highlight' ? action.color : 'yellow', withNote: action.action === 'note' });
    }
  };

  #onArticleClick = (event: MouseEvent): void => {
    if (this.#selection.selected) return;
    const span = event.composedPath().find((target): target is HTMLElement => target instanceof HTMLElement && target.classList.contains('hl'));
    const id = span?.dataset.ids?.split(' ')[0];
    if (id) emit(this, 'nr-annotation-activate', id);
  };

  step(delta: number): void {
    const count = this.marks.length;
    if (count) this.current = (this.current + delta + count) % count;
  }

  #emit(name: ReaderAction): void {
    emit(this, name);
  }

  /** The rare article actions, in the "⋯" menu: read or unread, archive, trash or restore. */
  #moreItems(article: Article): MenuItem[] {
    return [
      { id: 'read', label: article.read ? msg('Đánh dấu chưa đọc') : msg('Đánh dấu đã đọc'), shortcut: 'm' },
      {
        id: 'archive',
        label: article.archived ? msg('Bỏ lưu trữ') : msg('Lưu trữ', { id: 'reader.archive', desc: 'Button: archive this article (the action, not the view)' }),
        shortcut: 'e',
      },
      article.trashedAt
        ? { id: 'restore', label: msg('Khôi phục') }
        : { id: 'trash', label: msg('Xoá', { id: 'reader.trash', desc: 'Button: move this article to the trash' }) },
    ];
  }

  #onMore = (event: CustomEvent<string>): void => {
    const events: Record<string, ReaderAction> = { read: 'nr-toggle-read', archive: 'nr-toggle-archive', trash: 'nr-trash', restore: 'nr-restore' };
    const name = events[event.detail];
    if (name) this.#emit(name);
  };

  #emitStep(delta: -1 | 1): void {
    emit(this, 'nr-step-article', delta);
  }

  #onKey = (event: KeyboardEvent): void => {
    if ((event.key === 'Enter' || event.key === 'F3') && this.marks.length) {
      event.preventDefault();
      this.step(event.shiftKey ? -1 : 1);
    }
  };

  #caretHint() {
    return html`<p class="caret-hint" role="status">
      ${this.#caret.extending
        ? msg('Đang mở rộng vùng chọn (v để thôi).', { desc: 'Caret mode: letter keys now extend the selection' })
        : msg('Chọn bằng bàn phím: ← → từ, ↑ ↓ câu, Ctrl+↑ ↓ đoạn, Shift mở rộng; h đánh dấu, n ghi chú, Esc thoát.', {
            desc: 'Caret mode key hint; keep the key names as they are',
          })}
    </p>`;
  }

  override render() {
    const article = this.article;
    if (!article) return html`<div class="empty">${msg('Chọn một bài để đọc.')}</div>`;
    const titleRanges: TextRange[] = this.marks.filter((m) => m.field === 'title');
    const bodyRanges: TextRange[] = this.marks.filter((m) => m.field === 'body');
    return html`<div class="toolbar" role="toolbar" aria-label=${msg('Công cụ đọc')} @keydown=${this.#onKey}>
        <span class="group" role="group" aria-label=${msg('Đi giữa các bài', { desc: 'Reader toolbar group: back, previous, next' })}>
          <button @click=${() => this.#emit('nr-back')} aria-label=${msg('Quay lại')} title=${msg('Quay lại danh sách (Esc)')}>←</button>
          <button ?disabled=${!this.neighbours.previous} aria-label=${msg('Bài trước')} title=${msg('Bài trước (k)')} aria-keyshortcuts="k" @click=${() => this.#emitStep(-1)}>‹</button>
          <button ?disabled=${!this.neighbours.next} aria-label=${msg('Bài sau')} title=${msg('Bài sau (j)')} aria-keyshortcuts="j" @click=${() => this.#emitStep(1)}>›</button>
        </span>
        <span class="group" role="group" aria-label=${msg('Bài này', { desc: 'Reader toolbar group: actions on the open article' })}>
          <button aria-keyshortcuts="s" title=${msg('Gắn sao / bỏ sao (s)')} @click=${() => this.#emit('nr-toggle-star')} aria-pressed=${article.starred ? 'true' : 'false'}>${article.starred ? msg('★ Bỏ sao') : msg('☆ Gắn sao', { desc: 'Button: star this article' })}</button>
          <nr-menu-button
            class="more"
            label=${msg('Thao tác khác với bài', { desc: 'Menu button: the less frequent actions on the open article' })}
            .items=${this.#moreItems(article)}
            @nr-menu-select=${this.#onMore}
          ></nr-menu-button>
        </span>
        <span class="spacer"></span>
        <span class="group" role="group" aria-label=${msg('Cách xem', { desc: 'Reader toolbar group: typography, focus mode, annotation panel' })}>
          <span class="prefs-anchor">
            <button
              class="aa"
              aria-expanded=${this.prefsOpen ? 'true' : 'false'}
              aria-controls=${this.prefsOpen ? 'reader-prefs' : nothing}
              aria-label=${msg('Aa: kiểu chữ, cỡ chữ, độ rộng dòng')}
              title=${msg('Aa: kiểu chữ, cỡ chữ, độ rộng dòng')}
              @click=${() => (this.prefsOpen = !this.prefsOpen)}
            >
              Aa
            </button>
            ${this.prefsOpen
              ? html`<div id="reader-prefs" class="prefs-popover" role="dialog" aria-labelledby="reader-prefs-heading" @keydown=${this.#onPrefsKey}>
                  <h2 id="reader-prefs-heading">${msg('Chữ khi đọc', { desc: 'Heading of the reader typography popover' })}</h2>
                  <nr-reader-prefs></nr-reader-prefs>
                </div>`
              : nothing}
          </span>
          <button aria-pressed=${this.focusMode ? 'true' : 'false'} aria-keyshortcuts="f" title=${msg('Chỉ còn bài đang đọc (f)')} @click=${() => this.#emit('nr-toggle-focus')}>
            ${msg('Tập trung', { desc: 'Button: focus mode, hides everything but the article' })}
          </button>
          <button @click=${() => this.#emit('nr-toggle-annotations')} title=${msg('Hiện / ẩn ghi chú trong bài')} aria-pressed=${this.panelOpen ? 'true' : 'false'}>
            ${msg(str`Ghi chú (${this.annotations.length})`, { desc: 'Button showing the annotation panel, with the number of highlights' })}
          </button>
        </span>
        ${this.marks.length
          ? html`<span class="group" role="group" aria-label=${msg('Kết quả tìm trong bài', { desc: 'Reader toolbar group: search matches in the article' })}>
              <button @click=${() => this.step(-1)} aria-label=${msg('Kết quả trước')} title=${msg('Kết quả trước (Shift+F3)')}>↑</button>
              <span class="counter" aria-live="polite">${this.current + 1} / ${this.marks.length}</span>
              <button @click=${() => this.step(1)} aria-label=${msg('Kết quả sau')} title=${msg('Kết quả sau (F3)')}>↓</button>
            </span>`
          : nothing}
      </div>
      <details class="article-details" @toggle=${(e: Event) => (this.detailsOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${msg('Tiêu đề, thẻ, bộ sưu tập')}${article.tags.length ? ` · ${article.tags.join(', ')}` : ''}${article.collection ? ` · ${article.collection}` : ''}</summary>
        ${this.detailsOpen ? html`<nr-article-details .article=${article} .collections=${this.collections}></nr-article-details>` : nothing}
      </details>
      <article lang=${article.language} @click=${this.#onArticleClick}>
        <h1>${markedText(article.title, 0, article.title.length, titleRanges, 0, this.current)}</h1>
        <div class="byline">
          ${[article.source, article.author, publishedLabel(article.publishedAt), article.publishedAt ? '' : importedLabel(article.importedAt), readingTime(article.readingMinutes)]
            .filter(Boolean)
            .join(' · ')}
          ${article.url && /^https?:\/\//i.test(article.url)
            ? // A new window: the desktop app hands it to the system browser (setWindowOpenHandler), serve's page opens a tab.
              html` · <a class="original" href=${article.url} target="_blank" rel="noopener noreferrer">${msg('Mở bài gốc', { desc: 'Link in the reader: opens the article’s original web page in the browser' })}</a>`
            : nothing}
          <nr-original-file .articleId=${article.id}></nr-original-file>
        </div>
        <nr-outline .article=${article}></nr-outline>
        ${articleBody(article, { ranges: bodyRanges, firstIndex: titleRanges.length, current: this.current }, this.annotations)}
      </article>
      ${this.#caret.active ? this.#caretHint() : nothing}
      ${this.#selection.selected
        ? html`<nr-selection-toolbar .labels=${this.labels} @nr-selection-action=${this.#onSelectionAction}></nr-selection-toolbar>`
        : nothing}`;
  }
}

customElements.define('nr-reader', NrReader);

declare global {
  interface HTMLElementTagNameMap {
    'nr-reader': NrReader;
  }
}
