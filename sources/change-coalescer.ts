// `sources.changed` while many sources refresh: each one starting and ending would be an event, and
// every open window re-lists its sidebar on each. Refresh news is gathered for a moment and told
// once, naming every source it concerns; what the reader did (rename, pause, remove) is told at once,
// with whatever was waiting.

/** How long refresh news waits for more before it is told. */
export const SOURCE_CHANGE_DELAY_MS = 250;

export class ChangeCoalescer {
  readonly #emit: (ids: string[]) => void;
  readonly #delayMs: number;
  readonly #waiting = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(emit: (ids: string[]) => void, delayMs = SOURCE_CHANGE_DELAY_MS) {
    this.#emit = emit;
    this.#delayMs = delayMs;
  }

  /** Told with the next batch, at most `delayMs` from now. */
  later(ids: readonly string[]): void {
    for (const id of ids) this.#waiting.add(id);
    if (this.#timer || this.#waiting.size === 0) return;
    this.#timer = setTimeout(() => this.flush(), this.#delayMs);
    // Waiting news never keeps a process alive.
    this.#timer.unref();
  }

  /** Told now, together with what was waiting. */
  now(ids: readonly string[]): void {
    for (const id of ids) this.#waiting.add(id);
    this.flush();
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#waiting.size === 0) return;
    const ids = [...this.#waiting];
    this.#waiting.clear();
    this.#emit(ids);
  }
}
