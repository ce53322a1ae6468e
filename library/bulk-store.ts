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

  /**
   * Runs the action on these articles in one transaction and journals what each changed article held
   * before. Each step is one statement over the whole selection (the ids passed once, as JSON), so
   * 10,000 articles cost a few statements, not 20,000.
   */
  apply(action: BulkAction, given: readonly string[]): BulkResult {
    const ids = JSON.stringify([...new Set(given)]);
    const matched = new Set(given).size;
    return this.#write(() => {
      const token = randomUUID();
      // The journal's parent row first: its items reference it.
      this.#sql('INSERT INTO bulk_undo (token, action, detail, created_at) VALUES (?, ?, ?, ?)').run(token, action.kind, JSON.stringify(action), new Date().toISOString());
      const changed = this.#run(action, token, ids);
      if (changed.length === 0) {
        this.#sql('DELETE FROM bulk_undo WHERE token = ?').run(token);
      } else {
        this.#sql(`DELETE FROM bulk_undo WHERE token NOT IN (SELECT token FROM bulk_undo ORDER BY created_at DESC, rowid DESC LIMIT ${KEPT_UNDO_ACTIONS})`).run();
      }
      return { result: { action: action.kind, count: changed.length, matched, undoToken: changed.length ? token : null }, changed };
    });
  }

  /** The ids a RETURNING statement gave back. */
  #returned(statement: StatementSync, ...values: (string | number | null)[]): string[] {
    return (statement.all(...values) as { id: string }[]).map((row) => row.id);
  }

  /** Journals one previous value for every article changed (a flag's old state, a tag that was or was not there). */
  #journalSame(token: string, changed: readonly string[], previous: Previous): void {
    if (changed.length === 0) return;
    this.#sql('INSERT INTO bulk_undo_items (token, article_id, previous) SELECT ?, value, ? FROM json_each(?)').run(token, JSON.stringify(previous), JSON.stringify(changed));
  }

  /** Applies the action to the articles among `ids` (a JSON array) that it changes; returns those. */
  #run(action: BulkAction, token: string, ids: string): string[] {
    const selected = 'id IN (SELECT value FROM json_each(?))';
    const flag = FLAGS[action.kind];
    if (flag) {
      const [column, value] = flag;
      const changed = this.#returned(this.#sql(`UPDATE articles SET ${column} = ? WHERE ${selected} AND ${column} <> ? RETURNING id`), value, ids, value);
      this.#journalSame(token, changed, value === 0);
      return changed;
    }
    switch (action.kind) {
      case 'tag': {
        // OR IGNORE: an article that has the tag already is not returned, so neither counted nor journaled.
        const insert = this.#sql(`INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT id, ? FROM articles WHERE ${selected} RETURNING article_id AS id`);
        const changed = this.#returned(insert, action.tag.normalize('NFC'), ids);
        this.#journalSame(token, changed, false);
        return changed;
      }
      case 'untag': {
        const remove = this.#sql('DELETE FROM article_tags WHERE tag = ? AND article_id IN (SELECT value FROM json_each(?)) RETURNING article_id AS id');
        const changed = this.#returned(remove, action.tag.normalize('NFC'), ids);
        this.#journalSame(token, changed, true);
        return changed;
      }
      case 'setCollection': {
        // The previous collections are journaled (as JSON, like every previous value) before they are overwritten.
        this.#sql(`INSERT INTO bulk_undo_items (token, article_id, previous) SELECT ?, id, json_quote(collection) FROM articles WHERE ${selected} AND collection IS NOT ?`).run(
          token,
          ids,
          action.collection,
        );
        return this.#returned(this.#sql(`UPDATE articles SET collection = ? WHERE ${selected} AND collection IS NOT ? RETURNING id`), action.collection, ids, action.collection);
      }
      case 'trash': {
        const changed = this.#returned(this.#sql(`UPDATE articles SET trashed_at = ? WHERE ${selected} AND trashed_at IS NULL RETURNING id`), new Date().toISOString(), ids);
        this.#journalSame(token, changed, null);
        return changed;
      }
      case 'restore': {
        this.#sql(`INSERT INTO bulk_undo_items (token, article_id, previous) SELECT ?, id, json_quote(trashed_at) FROM articles WHERE ${selected} AND trashed_at IS NOT NULL`).run(token, ids);
        return this.#returned(this.#sql(`UPDATE articles SET trashed_at = NULL WHERE ${selected} AND trashed_at IS NOT NULL RETURNING id`), ids);
      }
    }
    return [];
  }

  /** Puts every article the action changed back to its journaled value, in one transaction, and forgets the token. */
  undo(token: string): BulkUndone {
    return this.#write(() => {
      const entry = this.#sql('SELECT detail FROM bulk_undo WHERE token = ?').get(token) as { detail: string } | undefined;
      if (!entry) throw new UndoExpiredError('This bulk action can no longer be undone (it was undone already, or is too old).');
      const action = JSON.parse(entry.detail) as BulkAction;
      const changed = this.#restore(action, token);
      this.#sql('DELETE FROM bulk_undo WHERE token = ?').run(token);
      return { result: { action: action.kind, count: changed.length }, changed };
    });
  }

  /**
   * Puts the journaled values back, a statement for the whole journal (not one per article); returns
   * the articles put back. An article deleted for good since is not there to join, so it is skipped.
   */
  #restore(action: BulkAction, token: string): string[] {
    const journaled = 'FROM bulk_undo_items AS item WHERE item.token = ? AND item.article_id = articles.id RETURNING articles.id';
    const flag = FLAGS[action.kind];
    if (flag) return this.#returned(this.#sql(`UPDATE articles SET ${flag[0]} = (item.previous = 'true') ${journaled}`), token);
    switch (action.kind) {
      case 'tag':
      case 'untag': {
        const tag = action.tag.normalize('NFC');
        this.#sql(
          `INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT item.article_id, ? FROM bulk_undo_items AS item JOIN articles ON articles.id = item.article_id
           WHERE item.token = ? AND item.previous = 'true'`,
        ).run(tag, token);
        this.#sql(`DELETE FROM article_tags WHERE tag = ? AND article_id IN (SELECT article_id FROM bulk_undo_items WHERE token = ? AND previous = 'false')`).run(tag, token);
        return this.#returned(this.#sql('SELECT item.article_id AS id FROM bulk_undo_items AS item JOIN articles ON articles.id = item.article_id WHERE item.token = ?'), token);
      }
      case 'setCollection':
        return this.#returned(this.#sql(`UPDATE articles SET collection = json_extract(item.previous, '$') ${journaled}`), token);
      case 'trash':
      case 'restore':
        return this.#returned(this.#sql(`UPDATE articles SET trashed_at = json_extract(item.previous, '$') ${journaled}`), token);
      default:
        throw new Error(`No undo for ${action.kind}`);
    }
  }
}
