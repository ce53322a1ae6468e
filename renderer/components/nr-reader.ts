import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Annotation, AnnotationColor, Article, Block, ColorLabels, SearchHit } from '../../contract/index.ts';
import { formatDate, readingTime } from '../format-date.ts';
import { layeredText, markedText, type HighlightRange, type TextRange } from '../marked-text.ts';
import { bodyOffsets, selectionRangeIn } from '../selection-offsets.ts';
import { controls, highlightColors } from '../styles/tokens.ts';
import type { NrSelectionToolbar, SelectionAction } from './nr-selection-toolbar.ts';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from './nr-reader-prefs.ts';
import './nr-selection-toolbar.ts';
import './nr-article-details.ts';
import './nr-reader-prefs.ts';

type MatchRange = SearchHit['matches'][number];

const BLOCK_TAG: Record<Block['kind'], string> = {
  paragraph: 'p',
  heading: 'h2',
  quote: 'blockquote',
  'list-item': 'li',
  caption: 'figcaption',
};

/** What the reader asks the app to create: a highlight of body[start, end), maybe with a note to write. */
export interface AnnotateRequest extends TextRange {
  color: AnnotationColor;
  withNote: boolean;
}

/** Where a selection sits, in the host's scrolled content coordinates, for placing the toolbar. */
interface SelectionBox {
  top: number;
  bottom: number;
  center: number;
}

const WHITESPACE = /\s/u;

/** Where the reader is in an article: the scrolled fraction 0..1 of what can be scrolled. */
export interface ReadingPosition {
  id: string;
  position: number;
}

/** Whether there is an article before / after the open one in the list (the step buttons). */
export interface Neighbours {
  previous: boolean;
  next: boolean;
}

/** The families an article is set in (styles/tokens.ts: --nr-font-serif, --nr-font-sans). */
const READING_FONTS = new Set(['Noto Serif', 'Be Vietnam Pro']);

/** The reading position is saved once scrolling has paused this long. */
const POSITION_SAVE_MS = 600;
/** An unread article counts as read after this long in view… */
export const READ_AFTER_MS = 10_000;
/** …or once scrolled to within this many pixels of its end. */
const END_SLACK_PX = 80;

/**
 * The reading view: structure from stored blocks, search matches marked and walkable, highlights drawn
 * under them. Selecting body text offers the selection toolbar; the reader turns a selection into body
 * offsets and emits `nr-annotate` / `nr-copy-quote` (detail: offsets), `nr-annotation-activate` (id) when
 * a highlight is clicked, `nr-toggle-annotations` for the panel, and the article actions.
 */
export class NrReader extends LitElement {
  static override properties = {
    article: { attribute: false },
    marks: { attribute: false },
    annotations: { attribute: false },
    labels: { attribute: false },
    panelOpen: { attribute: false },
    collections: { attribute: false },
    prefs: { attribute: false },
    neighbours: { attribute: false },
    focusMode: { attribute: false },
    current: { state: true },
    selected: { state: true },
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
  /** The body range under the user's selection while the selection toolbar shows. */
  declare selected: TextRange | null;
  /** Typography, for the "Aa" popover; the article itself takes it from CSS custom properties. */
  declare prefs: ReaderPrefs;
  declare neighbours: Neighbours;
  declare focusMode: boolean;
  /** Whether the "Aa" popover (font family, size, line width) is open. */
  declare prefsOpen: boolean;
  /**
   * Whether "title, tags, collection" is unfolded. Its editor (a form in its own shadow root) is
   * built only then: every open would otherwise rebuild a form nobody sees before the text is painted.
   */
  declare detailsOpen: boolean;
  #selectionBox: SelectionBox | null = null;
  #positionTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingPosition: ReadingPosition | null = null;
  /** Where a restore put the scroll, so the scroll event it causes is not taken for the reader's own. */
  #restoredTop: number | null = null;
  #readTimer: ReturnType<typeof setTimeout> | undefined;
  /** The unread article this visit may still mark read once it has been read; null when there is none. */
  #readCandidate: string | null = null;
  #pointerDown = false;
  #syncTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.article = null;
    this.marks = [];
    this.annotations = [];
    this.labels = null;
    this.collections = [];
    this.panelOpen = false;
    this.current = 0;
    this.selected = null;
    this.prefs = DEFAULT_READER_PREFS;
    this.neighbours = { previous: false, next: false };
    this.focusMode = false;
    this.prefsOpen = false;
    this.detailsOpen = false;
  }

