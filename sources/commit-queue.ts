// Refreshed items are written to the library a batch at a time, shared by every source refreshing at
// once: one transaction and one `library.changed` per batch instead of one per article. Twenty
// sources bringing an item each no longer make every open window re-list the library twenty times,
// and the core answers the reader's commands between two batches (each one kept short), since a
// batch waits for company (at most COMMIT_DELAY_MS, and not at all once no other item is under way)
// and then for a turn of the event loop before it is written. A batch is also cut short once its
// writes have taken COMMIT_BATCH_MS: the rest go in the next batch, a turn later, so a reader's command
// never waits behind a long transaction on a loaded machine (25 articles with their photos took
// ~100 ms of the core's thread at load 15).

/** One item's writes, run inside the batch (under its own savepoint when the writer has batches). */
export type ItemWrite<R> = () => R;

/** The library's `importBatch`: `each` runs one article's writes under a savepoint (all stay, or none). */
export type BatchRunner = <T>(work: (each: <R>(write: () => R) => R) => T) => T;

export interface CommitQueueOptions {
  /** Writes in one transaction at most; more wait for the next batch, a turn of the event loop later. */
  maxItems?: number;
  /** How long the first write of a batch waits for others before the batch is written. */
  delayMs?: number;
  /** Once a batch's writes have taken this long, it commits what it has; the rest go a turn later. */
  budgetMs?: number;
  /** The clock the budget is read on (a test's). */
  now?: () => number;
}

/** Items per batch: a short write, so a command queued behind it is not kept waiting long. */
export const COMMIT_BATCH_ITEMS = 25;
/** A new item waits at most this long for others to join its batch (and to appear in the UI). */
export const COMMIT_DELAY_MS = 1000;
/** The writes of one batch stop taking items after this long: the core's thread is held at most about this. */
export const COMMIT_BATCH_MS = 20;

interface Job {
  write: ItemWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class CommitQueue {
  readonly #batch: BatchRunner | null;
  readonly #maxItems: number;
  readonly #delayMs: number;
  readonly #budgetMs: number;
  readonly #now: () => number;
  readonly #jobs: Job[] = [];
  /** Items being prepared (page, photos) that will come with a write or be given up. */
  #underWay = 0;
  #timer: NodeJS.Timeout | null = null;
  #immediate = false;

  /** `batch` null: no transactions of its own (a test's writer), each write commits as it runs. */
  constructor(batch: BatchRunner | null, options: CommitQueueOptions = {}) {
    this.#batch = batch;
    this.#maxItems = Math.max(1, options.maxItems ?? COMMIT_BATCH_ITEMS);
    this.#delayMs = options.delayMs ?? COMMIT_DELAY_MS;
    this.#budgetMs = options.budgetMs ?? COMMIT_BATCH_MS;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Writes waiting for their batch. */
  get pending(): number {
    return this.#jobs.length;
  }

  /**
   * Resolves with `write`'s result once its batch is committed; rejects with its own error (the rest
   * of the batch stays) or with the batch's (a full disk: nothing of the batch was written).
   */
  add<R>(write: ItemWrite<R>): Promise<R> {
    if (this.#underWay > 0) this.#underWay--;
    return new Promise<R>((resolve, reject) => {
      this.#jobs.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** An item is being prepared: a batch may wait (a moment) for its write. `add` or `skip` ends it. */
  expect(): void {
    this.#underWay++;
  }

  /** An item expected will not come (unchanged, cancelled, failed): the batch need not wait for it. */
  skip(): void {
    if (this.#underWay > 0) this.#underWay--;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#jobs.length === 0 || this.#immediate) return;
    // Nothing else can join (or the batch is full): written on the next turn, else after the delay.
    const ready = this.#underWay === 0 || this.#jobs.length >= this.#maxItems || this.#delayMs <= 0;
    if (!ready) {
      this.#timer ??= setTimeout(() => this.#writeNextTurn(), this.#delayMs);
      return;
    }
    this.#writeNextTurn();
  }

  #writeNextTurn(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#immediate) return;
    this.#immediate = true;
    // setImmediate: messages already queued (the reader's commands) are handled before the batch.
    setImmediate(() => {
      this.#immediate = false;
      const cut = this.#flush();
      // A backlog (or a batch cut short by its budget) goes on, one short batch per turn, the commands in between first.
      if (cut || this.#jobs.length >= this.#maxItems) this.#writeNextTurn();
      else this.#schedule();
    });
  }

  /** Writes the next batch; true when its budget ran out before its last item (those wait at the queue's head). */
  #flush(): boolean {
    const jobs = this.#jobs.splice(0, this.#maxItems);
    if (jobs.length === 0) return false;
    // Settled only once the batch is committed: a write that ran but was rolled back never resolves.
    const settle: (() => void)[] = [];
    const started = this.#now();
    let taken = 0;
    const writeAll = (each: <R>(write: () => R) => R): void => {
      for (const job of jobs) {
        // At least one item per batch, however slow, so the queue always moves.
        if (taken > 0 && this.#now() - started >= this.#budgetMs) break;
        taken++;
        try {
          const value = each(job.write);
          settle.push(() => job.resolve(value));
        } catch (error) {
          settle.push(() => job.reject(error));
        }
      }
    };
    try {
      if (this.#batch) this.#batch(writeAll);
      else writeAll((write) => write());
    } catch (error) {
      // The batch as a whole failed (SQLite rolled it back): none of its writes stayed, and those it
      // had not reached fail with it, as before (a full disk fails the refresh).
      for (const job of jobs) job.reject(error);
      return false;
    }
    const left = jobs.slice(taken);
    this.#jobs.unshift(...left);
    for (const done of settle) done();
    return left.length > 0;
  }
}
