import type { ReactiveControllerHost } from 'lit';
import type { SearchHit } from '../../contract/index.ts';
import type { OpenAnnotation } from '../events.ts';
import type { AppState } from '../state/app-state.ts';

/** The app shell: it renders one <nr-list-pane> and one <nr-reader>. */
type ShellHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Moving between the list and the reader where the DOM is involved: stepping through the list with
 * focus following the row, bringing the reader forward and giving it the keyboard, scrolling to an
 * annotation, focus mode (everything but the article hidden; `focusMode`).
 */
export class NavigationController {
  focusMode = false;
  readonly #host: ShellHost;
  readonly #state: AppState;

  constructor(host: ShellHost, state: AppState) {
    this.#host = host;
    this.#state = state;
  }

  reader() {
    return this.#host.renderRoot.querySelector('nr-reader');
  }

  /** Scrolls the reader to an annotation's highlight; an orphan has nowhere to scroll to, which is said. */
  async reveal(id: string): Promise<void> {
    this.#state.annotations.activate(id);
    await this.#host.updateComplete;
    const reader = this.reader();
    await reader?.updateComplete;
    if (reader && !reader.reveal(id)) this.#state.notices.say({ kind: 'annotation-not-in-article' });
  }

  /** A search hit found only through a note opens at that note. */
  async openHit(hit: SearchHit): Promise<void> {
    const annotationId = await this.#state.openHit(hit);
    if (annotationId) await this.reveal(annotationId);
  }

  async openAnnotation(target: OpenAnnotation): Promise<void> {
    if (await this.#state.openAnnotation(target)) await this.reveal(target.id);
  }

  async #revealRow(id: string, focus: boolean): Promise<void> {
    await this.#host.updateComplete;
    await this.#host.renderRoot.querySelector('nr-list-pane')?.revealRow(id, focus);
  }

  /** Opens the next (1) or previous (-1) article of the list; `focusRow` moves keyboard focus to its row. */
  async step(delta: 1 | -1, focusRow: boolean): Promise<void> {
    const id = await this.#state.step(delta);
    if (id) await this.#revealRow(id, focusRow);
  }

  /** o / Enter: the article whose row has focus, else the open one in the reader, else the first. */
  openCurrent(rowId: string | undefined): void {
    const open = this.#state.reading.article;
    if (rowId && rowId !== open?.id) void this.#state.openRow(rowId).then(() => this.showReader());
    else if (open) void this.showReader();
    else void this.step(1, false).then(() => this.showReader());
  }

  /** Brings the reader forward (one-pane layout) and gives it the keyboard, for scrolling. */
  async showReader(): Promise<void> {
    if (!this.#state.reading.article) return;
    this.#state.showPane('reader');
    await this.#host.updateComplete;
    this.reader()?.focusArticle();
  }

  /** Skip links: keyboard focus straight to the list (the open article's row) or to the article. */
  async skipTo(event: Event, target: 'list' | 'reader'): Promise<void> {
    event.preventDefault();
    const open = this.#state.reading.article !== null;
    if (target === 'reader') {
      if (open) await this.showReader();
      else this.reader()?.focusArticle();
    } else if (open) await this.backToList();
    else {
      // No article open: the first row of the list (or the first control of what the pane shows).
      const first = this.#state.search.active ? undefined : this.#state.library.items[0];
      if (first) await this.#revealRow(first.id, true);
      else this.#host.renderRoot.querySelector('nr-list-pane')?.shadowRoot?.querySelector<HTMLElement>('button, select, [tabindex]')?.focus();
    }
  }

  /** Back from the reader to the list (one-pane layout), with focus on the open article's row. */
  async backToList(): Promise<void> {
    this.#setFocusMode(false);
    this.#state.showPane('list');
    const article = this.#state.reading.article;
    if (article) await this.#revealRow(article.id, true);
  }

  /** Focus mode on or off; false when there is no article to focus on. */
  toggleFocusMode(): boolean {
    if (!this.#state.reading.article) return false;
    this.#setFocusMode(!this.focusMode);
    if (this.focusMode) void this.showReader();
    return true;
  }

  /** Escape: out of focus mode; false when it was not on. */
  leaveFocusMode(): boolean {
    if (!this.focusMode) return false;
    this.#setFocusMode(false);
    return true;
  }

  #setFocusMode(on: boolean): void {
    this.focusMode = on;
    this.#host.requestUpdate();
  }
}
