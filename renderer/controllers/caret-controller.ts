import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../../contract/index.ts';
import { extendSelection, moveSelection, unitSpans, type CaretSelection, type CaretUnit } from '../caret-movement.ts';
import type { TextRange } from '../marked-text.ts';
import { domPoint } from '../selection-offsets.ts';

/** The scrolling reader: its article's body in `article [data-start]` blocks, a sticky `.toolbar` on top. */
type ReaderHost = ReactiveControllerHost & HTMLElement & { article: Article | null; renderRoot: HTMLElement | DocumentFragment };

interface CaretKey {
  unit: CaretUnit;
  direction: 1 | -1;
  /** Shift with the arrows, or the capital W and B. */
  extend: boolean;
}

/**
 * The caret-mode keys. Arrows: ← → by word, ↑ ↓ by sentence, Ctrl+↑ ↓ by paragraph, Shift extends.
 * Letters for those who prefer them: w b (W B extend) by word, ( ) by sentence, { } by paragraph;
 * `v` makes the letters extend until pressed again.
 */
function caretKey(event: KeyboardEvent): CaretKey | null {
  const extend = event.shiftKey;
  switch (event.key) {
    case 'ArrowRight':
      return { unit: 'word', direction: 1, extend };
    case 'ArrowLeft':
      return { unit: 'word', direction: -1, extend };
    case 'ArrowDown':
      return { unit: event.ctrlKey || event.metaKey ? 'paragraph' : 'sentence', direction: 1, extend };
    case 'ArrowUp':
      return { unit: event.ctrlKey || event.metaKey ? 'paragraph' : 'sentence', direction: -1, extend };
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'w':
    case 'W':
      return { unit: 'word', direction: 1, extend: event.key === 'W' };
    case 'b':
    case 'B':
      return { unit: 'word', direction: -1, extend: event.key === 'B' };
    case ')':
      return { unit: 'sentence', direction: 1, extend: false };
    case '(':
      return { unit: 'sentence', direction: -1, extend: false };
    case '}':
      return { unit: 'paragraph', direction: 1, extend: false };
    case '{':
      return { unit: 'paragraph', direction: -1, extend: false };
    default:
      return null;
  }
}

/**
 * Caret mode: selecting article text without a mouse. `c` (KeyboardController) starts it on the
 * first word of the first paragraph in view; keys on the reader move or extend the selection, which
 * is drawn as the document's selection, so the selection toolbar and `h` / `n` act on it as on a
 * mouse selection. Esc, another article, or focus leaving the reader ends it.
 */
export class CaretController implements ReactiveController {
  /** Whether caret mode is on (the reader shows its key hint). */
  active = false;
  /** Whether the letter keys extend the selection (`v`). */
  extending = false;
  readonly #host: ReaderHost;
  #selection: CaretSelection | null = null;
  #articleId: string | undefined;
  #spans = new Map<CaretUnit, TextRange[]>();

  constructor(host: ReaderHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey);
    this.#host.addEventListener('focusout', this.#onFocusOut);
    this.#host.addEventListener('pointerdown', this.#onPointerDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey);
    this.#host.removeEventListener('focusout', this.#onFocusOut);
    this.#host.removeEventListener('pointerdown', this.#onPointerDown);
  }

  hostUpdate(): void {
    const id = this.#host.article?.id;
    if (id === this.#articleId) return;
    this.#articleId = id;
    this.#spans.clear();
    if (this.active) this.stop();
  }

  /** Starts caret mode on the first word in view; false when no article is open. */
  start(): boolean {
    const article = this.#host.article;
    if (!article) return false;
    const from = this.#firstVisibleOffset();
    this.active = true;
    this.extending = false;
    this.#selection = moveSelection({ anchor: from, focus: from }, this.#unit('word'), 1);
    this.#host.focus({ preventScroll: true });
    this.#draw();
    this.#host.requestUpdate();
    return true;
  }

  /** Ends caret mode and drops its selection. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.extending = false;
    this.#selection = null;
    document.getSelection()?.removeAllRanges();
    this.#host.requestUpdate();
  }

  /** The selection was highlighted: the caret waits after it, with nothing selected. */
  annotated(): void {
    if (!this.active || !this.#selection) return;
    const end = Math.max(this.#selection.anchor, this.#selection.focus);
    this.#selection = { anchor: end, focus: end };
  }

  #unit(unit: CaretUnit): TextRange[] {
    let spans = this.#spans.get(unit);
    if (!spans) {
      const article = this.#host.article!;
      const blocks = article.blocks.length ? article.blocks : [{ start: 0, end: article.body.length }];
      spans = unitSpans(article.body, blocks, unit);
      this.#spans.set(unit, spans);
    }
    return spans;
  }

  #blocks(): NodeListOf<HTMLElement> {
    return this.#host.renderRoot.querySelectorAll<HTMLElement>('article [data-start]');
  }

  /** The start of the first block whose text shows below the sticky toolbar. */
  #firstVisibleOffset(): number {
    const host = this.#host;
    const top = host.getBoundingClientRect().top + (host.renderRoot.querySelector<HTMLElement>('.toolbar')?.offsetHeight ?? 0);
    for (const block of this.#blocks()) {
      if (block.getBoundingClientRect().bottom > top) return Number(block.dataset.start);
    }
    return 0;
  }

  /** Draws the selection as the document's selection and keeps its moving end in view. */
  #draw(): void {
    const selection = this.#selection;
    if (!selection) return;
    const blocks = [...this.#blocks()];
    const anchor = domPoint(blocks, selection.anchor);
    const focus = domPoint(blocks, selection.focus);
    if (!anchor || !focus) return;
    document.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
    const caret = document.createRange();
    caret.setStart(focus.node, focus.offset);
    const rect = caret.getBoundingClientRect();
    const host = this.#host;
    const box = host.getBoundingClientRect();
    const margin = 24;
    const top = box.top + (host.renderRoot.querySelector<HTMLElement>('.toolbar')?.offsetHeight ?? 0) + margin;
    if (rect.top < top) host.scrollTop -= top - rect.top;
    else if (rect.bottom > box.bottom - margin) host.scrollTop += rect.bottom - box.bottom + margin;
  }

  #onKey = (event: KeyboardEvent): void => {
    // Only keys on the reader itself: its toolbar's buttons and fields keep theirs.
    if (!this.active || !this.#selection || event.composedPath()[0] !== this.#host) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.stop();
      return;
    }
    if (event.key === 'v' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      this.extending = !this.extending;
      this.#host.requestUpdate();
      return;
    }
    const key = caretKey(event);
    if (!key) return;
    event.preventDefault();
    event.stopPropagation();
    const spans = this.#unit(key.unit);
    const letter = event.key.length === 1;
    this.#selection =
      key.extend || (letter && this.extending) ? extendSelection(this.#selection, spans, key.direction) : moveSelection(this.#selection, spans, key.direction);
    this.#draw();
  };

  // The mouse takes over: its selection is the user's now (the toolbar's buttons act on the caret's).
  #onPointerDown = (event: PointerEvent): void => {
    if (!this.active || event.composedPath().some((target) => target instanceof HTMLElement && target.localName === 'nr-selection-toolbar')) return;
    this.active = false;
    this.extending = false;
    this.#selection = null;
    this.#host.requestUpdate();
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (next instanceof Node && (next === this.#host || this.#host.shadowRoot?.contains(next))) return;
    this.stop();
  };
}
