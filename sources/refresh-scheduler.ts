// Refreshes due sources while a host runs (serve, the desktop app's core). It wakes every so often,
// asks the store which sources are due, and starts those not already refreshing; the HostLimiter
// inside each refresh keeps the requests polite however many are due at once.
import type { SourceRecord } from '../library/source-store.ts';

export const DEFAULT_TICK_MS = 30_000;
/** Sources started per wake-up; the rest are due on the next one. */
const BATCH = 50;

export interface SchedulerDependencies {
  due(now: string, limit: number): SourceRecord[];
  refresh(source: SourceRecord, signal: AbortSignal): Promise<unknown>;
  tickMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export class RefreshScheduler {
  readonly #deps: SchedulerDependencies;
  readonly #running = new Map<string, Promise<unknown>>();
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: SchedulerDependencies) {
    this.#deps = deps;
  }

  start(): void {
    if (this.#timer || this.#stop.signal.aborted) return;
    this.#timer = setInterval(() => this.tick(), this.#deps.tickMs ?? DEFAULT_TICK_MS);
    // A running refresh keeps the process alive; the clock alone does not.
    this.#timer.unref();
    this.tick();
  }

  /** Starts every due source that is not refreshing yet; returns how many it started. */
  tick(): number {
    if (this.#stop.signal.aborted) return 0;
    let due: SourceRecord[];
    try {
      due = this.#deps.due(new Date((this.#deps.now ?? Date.now)()).toISOString(), BATCH + this.#running.size);
    } catch (error) {
      this.#deps.onError?.(error);
      return 0;
    }
    let started = 0;
    for (const source of due) {
      if (this.#running.has(source.id)) continue;
      const run = this.#deps
        .refresh(source, this.#stop.signal)
        .catch((error: unknown) => this.#deps.onError?.(error))
        .finally(() => this.#running.delete(source.id));
      this.#running.set(source.id, run);
      started++;
    }
    return started;
  }

  /** Whether a source is being refreshed right now (a manual refresh then waits for it instead). */
  running(id: string): Promise<unknown> | null {
    return this.#running.get(id) ?? null;
  }

  /** Stops the clock and cancels running refreshes at their next item; nothing half-written stays. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#stop.abort(new Error('the host is shutting down'));
    await Promise.allSettled([...this.#running.values()]);
  }
}
