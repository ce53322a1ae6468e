// Bulk actions over many articles: one transaction each, with an undo journal that records every
// changed article's previous value, so undo puts back exactly what was there.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ListQuery } from '../contract/article.ts';
import type { BulkAction, BulkActionKind, BulkResult, BulkUndone } from '../contract/bulk.ts';
import { whereClause } from './list-query.ts';
import { PreparedStatements } from './prepared-statements.ts';

/** Part of schema step 5 (with the saved searches): the undo journal of bulk actions. */
export const BULK_UNDO_SCHEMA_SQL = `
  CREATE TABLE bulk_undo (
    token TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    detail TEXT,
    created_at TEXT NOT NULL
  );
  -- previous: the article's value before the action, as JSON (a flag, a collection, a trash time, or
  -- for tags whether it had the tag). No foreign key: an article deleted for good is skipped at undo.
  CREATE TABLE bulk_undo_items (
    token TEXT NOT NULL REFERENCES bulk_undo(token) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    previous TEXT NOT NULL,
    PRIMARY KEY (token, article_id)
  ) WITHOUT ROWID;
`;

/** Undo tokens kept; older ones are forgotten when a new action is recorded. */
export const KEPT_UNDO_ACTIONS = 20;

export class UndoExpiredError extends Error {}

/** A committed write as the library runs it: the work returns what changed, listeners hear after the commit. */
export type LibraryWrite = <T>(work: () => { result: T; changed: string[] }) => T;

type Flag = 'read' | 'starred' | 'archived';
const FLAGS: Partial<Record<BulkActionKind, [Flag, 0 | 1]>> = {
  markRead: ['read', 1],
  markUnread: ['read', 0],
  star: ['starred', 1],
  unstar: ['starred', 0],
  archive: ['archived', 1],
  unarchive: ['archived', 0],
};

type Previous = string | number | boolean | null;

export class BulkStore {
  readonly #db: DatabaseSync;
  readonly #write: LibraryWrite;
  readonly #statements: PreparedStatements;

  constructor(db: DatabaseSync, write: LibraryWrite) {
    this.#db = db;
    this.#statements = new PreparedStatements(db);
    this.#write = write;
  }

