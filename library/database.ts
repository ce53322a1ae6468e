import { DatabaseSync } from 'node:sqlite';

/** Opens the library database with the durability settings every connection must have. */
export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA foreign_keys = ON;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
  `);
  return db;
}

/**
 * Runs `work` in one IMMEDIATE transaction: either all of it is committed or none of it.
 * Nested calls join the outer transaction, so a multi-step operation stays atomic.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // After SQLITE_FULL (and some I/O errors) SQLite has already rolled back; a second ROLLBACK would
    // throw "no transaction is active" and hide the real error.
    if (db.isTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The original error is the one worth reporting.
      }
    }
    throw error;
  }
}

