// The archive's background sync in the long-running hosts (serve, the desktop core): push about a
// second after the outbox grows, pull when the archive NOTIFYs (live updates) and every few minutes,
// and after a failure try again later and later (5 s, 10 s, … up to 5 minutes) until it works.
import type { ArchiveListener } from '../archive/archive-listen.ts';

export interface BackgroundTimings {
  /** Pull this often even without a NOTIFY. */
  pullEveryMs: number;
  /** Wait this long after a local change before pushing, so a burst of edits goes in one push. */
  pushDelayMs: number;
  /** First and longest wait before trying an unreachable archive again. */
  retryMinMs: number;
  retryMaxMs: number;
}

/** What the background loop drives: the service's one-at-a-time sync and its listener. */
export interface BackgroundTarget {
  linked(): boolean;
  pending(): number;
  /** Rejects when the archive could not be used (the service has recorded the problem). */
  sync(push: boolean, pull: boolean): Promise<unknown>;
  /** Starts LISTEN on the linked archive; null when unlinked meanwhile. */
  listen(onChange: () => void): Promise<ArchiveListener | null>;
}

export class ArchiveBackgroundSync {
  readonly #target: BackgroundTarget;
  readonly #timings: BackgroundTimings;
  #listener: ArchiveListener | null = null;
  #pushTimer: NodeJS.Timeout | null = null;
  #pullTimer: NodeJS.Timeout | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryDelay: number;
  #pullWanted = false;
  #running = false;

  constructor(target: BackgroundTarget, timings: BackgroundTimings) {
    this.#target = target;
    this.#timings = timings;
    this.#retryDelay = timings.retryMinMs;
  }

  get live(): boolean {
    return this.#listener?.live ?? false;
  }

  /** Live updates, the periodic pull, and a first push and pull now. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#startListener();
    this.#pullTimer = setInterval(() => {
      if (!this.#retryTimer) this.#run(this.#target.pending() > 0, true);
    }, this.#timings.pullEveryMs);
    this.#pullTimer.unref();
    this.#run(true, true);
  }

  /** The outbox may have grown: push soon, unless a push is due already or the archive is being retried. */
  localChange(): void {
    if (!this.#running || this.#pushTimer || this.#retryTimer || this.#target.pending() === 0) return;
    this.#pushTimer = setTimeout(() => {
      this.#pushTimer = null;
      this.#run(true, false);
    }, this.#timings.pushDelayMs);
    this.#pushTimer.unref();
  }

  async #startListener(): Promise<void> {
    const listener = await this.#target.listen(() => this.#wantPull());
    if (!listener) return;
    if (!this.#running || this.#listener) {
      await listener.close();
      return;
    }
    this.#listener = listener;
  }

  #wantPull(): void {
    if (this.#pullWanted) return;
    this.#pullWanted = true;
    // Several NOTIFYs of one push arrive together: one pull takes them all.
    setTimeout(() => {
      this.#pullWanted = false;
      if (!this.#retryTimer) this.#run(false, true);
    }, 100).unref();
  }

  #run(push: boolean, pull: boolean): void {
    if (!this.#running || !this.#target.linked()) return;
    this.#target.sync(push, pull).then(
      () => {
        this.#retryDelay = this.#timings.retryMinMs;
      },
      () => {
        if (!this.#running || !this.#target.linked() || this.#retryTimer) return;
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          this.#run(true, true);
        }, this.#retryDelay);
        this.#retryTimer.unref();
        this.#retryDelay = Math.min(this.#retryDelay * 2, this.#timings.retryMaxMs);
      },
    );
  }

  /** Stops every timer and live updates; a sync already running finishes on its own. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const timer of [this.#pushTimer, this.#retryTimer]) if (timer) clearTimeout(timer);
    if (this.#pullTimer) clearInterval(this.#pullTimer);
    this.#pushTimer = this.#retryTimer = this.#pullTimer = null;
    this.#retryDelay = this.#timings.retryMinMs;
    const listener = this.#listener;
    this.#listener = null;
    await listener?.close();
  }
}
