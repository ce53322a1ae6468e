import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article } from '../../contract/index.ts';
import { emit } from '../events.ts';

/** The reading position is saved once scrolling has paused this long. */
const POSITION_SAVE_MS = 600;
/** An unread article counts as read after this long in view… */
export const READ_AFTER_MS = 10_000;
/** …or once scrolled to within this many pixels of its end. */
const END_SLACK_PX = 80;

/** The scrolling element that shows an article; search marks (`marks`) bring their own scrolling. */
type ReaderHost = ReactiveControllerHost & HTMLElement & { article: Article | null; marks: readonly unknown[] };

/**
 * Where the reader is in an article, and whether it has been read: the scroll position is restored
 * when an article opens and saved (`nr-reading-position`) when scrolling pauses, when another article
 * opens or when the page goes away; an unread article is marked read (`nr-mark-read`) after
 * READ_AFTER_MS in view or once scrolled to its end.
 */
export class ReadingProgressController implements ReactiveController {
  readonly #host: ReaderHost;
  /** The article shown at the last update, to tell another article from the same one come back. */
  #shown: Article | null = null;
  #arrived = false;
  #positionTimer: ReturnType<typeof setTimeout> | undefined;
  #pending: { id: string; position: number } | null = null;
  /** Where a restore put the scroll, so the scroll event it causes is not taken for the reader's own. */
  #restoredTop: number | null = null;
  #readTimer: ReturnType<typeof setTimeout> | undefined;
  /** The unread article this visit may still mark read once it has been read; null when there is none. */
  #readCandidate: string | null = null;

  constructor(host: ReaderHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('scroll', this.#onScroll, { passive: true });
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('pagehide', this.#flushPosition);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('scroll', this.#onScroll);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('pagehide', this.#flushPosition);
    this.#flushPosition();
    this.#stopReadWatch();
  }

  hostUpdate(): void {
    const previous = this.#shown;
    const article = this.#host.article;
    this.#shown = article;
    if (previous?.id !== article?.id) {
      // The position in the article being left is saved now, under its own id.
      this.#flushPosition();
      this.#stopReadWatch();
      this.#arrived = true;
    } else if (previous && article && previous.read !== article.read) {
      // Marked read or unread by hand (or by us): either way, no more marking read on this visit.
      this.#stopReadWatch();
    }
  }

  hostUpdated(): void {
    if (!this.#arrived) return;
    this.#arrived = false;
    this.#arrive();
  }

  /** A newly opened article: back to where the reader left it, and watch whether it gets read. */
  #arrive(): void {
    const host = this.#host;
    const article = host.article;
    this.#restoredTop = null;
    if (!article) return;
    if (!host.marks.length) {
      this.#restore(article.readingPosition);
      // Web fonts arriving late change the height; restore again unless the reader has moved meanwhile.
      if (article.readingPosition > 0) {
        void document.fonts.ready.then(() => {
          if (host.article?.id === article.id && this.#restoredTop !== null && Math.abs(host.scrollTop - this.#restoredTop) < 2) {
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
    const host = this.#host;
    const range = host.scrollHeight - host.clientHeight;
    host.scrollTop = range > 0 ? Math.round(position * range) : 0;
    this.#restoredTop = host.scrollTop;
  }

  #onScroll = (): void => {
    const host = this.#host;
    const article = host.article;
    if (!article) return;
    if (this.#restoredTop !== null && Math.abs(host.scrollTop - this.#restoredTop) < 2) return;
    this.#restoredTop = null;
    const range = host.scrollHeight - host.clientHeight;
    if (range <= 0) return;
    const position = Math.min(1, Math.max(0, Math.round((host.scrollTop / range) * 10_000) / 10_000));
    this.#pending = { id: article.id, position };
    clearTimeout(this.#positionTimer);
    this.#positionTimer = setTimeout(this.#flushPosition, POSITION_SAVE_MS);
    if (host.scrollTop + host.clientHeight >= host.scrollHeight - END_SLACK_PX) this.#markRead();
  };

  #flushPosition = (): void => {
    clearTimeout(this.#positionTimer);
    const pending = this.#pending;
    this.#pending = null;
    if (pending) emit(this.#host, 'nr-reading-position', pending);
  };

  #inView(): boolean {
    const host = this.#host;
    return document.visibilityState === 'visible' && host.isConnected && host.clientHeight > 0 && host.checkVisibility();
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
    if (!id || this.#host.article?.id !== id) return;
    this.#stopReadWatch();
    emit(this.#host, 'nr-mark-read', id);
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#watchReading();
    else clearTimeout(this.#readTimer);
  };
}