  #sql(text: string): StatementSync {
    return this.#statements.get(text);
  }

  /** Every id a list view with its filters shows (offset and limit aside), in no particular order. */
  idsForList(query: Omit<ListQuery, 'offset' | 'limit'>): string[] {
    const { sql, params } = whereClause(query);
    return (this.#db.prepare(`SELECT id FROM articles ${sql}`).all(...params) as { id: string }[]).map((row) => row.id);
  }

  /** Runs the action on these articles in one transaction and journals what each changed article held before. */
  apply(action: BulkAction, given: readonly string[]): BulkResult {
    const ids = [...new Set(given)];
    return this.#write(() => {
      const token = randomUUID();
      const changed: string[] = [];
      const journal = this.#sql('INSERT INTO bulk_undo_items (token, article_id, previous) VALUES (?, ?, ?)');
      const record = (id: string, previous: Previous): void => {
        changed.push(id);
        journal.run(token, id, JSON.stringify(previous));
      };
      // The journal's parent row first: its items reference it.
      this.#sql('INSERT INTO bulk_undo (token, action, detail, created_at) VALUES (?, ?, ?, ?)').run(token, action.kind, JSON.stringify(action), new Date().toISOString());
      this.#run(action, ids, record);
      if (changed.length === 0) {
        this.#sql('DELETE FROM bulk_undo WHERE token = ?').run(token);
      } else {
        this.#sql(`DELETE FROM bulk_undo WHERE token NOT IN (SELECT token FROM bulk_undo ORDER BY created_at DESC, rowid DESC LIMIT ${KEPT_UNDO_ACTIONS})`).run();
      }
      return { result: { action: action.kind, count: changed.length, matched: ids.length, undoToken: changed.length ? token : null }, changed };
    });
  }

  #run(action: BulkAction, ids: string[], record: (id: string, previous: Previous) => void): void {
    const flag = FLAGS[action.kind];
    if (flag) {
      const [column, value] = flag;
      const update = this.#sql(`UPDATE articles SET ${column} = ? WHERE id = ? AND ${column} <> ?`);
      for (const id of ids) if (Number(update.run(value, id, value).changes) > 0) record(id, value === 0);
      return;
    }
    switch (action.kind) {
      case 'tag': {
        const tag = action.tag.normalize('NFC');
        const insert = this.#sql('INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT id, ? FROM articles WHERE id = ?');
        for (const id of ids) if (Number(insert.run(tag, id).changes) > 0) record(id, false);
        return;
      }
      case 'untag': {
        const remove = this.#sql('DELETE FROM article_tags WHERE article_id = ? AND tag = ?');
        const tag = action.tag.normalize('NFC');
        for (const id of ids) if (Number(remove.run(id, tag).changes) > 0) record(id, true);
        return;
      }
      case 'setCollection': {
        const read = this.#sql('SELECT collection FROM articles WHERE id = ?');
        const update = this.#sql('UPDATE articles SET collection = ? WHERE id = ?');
        for (const id of ids) {
          const row = read.get(id) as { collection: string | null } | undefined;
          if (!row || row.collection === action.collection) continue;
          update.run(action.collection, id);
          record(id, row.collection);
        }
        return;
      }
      case 'trash': {
        const now = new Date().toISOString();
        const update = this.#sql('UPDATE articles SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL');
        for (const id of ids) if (Number(update.run(now, id).changes) > 0) record(id, null);
        return;
      }
      case 'restore': {
        const read = this.#sql('SELECT trashed_at FROM articles WHERE id = ? AND trashed_at IS NOT NULL');
        const update = this.#sql('UPDATE articles SET trashed_at = NULL WHERE id = ?');
        for (const id of ids) {
          const row = read.get(id) as { trashed_at: string } | undefined;
          if (!row) continue;
          update.run(id);
          record(id, row.trashed_at);
        }
        return;
      }
    }
  }

  /** Puts every article the action changed back to its journaled value, in one transaction, and forgets the token. */
  undo(token: string): BulkUndone {
    return this.#write(() => {
      const entry = this.#sql('SELECT detail FROM bulk_undo WHERE token = ?').get(token) as { detail: string } | undefined;
      if (!entry) throw new UndoExpiredError('This bulk action can no longer be undone (it was undone already, or is too old).');
      const action = JSON.parse(entry.detail) as BulkAction;
      const items = this.#sql('SELECT article_id, previous FROM bulk_undo_items WHERE token = ?').all(token) as { article_id: string; previous: string }[];
      const put = this.#restorer(action);
      const changed: string[] = [];
      for (const item of items) if (put(item.article_id, JSON.parse(item.previous) as Previous)) changed.push(item.article_id);
      this.#sql('DELETE FROM bulk_undo WHERE token = ?').run(token);
      return { result: { action: action.kind, count: changed.length }, changed };
    });
  }

  /** How one journaled value goes back; false when the article is gone. */
  #restorer(action: BulkAction): (id: string, previous: Previous) => boolean {
    const changes = (statement: StatementSync, ...values: (string | number | null)[]): boolean => Number(statement.run(...values).changes) > 0;
    const flag = FLAGS[action.kind];
    if (flag) {
      const update = this.#sql(`UPDATE articles SET ${flag[0]} = ? WHERE id = ?`);
      return (id, previous) => changes(update, previous ? 1 : 0, id);
    }
    switch (action.kind) {
      case 'tag':
      case 'untag': {
        const tag = action.tag.normalize('NFC');
        const insert = this.#sql('INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT id, ? FROM articles WHERE id = ?');
        const remove = this.#sql('DELETE FROM article_tags WHERE article_id = ? AND tag = ?');
        const exists = this.#sql('SELECT 1 FROM articles WHERE id = ?');
        return (id, previous) => {
          if (!exists.get(id)) return false;
          if (previous) insert.run(tag, id);
          else remove.run(id, tag);
          return true;
        };
      }
      case 'setCollection': {
        const update = this.#sql('UPDATE articles SET collection = ? WHERE id = ?');
        return (id, previous) => changes(update, previous === null ? null : String(previous), id);
      }
      case 'trash':
      case 'restore': {
        const update = this.#sql('UPDATE articles SET trashed_at = ? WHERE id = ?');
        return (id, previous) => changes(update, previous === null ? null : String(previous), id);
      }
      default:
        throw new Error(`No undo for ${action.kind}`);
    }
  }
}
