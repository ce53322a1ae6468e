import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../../contract/index.ts';
import type { TextRange } from '../events.ts';
import { bodyOffsets, selectionRangeIn } from '../selection-offsets.ts';

/** Where a selection sits, in the host's scrolled content coordinates, for placing the toolbar. */
interface SelectionBox {
  top: number;
  bottom: number;
  center: number;
}

const WHITESPACE = /\s/u;

/** The scrolling reader: its article's body in `article [data-start]` blocks, a sticky `.toolbar` on top. */
type ReaderHost = ReactiveControllerHost & HTMLElement & { article: Article | null; renderRoot: HTMLElement | DocumentFragment };

/**
 * The selection in the reader's article as body offsets (`selected`), for the floating
 * <nr-selection-toolbar> the host renders while there is one; the controller places the toolbar
 * above the selection (below when there is no room), once the mouse has been released.
 */
export class SelectionToolbarController implements ReactiveController {
  /** The body range under the user's selection while the toolbar shows. */
  selected: TextRange | null = null;
  readonly #host: ReaderHost;
  #box: SelectionBox | null = null;
  #articleId: string | undefined;
  #pointerDown = false;
  #syncTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReaderHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#onSelectionChange);
    window.addEventListener('pointerup', this.#onPointerUp);
    this.#host.addEventListener('pointerdown', this.#onPointerDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    window.removeEventListener('pointerup', this.#onPointerUp);
    this.#host.removeEventListener('pointerdown', this.#onPointerDown);
    clearTimeout(this.#syncTimer);
  }

  hostUpdate(): void {
    const id = this.#host.article?.id;
    if (id === this.#articleId) return;
    // Another article: whatever was selected is gone with the old one.
    this.#articleId = id;
    this.selected = null;
    this.#box = null;
  }

  hostUpdated(): void {
    this.#place();
  }

  /** The selection in the body, trimmed of the spaces a double-click or a sloppy drag takes along. */
  selectedRange(): { offsets: TextRange; range: Range } | null {
    const root = this.#host.shadowRoot;
    const body = this.#host.article?.body;
    if (!root || body === undefined) return null;
    const range = selectionRangeIn(root);
    if (!range) return null;
    const offsets = bodyOffsets(range, root.querySelectorAll<HTMLElement>('article [data-start]'));
    if (!offsets) return null;
    let { start, end } = offsets;
    while (start < end && WHITESPACE.test(body[start]!)) start++;
    while (end > start && WHITESPACE.test(body[end - 1]!)) end--;
    return end > start ? { offsets: { start, end }, range } : null;
  }

  /** Collapses the selection and hides the toolbar. */
  clear(): void {
    document.getSelection()?.removeAllRanges();
    this.#set(null);
  }

  #set(selected: TextRange | null): void {
    this.selected = selected;
    if (!selected) this.#box = null;
    this.#host.requestUpdate();
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
    this.#syncTimer = setTimeout(() => this.#sync(), 0);
  }

  #sync(): void {
    const selection = this.selectedRange();
    if (!selection) {
      if (this.selected || this.#box) this.#set(null);
      return;
    }
    const host = this.#host;
    const bounds = host.getBoundingClientRect();
    const box = selection.range.getBoundingClientRect();
    this.#box = {
      top: box.top - bounds.top + host.scrollTop,
      bottom: box.bottom - bounds.top + host.scrollTop,
      center: box.left + box.width / 2 - bounds.left + host.scrollLeft,
    };
    const previous = this.selected;
    if (previous?.start !== selection.offsets.start || previous.end !== selection.offsets.end) this.#set(selection.offsets);
    else this.#place();
  }

  #place(): void {
    const toolbar = this.#host.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('nr-selection-toolbar');
    // Its size is known only once it has rendered its buttons, still before the next paint.
    if (toolbar) void toolbar.updateComplete.then(() => this.#position(toolbar));
  }

  #position(toolbar: HTMLElement): void {
    const box = this.#box;
    const host = this.#host;
    if (!box || !toolbar.isConnected) return;
    const gap = 8;
    const stickyBar = host.renderRoot.querySelector<HTMLElement>('.toolbar')?.offsetHeight ?? 0;
    const visibleTop = host.scrollTop + stickyBar + gap;
    const visibleBottom = host.scrollTop + host.clientHeight - toolbar.offsetHeight - gap;
    // Above the selection when there is room, else below it, and never out of sight.
    let top = box.top - toolbar.offsetHeight - gap;
    if (top < visibleTop) top = box.bottom + gap;
    top = Math.max(visibleTop, Math.min(top, visibleBottom));
    const left = Math.max(gap, Math.min(box.center - toolbar.offsetWidth / 2, host.clientWidth - toolbar.offsetWidth - gap));
    toolbar.style.top = `${top}px`;
    toolbar.style.left = `${left}px`;
  }
}
