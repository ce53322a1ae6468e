// Retention of subscribed sources' items: what a source's (or its folder's) setting has expired moves
// to the trash, never deleted, after each refresh, on demand, and on a timer while a host stays up
// (sources paused or rarely refreshed still expire their old items).
import type { RetentionResult } from '../contract/sources.ts';
import type { Library, SourceStore } from '../library/index.ts';

/** How often the background pass runs over every source, by default. */
export const RETENTION_EVERY_MS = 60 * 60 * 1000;

export class SourceRetention {
  readonly #store: () => SourceStore;
  readonly #library: () => Library;
  #timer: NodeJS.Timeout | null = null;

  /** Both read at call time: moving the library swaps the database. */
  constructor(store: () => SourceStore, library: () => Library) {
    this.#store = store;
    this.#library = library;
  }

  /**
   * Moves what retention has expired to the trash: of one source, or of all. What the reader
   * starred, archived, tagged, annotated or filed in a collection is never expired.
   */
  apply(sourceId: string | null): RetentionResult {
    const store = this.#store();
    const now = new Date().toISOString();
    const expired = store.expired(sourceId, now);
    if (expired.length === 0) return { trashed: 0, bySource: [] };
    const ids = [...new Set(expired.map((entry) => entry.id))];
    // Trashed first, then marked: should anything stop in between, the next pass marks them.
    const trashed = this.#library().trash(ids);
    store.markExpired(ids, now);
    const counts = new Map<string, number>();
    for (const entry of expired) counts.set(entry.sourceId, (counts.get(entry.sourceId) ?? 0) + 1);
    const bySource = [...counts].map(([id, count]) => ({ id, title: store.get(id)?.title ?? id, trashed: count }));
    return { trashed, bySource };
  }

  /** The background pass over every source, every `everyMs`; a failure is told to `onError`, and the next pass runs. */
  start(everyMs: number, onError?: (error: unknown) => void): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      try {
        this.apply(null);
      } catch (error) {
        onError?.(error);
      }
    }, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
