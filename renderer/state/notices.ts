import type { Annotation } from '../../contract/index.ts';
import { Observable } from './observable.ts';

/** A short confirmation. The state says what happened; nr-notices words it in the UI's language. */
export type Notice =
  | { kind: 'library-exported'; count: number; filename: string }
  | { kind: 'undone' }
  | { kind: 'quote-copied' }
  | { kind: 'annotation-not-in-article' }
  | { kind: 'label-renamed'; label: string }
  | { kind: 'source-removed'; title: string; trashed: number; kept: number };

/** A change the user can take back: the annotation as it was before it was deleted or edited, or an action that knows its own undo. */
export type UndoOffer =
  | { kind: 'note-saved' | 'recolored' | 'deleted'; annotation: Annotation }
  | { kind: 'sources-marked-read'; count: number; undo: () => Promise<void> };

/** What went wrong: a command that failed (a CommandFailure, or anything else thrown), or the clipboard. */
export type Failure = { kind: 'command'; error: unknown } | { kind: 'clipboard' };

/** How long a confirmation shows. */
export const NOTICE_MS = 5000;

/**
 * The app's messages: the last failure (until dismissed), and either a confirmation (cleared after a
 * few seconds) or an offer to undo (until dismissed or replaced).
 */
export class Notices extends Observable {
  failure: Failure | null = null;
  notice: Notice | null = null;
  undo: UndoOffer | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs a host command; a failure is shown and the result is undefined. */
  async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.fail({ kind: 'command', error });
      return undefined;
    }
  }

  fail(failure: Failure): void {
    this.failure = failure;
    this.changed();
  }

  /** The host's own words about the failure (English, technical), for a tooltip; '' when there are none. */
  get failureDetail(): string {
    const failure = this.failure;
    if (failure?.kind !== 'command') return '';
    return failure.error instanceof Error ? failure.error.message : String(failure.error);
  }

  say(notice: Notice): void {
    this.notice = notice;
    this.undo = null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismissNotice(), NOTICE_MS);
    this.changed();
  }

  offerUndo(offer: UndoOffer): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.undo = offer;
    this.changed();
  }

  dismissFailure(): void {
    this.failure = null;
    this.changed();
  }

  dismissNotice(): void {
    clearTimeout(this.#timer);
    this.notice = null;
    this.changed();
  }

  dismissUndo(): void {
    this.undo = null;
    this.changed();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
