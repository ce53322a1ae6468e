// The bookkeeping of one import batch (Library.importBatch): a savepoint per article inside the
// batch's transaction, and the changes to announce once the batch is committed.
import type { DatabaseSync } from 'node:sqlite';

export class ImportBatch {
  readonly changed: string[] = [];
  readonly removed: string[] = [];
  /** A write in the batch is not a re-importable new article (edited text, restored state, annotations). */
  durable = false;
  readonly #db: DatabaseSync;
  #lost: unknown = null;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  record(changed: readonly string[], removed: readonly string[], durable: boolean): void {
    if (durable && (changed.length || removed.length)) this.durable = true;
    this.changed.push(...changed);
    this.removed.push(...removed);
  }

  /** One article's writes: all of them stay, or (when `write` throws) none, and the error is rethrown. */
  each<R>(write: () => R): R {
    // Once SQLite has rolled the transaction back, a savepoint would open a new one and commit later articles alone.
    if (this.#lost !== null) throw this.#lost;
    const changedBefore = this.changed.length;
    const removedBefore = this.removed.length;
    this.#db.exec('SAVEPOINT import_article');
    try {
      const result = write();
      this.#db.exec('RELEASE import_article');
      return result;
    } catch (error) {
      this.changed.length = changedBefore;
      this.removed.length = removedBefore;
      if (this.#db.isTransaction) {
        this.#db.exec('ROLLBACK TO import_article');
        this.#db.exec('RELEASE import_article');
      } else this.#lost = error;
      throw error;
    }
  }

  /** The batch cannot be committed: SQLite rolled its transaction back while an article was written. */
  throwIfLost(): void {
    if (this.#lost !== null) throw this.#lost;
  }
}