  static override styles = [
    controls,
    highlightColors,
    css`
      .article-details {
        max-width: 42rem;
        margin: 0.75rem auto 0;
        padding: 0 1.5rem;
        font-family: var(--nr-font-sans);
        font-size: 0.85rem;
        color: var(--nr-text-muted);
      }
      .article-details summary {
        cursor: pointer;
      }
      :host {
        position: relative;
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
        flex-wrap: wrap;
        z-index: 6;
      }
      .toolbar button {
        white-space: nowrap;
      }
      .spacer {
        flex: 1;
      }
      :host(:focus-visible) {
        outline: 2px solid var(--nr-accent);
        outline-offset: -2px;
      }
      /* Typography comes from the reader settings (--nr-reader-*), set by the app. */
      article {
        max-width: var(--nr-reader-measure, 68ch);
        margin: 0 auto;
        padding: 1.5rem 1.5rem 4rem;
        font-family: var(--nr-reader-font, var(--nr-font-serif));
        font-size: var(--nr-reader-size, 19px);
        /* Room between lines for Vietnamese stacked marks (ệ, ỗ, ặ). */
        line-height: 1.7;
        /* Words break only at soft hyphens the text carries; a long URL or token wraps rather than overflows. */
        hyphens: manual;
        overflow-wrap: anywhere;
      }
      h1 {
        font-family: var(--nr-font-sans);
        font-size: 1.5em;
        line-height: 1.4;
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
        font-size: 1.15em;
        line-height: 1.45;
      }
      .prefs-anchor {
        position: relative;
      }
      .prefs-popover {
        position: absolute;
        top: calc(100% + 0.4rem);
        right: 0;
        z-index: 8;
        width: min(22rem, 80vw);
        padding: 0.9rem 1rem;
        background: var(--nr-surface);
        color: var(--nr-text);
        border: 1px solid var(--nr-border-strong);
        border-radius: 8px;
        box-shadow: 0 8px 28px rgba(0, 0, 0, 0.25);
        white-space: normal;
      }
      .prefs-popover h2 {
        font-size: 0.95rem;
        margin: 0 0 0.6rem;
      }
      /* Search matches are outlined and underlined rather than filled, so a highlight's colour
         stays readable under them; the current one is filled. */
      mark {
        background: transparent;
        color: inherit;
        border-radius: 2px;
        outline: 2px solid var(--nr-mark-line);
        text-decoration: underline 2px var(--nr-mark-line);
        text-underline-offset: 0.2em;
      }
      mark.current {
        background: var(--nr-mark-current);
        outline: 3px solid var(--nr-mark-current);
      }
      .hl {
        color: inherit;
        cursor: pointer;
        border-radius: 2px;
      }
      .hl-multi {
        box-shadow: inset 0 -0.15em 0 rgba(0, 0, 0, 0.22);
      }
      .hl[data-flash] {
        outline: 3px solid var(--nr-accent);
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
    // With no article the reader shows no details at all; the next one starts with them folded.
    if (!this.article) this.detailsOpen = false;
    if (otherArticle || changed.has('marks')) this.current = 0;
    else if (this.current >= this.marks.length) this.current = 0;
    if (otherArticle) {
      this.selected = null;
      this.#selectionBox = null;
      // The position in the article being left is saved now, under its own id.
      this.#flushPosition();
      this.#stopReadWatch();
    } else if (changed.has('article') && previous && previous.read !== this.article?.read) {
      // Marked read or unread by hand (or by us): either way, no more marking read on this visit.
      this.#stopReadWatch();
    }
  }

  override updated(changed: Map<string, unknown>): void {
    const previous = changed.get('article') as Article | null | undefined;
    if (changed.has('article') && previous?.id !== this.article?.id) this.#arrive();
    if ((changed.has('current') || changed.has('marks')) && this.marks.length) {
      this.renderRoot.querySelector(`mark[data-mark="${this.current}"]`)?.scrollIntoView({ block: 'center' });
    }
    this.#placeToolbar();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.#onSelectionChange);
    window.addEventListener('pointerup', this.#onPointerUp);
    this.addEventListener('pointerdown', this.#onPointerDown);
    // Focusable from code (o / Enter), so the arrow keys and Space scroll the article.
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
    this.addEventListener('scroll', this.#onScroll, { passive: true });
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('pagehide', this.#flushPosition);
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
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    window.removeEventListener('pointerup', this.#onPointerUp);
    this.removeEventListener('pointerdown', this.#onPointerDown);
    clearTimeout(this.#syncTimer);
    this.removeEventListener('scroll', this.#onScroll);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('pagehide', this.#flushPosition);
    window.removeEventListener('pointerdown', this.#onWindowPointerDown);
    this.#flushPosition();
    this.#stopReadWatch();
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

  /** A newly opened article: back to where the reader left it, and watch whether it gets read. */
  #arrive(): void {
    const article = this.article;
    this.#restoredTop = null;
    if (!article) return;
    // Search marks bring their own scrolling (to the current match).
    if (!this.marks.length) {
      this.#restore(article.readingPosition);
      // Web fonts arriving late change the height; restore again unless the reader has moved meanwhile.
      if (article.readingPosition > 0) {
        void document.fonts.ready.then(() => {
          if (this.article?.id === article.id && this.#restoredTop !== null && Math.abs(this.scrollTop - this.#restoredTop) < 2) {
            this.#restore(article.readingPosition);
          }
        });
      }
    }
    if (!article.read) {
      this.#readCandidate = article.id;
      this.#watchReading();
    }
  }

  #restore(position: number): void {
    const range = this.scrollHeight - this.clientHeight;
    this.scrollTop = range > 0 ? Math.round(position * range) : 0;
    this.#restoredTop = this.scrollTop;
  }

  #onScroll = (): void => {
    const article = this.article;
    if (!article) return;
    if (this.#restoredTop !== null && Math.abs(this.scrollTop - this.#restoredTop) < 2) return;
    this.#restoredTop = null;
    const range = this.scrollHeight - this.clientHeight;
    if (range <= 0) return;
    const position = Math.min(1, Math.max(0, Math.round((this.scrollTop / range) * 10_000) / 10_000));
    this.#pendingPosition = { id: article.id, position };
    clearTimeout(this.#positionTimer);
    this.#positionTimer = setTimeout(this.#flushPosition, POSITION_SAVE_MS);
    if (this.scrollTop + this.clientHeight >= this.scrollHeight - END_SLACK_PX) this.#markRead();
  };

  #flushPosition = (): void => {
    clearTimeout(this.#positionTimer);
    const pending = this.#pendingPosition;
    this.#pendingPosition = null;
    if (pending) this.dispatchEvent(new CustomEvent<ReadingPosition>('nr-reading-position', { detail: pending, bubbles: true, composed: true }));
  };

  #inView(): boolean {
    return document.visibilityState === 'visible' && this.isConnected && this.clientHeight > 0 && this.checkVisibility();
  }

  /** Marks the article read after READ_AFTER_MS in view; time out of view (hidden pane, other tab) does not count. */
  #watchReading(): void {
    clearTimeout(this.#readTimer);
    if (!this.#readCandidate) return;
    if (!this.#inView()) {
      this.#readTimer = setTimeout(() => this.#watchReading(), 1000);
      return;
    }
    this.#readTimer = setTimeout(() => (this.#inView() ? this.#markRead() : this.#watchReading()), READ_AFTER_MS);
  }

  #stopReadWatch(): void {
    this.#readCandidate = null;
    clearTimeout(this.#readTimer);
  }

  #markRead(): void {
    const id = this.#readCandidate;
    if (!id || this.article?.id !== id) return;
    this.#stopReadWatch();
    this.dispatchEvent(new CustomEvent<string>('nr-mark-read', { detail: id, bubbles: true, composed: true }));
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#watchReading();
    else clearTimeout(this.#readTimer);
  };

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
    const range = this.#selectedRange()?.offsets;
    if (!range) return false;
    this.#emitAnnotate({ ...range, color, withNote });
    return true;
  }

  /** Collapses a selection in the body and hides its toolbar; false when there was none. */
  dismissSelection(): boolean {
    if (!this.selected) return false;
    this.#clearSelection();
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

  #selectedRange(): { offsets: TextRange; range: Range } | null {
    const root = this.shadowRoot;
    const body = this.article?.body;
    if (!root || body === undefined) return null;
    const range = selectionRangeIn(root);
    if (!range) return null;
    const offsets = bodyOffsets(range, root.querySelectorAll<HTMLElement>('article [data-start]'));
    if (!offsets) return null;
    // A double-click or a sloppy drag takes the space next to a word along; the highlight should not.
    let { start, end } = offsets;
    while (start < end && WHITESPACE.test(body[start]!)) start++;
    while (end > start && WHITESPACE.test(body[end - 1]!)) end--;
    return end > start ? { offsets: { start, end }, range } : null;
  }

  #onPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().some((target) => target instanceof HTMLElement && target.localName === 'nr-selection-toolbar')) this.#pointerDown = true;
  };

  #onPointerUp = (): void => {
    if (!this.#pointerDown) return;
    this.#pointerDown = false;
    this.#scheduleSync();
  };

  // While the mouse is still dragging, the toolbar would chase the pointer; wait for the release.
  #onSelectionChange = (): void => {
    if (!this.#pointerDown) this.#scheduleSync();
  };

  #scheduleSync(): void {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = setTimeout(() => this.#syncToolbar(), 0);
  }

  #syncToolbar(): void {
    const selection = this.#selectedRange();
    if (!selection) {
      this.selected = null;
      this.#selectionBox = null;
      return;
    }
    const host = this.getBoundingClientRect();
    const box = selection.range.getBoundingClientRect();
    this.#selectionBox = {
      top: box.top - host.top + this.scrollTop,
      bottom: box.bottom - host.top + this.scrollTop,
      center: box.left + box.width / 2 - host.left + this.scrollLeft,
    };
    const previous = this.selected;
    if (previous?.start !== selection.offsets.start || previous.end !== selection.offsets.end) this.selected = selection.offsets;
    else this.#placeToolbar();
  }

  #placeToolbar(): void {
    const toolbar = this.renderRoot.querySelector<NrSelectionToolbar>('nr-selection-toolbar');
    // Its size is known only once it has rendered its buttons, still before the next paint.
    if (toolbar) void toolbar.updateComplete.then(() => this.#position(toolbar));
  }

  #position(toolbar: HTMLElement): void {
    const box = this.#selectionBox;
    if (!box || !toolbar.isConnected) return;
    const gap = 8;
    const stickyBar = this.renderRoot.querySelector<HTMLElement>('.toolbar')?.offsetHeight ?? 0;
    const visibleTop = this.scrollTop + stickyBar + gap;
    const visibleBottom = this.scrollTop + this.clientHeight - toolbar.offsetHeight - gap;
    // Above the selection when there is room, else below it, and never out of sight.
    let top = box.top - toolbar.offsetHeight - gap;
    if (top < visibleTop) top = box.bottom + gap;
    top = Math.max(visibleTop, Math.min(top, visibleBottom));
    const left = Math.max(gap, Math.min(box.center - toolbar.offsetWidth / 2, this.clientWidth - toolbar.offsetWidth - gap));
    toolbar.style.top = `${top}px`;
    toolbar.style.left = `${left}px`;
  }

  #clearSelection(): void {
    document.getSelection()?.removeAllRanges();
    this.selected = null;
    this.#selectionBox = null;
  }

  #emitAnnotate(request: AnnotateRequest): void {
    this.dispatchEvent(new CustomEvent<AnnotateRequest>('nr-annotate', { detail: request, bubbles: true, composed: true }));
    this.#clearSelection();
  }

  #onSelectionAction = (event: CustomEvent<SelectionAction>): void => {
    const range = this.selected;
    if (!range) return;
    const action = event.detail;
    if (action.action === 'copy') {
      this.dispatchEvent(new CustomEvent<TextRange>('nr-copy-quote', { detail: { ...range }, bubbles: true, composed: true }));
      this.#clearSelection();
    } else {
      this.#emitAnnotate({ ...range, color: action.action === 'highlight' ? action.color : 'yellow', withNote: action.action === 'note' });
    }
  };

  #onArticleClick = (event: MouseEvent): void => {
    if (this.selected) return;
    const span = event.composedPath().find((target): target is HTMLElement => target instanceof HTMLElement && target.classList.contains('hl'));
    const id = span?.dataset.ids?.split(' ')[0];
    if (id) this.dispatchEvent(new CustomEvent<string>('nr-annotation-activate', { detail: id, bubbles: true, composed: true }));
  };

  step(delta: number): void {
    const count = this.marks.length;
    if (count) this.current = (this.current + delta + count) % count;
  }

  #emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  #emitStep(delta: -1 | 1): void {
    this.dispatchEvent(new CustomEvent<number>('nr-step-article', { detail: delta, bubbles: true, composed: true }));
  }

  #onKey = (event: KeyboardEvent): void => {
    if ((event.key === 'Enter' || event.key === 'F3') && this.marks.length) {
      event.preventDefault();
      this.step(event.shiftKey ? -1 : 1);
    }
  };

  override render() {
    const article = this.article;
    if (!article) return html`<div class="empty">${msg('Chọn một bài để đọc.')}</div>`;
    const titleRanges: TextRange[] = this.marks.filter((m) => m.field === 'title');
    const bodyRanges: TextRange[] = this.marks.filter((m) => m.field === 'body');
    let markIndex = titleRanges.length;
    const highlights: HighlightRange[] = this.annotations
      .filter((a) => a.articleId === article.id && a.status === 'anchored' && a.position.end > a.position.start)
      .map((a) => ({ start: a.position.start, end: a.position.end, id: a.id, color: a.color }));
    const blocks = article.blocks.length ? article.blocks : [{ kind: 'paragraph' as const, start: 0, end: article.body.length }];
    return html`<div class="toolbar" role="toolbar" aria-label=${msg('Công cụ đọc')} @keydown=${this.#onKey}>
        <button @click=${() => this.#emit('nr-back')} aria-label=${msg('Quay lại')}>←</button>
        <button ?disabled=${!this.neighbours.previous} aria-label=${msg('Bài trước')} title=${msg('Bài trước (k)')} aria-keyshortcuts="k" @click=${() => this.#emitStep(-1)}>‹</button>
        <button ?disabled=${!this.neighbours.next} aria-label=${msg('Bài sau')} title=${msg('Bài sau (j)')} aria-keyshortcuts="j" @click=${() => this.#emitStep(1)}>›</button>
        <button aria-keyshortcuts="s" @click=${() => this.#emit('nr-toggle-star')} aria-pressed=${article.starred ? 'true' : 'false'}>${article.starred ? msg('★ Bỏ sao') : msg('☆ Gắn sao', { desc: 'Button: star this article' })}</button>
        <button aria-keyshortcuts="m" @click=${() => this.#emit('nr-toggle-read')}>${article.read ? msg('Đánh dấu chưa đọc') : msg('Đánh dấu đã đọc')}</button>
        <button aria-keyshortcuts="e" @click=${() => this.#emit('nr-toggle-archive')}>${article.archived ? msg('Bỏ lưu trữ') : msg('Lưu trữ', { id: 'reader.archive', desc: 'Button: archive this article (the action, not the view)' })}</button>
        <button @click=${() => this.#emit(article.trashedAt ? 'nr-restore' : 'nr-trash')}>${article.trashedAt ? msg('Khôi phục') : msg('Xoá', { id: 'reader.trash', desc: 'Button: move this article to the trash' })}</button>
        <span class="spacer"></span>
        <span class="prefs-anchor">
          <button
            class="aa"
            aria-expanded=${this.prefsOpen ? 'true' : 'false'}
            aria-controls=${this.prefsOpen ? 'reader-prefs' : nothing}
            aria-label=${msg('Aa: kiểu chữ, cỡ chữ, độ rộng dòng')}
            @click=${() => (this.prefsOpen = !this.prefsOpen)}
          >
            Aa
          </button>
          ${this.prefsOpen
            ? html`<div id="reader-prefs" class="prefs-popover" role="dialog" aria-labelledby="reader-prefs-heading" @keydown=${this.#onPrefsKey}>
                <h2 id="reader-prefs-heading">${msg('Chữ khi đọc', { desc: 'Heading of the reader typography popover' })}</h2>
                <nr-reader-prefs .prefs=${this.prefs}></nr-reader-prefs>
              </div>`
            : nothing}
        </span>
        <button aria-pressed=${this.focusMode ? 'true' : 'false'} aria-keyshortcuts="f" title=${msg('Chỉ còn bài đang đọc (f)')} @click=${() => this.#emit('nr-toggle-focus')}>
          ${msg('Tập trung', { desc: 'Button: focus mode, hides everything but the article' })}
        </button>
        <button @click=${() => this.#emit('nr-toggle-annotations')} aria-pressed=${this.panelOpen ? 'true' : 'false'}>
          ${msg(str`Ghi chú (${this.annotations.length})`, { desc: 'Button showing the annotation panel, with the number of highlights' })}
        </button>
        ${this.marks.length
          ? html`<button @click=${() => this.step(-1)} aria-label=${msg('Kết quả trước')}>↑</button>
              <span class="counter" aria-live="polite">${this.current + 1} / ${this.marks.length}</span>
              <button @click=${() => this.step(1)} aria-label=${msg('Kết quả sau')}>↓</button>`
          : nothing}
      </div>
      <details class="article-details" @toggle=${(e: Event) => (this.detailsOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${msg('Tiêu đề, thẻ, bộ sưu tập')}${article.tags.length ? ` · ${article.tags.join(', ')}` : ''}${article.collection ? ` · ${article.collection}` : ''}</summary>
        ${this.detailsOpen ? html`<nr-article-details .article=${article} .collections=${this.collections}></nr-article-details>` : nothing}
      </details>
      <article lang=${article.language} @click=${this.#onArticleClick}>
        <h1>${markedText(article.title, 0, article.title.length, titleRanges, 0, this.current)}</h1>
        <div class="byline">
          ${[article.source, article.author, formatDate(article.publishedAt ?? article.importedAt), readingTime(article.readingMinutes)].filter(Boolean).join(' · ')}
        </div>
        ${blocks.map((block) => {
          const inside = bodyRanges.filter((r) => r.end > block.start && r.start < block.end);
          const drawn = highlights.filter((h) => h.end > block.start && h.start < block.end);
          const content = layeredText(article.body, block.start, block.end, inside, drawn, markIndex, this.current);
          markIndex += inside.length;
          // data-start/data-end say which slice of the body the element holds as text: the selection
          // toolbar maps DOM selections back to body offsets with them.
          switch (BLOCK_TAG[block.kind]) {
            case 'h2':
              return html`<h2 data-start=${block.start} data-end=${block.end}>${content}</h2>`;
            case 'blockquote':
              return html`<blockquote data-start=${block.start} data-end=${block.end}>${content}</blockquote>`;
            case 'li':
              return html`<ul><li data-start=${block.start} data-end=${block.end}>${content}</li></ul>`;
            case 'figcaption':
              return html`<figcaption data-start=${block.start} data-end=${block.end}>${content}</figcaption>`;
            default:
              return html`<p data-start=${block.start} data-end=${block.end}>${content}</p>`;
          }
        })}
      </article>
      ${this.selected
        ? html`<nr-selection-toolbar .labels=${this.labels} @nr-selection-action=${this.#onSelectionAction}></nr-selection-toolbar>`
        : nothing}`;
  }
}

customElements.define('nr-reader', NrReader);
