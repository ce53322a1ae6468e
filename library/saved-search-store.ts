// Saved searches ("watch"): a query and its filters under a name, in sidebar order, with the time
// each was last opened. SQL only; counting matches needs the search index and lives in commands/.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { savedSearchNameKey, type SavedSearchPatch, type SearchTargetFilters } from '../contract/bulk.ts';
import { inTransaction } from './database.ts';
import { addFilterConditions, type SqlValue } from './list-query.ts';
import { PreparedStatements } from './prepared-statements.ts';

/** Part of schema step 5 (with the bulk undo journal). */
export const SAVED_SEARCHES_SCHEMA_SQL = `
  CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    filters TEXT NOT NULL,
    notify INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    last_opened_at TEXT NOT NULL
  );
`;

/** A saved search as stored, before its new matches are counted. */
export interface SavedSearchRecord {
  id: string;
  name: string;
  query: string;
  filters: SearchTargetFilters;
  notify: boolean;
  position: number;
  createdAt: string;
  lastOpenedAt: string;
}

interface Row {
  id: string;
  name: string;
  query: string;
  filters: string;
  notify: number;
  position: number;
  created_at: string;
  last_opened_at: string;
}

export class SavedSearchNameTakenError extends Error {
  readonly taken: string;

  constructor(taken: string) {
    super(`A saved search named "${taken}" already exists.`);
    this.taken = taken;
  }
}


const toRecord = (row: Row): SavedSearchRecord => ({
  id: row.id,
  name: row.name,
  query: row.query,
  filters: JSON.parse(row.filters) as SearchTargetFilters,
  notify: row.notify === 1,
  position: row.position,
  createdAt: row.created_at,
  lastOpenedAt: row.last_opened_at,
});

const COLUMNS = 'id, name, query, filters, notify, position, created_at, last_opened_at';

export class SavedSearchStore {
  readonly #db: DatabaseSync;
  readonly #statements: PreparedStatements;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#statements = new PreparedStatements(db);
  }

  #sql(text: string): StatementSync {
    return this.#statements.get(text);
  }

  list(): SavedSearchRecord[] {
    return (this.#sql(`SELECT ${COLUMNS} FROM saved_searches ORDER BY position, created_at`).all() as unknown as Row[]).map(toRecord);
  }

  get(id: string): SavedSearchRecord | null {
    const row = this.#sql(`SELECT ${COLUMNS} FROM saved_searches WHERE id = ?`).get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  byName(name: string): SavedSearchRecord | null {
    const row = this.#sql(`SELECT ${COLUMNS} FROM saved_searches WHERE name_key = ?`).get(savedSearchNameKey(name)) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  add(input: { name: string; query: string; filters?: SearchTargetFilters; notify?: boolean }, now = new Date().toISOString()): SavedSearchRecord {
    const id = randomUUID();
    const name = input.name.trim().normalize('NFC');
    inTransaction(this.#db, () => {
      if (this.byName(name)) throw new SavedSearchNameTakenError(name);
      const { next } = this.#sql('SELECT coalesce(max(position), -1) + 1 AS next FROM saved_searches').get() as { next: number };
      this.#sql(`INSERT INTO saved_searches (${COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        id,
        name,
        input.query.normalize('NFC'),
        JSON.stringify(input.filters ?? {}),
        input.notify ? 1 : 0,
        next,
        now,
        now,
        savedSearchNameKey(name),
      );
    });
    return this.get(id)!;
  }

  /** Null when there is no such saved search. */
  update(id: string, patch: SavedSearchPatch): SavedSearchRecord | null {
    inTransaction(this.#db, () => {
      if (!this.get(id)) return;
      if (patch.name !== undefined) {
        const name = patch.name.trim().normalize('NFC');
        const other = this.byName(name);
        if (other && other.id !== id) throw new SavedSearchNameTakenError(name);
        this.#sql('UPDATE saved_searches SET name = ?, name_key = ? WHERE id = ?').run(name, savedSearchNameKey(name), id);
      }
      if (patch.query !== undefined) this.#sql('UPDATE saved_searches SET query = ? WHERE id = ?').run(patch.query.normalize('NFC'), id);
      if (patch.filters !== undefined) this.#sql('UPDATE saved_searches SET filters = ? WHERE id = ?').run(JSON.stringify(patch.filters), id);
      if (patch.notify !== undefined) this.#sql('UPDATE saved_searches SET notify = ? WHERE id = ?').run(patch.notify ? 1 : 0, id);
    });
    return this.get(id);
  }

  markOpened(id: string, now = new Date().toISOString()): SavedSearchRecord | null {
    this.#sql('UPDATE saved_searches SET last_opened_at = ? WHERE id = ?').run(now, id);
    return this.get(id);
  }

  /** False when the ids are not exactly the saved searches, each once. */
  reorder(ids: readonly string[]): boolean {
    return inTransaction(this.#db, () => {
      const known = new Set(this.list().map((search) => search.id));
      if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) return false;
      const update = this.#sql('UPDATE saved_searches SET position = ? WHERE id = ?');
      ids.forEach((id, position) => update.run(position, id));
      return true;
    });
  }

  remove(id: string): boolean {
    return Number(this.#sql('DELETE FROM saved_searches WHERE id = ?').run(id).changes) > 0;
  }

  /**
   * Articles imported after `since` that the filters let through, outside the trash: the only ones a
   * saved search's new count can include. Read through the import-time index, so after an import of
   * 1,000 it reads 1,000 rows, not the library.
   */
  importedSince(since: string, filters: SearchTargetFilters): Set<string> {
    return new Set(this.#importedAfter(since, filters).map((row) => row.id));
  }

  /**
   * importedSince for many saved searches at once: one statement per distinct set of filters (most
   * saved searches have none), from the oldest of their times, then each keeps what came after its own.
   */
  candidatesOf(searches: readonly SavedSearchRecord[]): Map<string, Set<string>> {
    const groups = new Map<string, SavedSearchRecord[]>();
    for (const search of searches) {
      const key = filtersKey(search.filters);
      const group = groups.get(key);
      if (group) group.push(search);
      else groups.set(key, [search]);
    }
    const candidates = new Map<string, Set<string>>();
    for (const group of groups.values()) {
      const since = group.reduce((oldest, search) => (search.lastOpenedAt < oldest ? search.lastOpenedAt : oldest), group[0]!.lastOpenedAt);
      const rows = this.#importedAfter(since, group[0]!.filters);
      // The same comparison SQL makes (`imported_at > ?`, text against text).
      for (const search of group) candidates.set(search.id, new Set(rows.filter((row) => row.imported_at > search.lastOpenedAt).map((row) => row.id)));
    }
    return candidates;
  }

  #importedAfter(since: string, filters: SearchTargetFilters): { id: string; imported_at: string }[] {
    const conditions = ['imported_at > ?', 'trashed_at IS NULL'];
    const params: SqlValue[] = [since];
    if (filters.unread) conditions.push('read = 0');
    if (filters.starred) conditions.push('starred = 1');
    addFilterConditions(filters, conditions, params);
    return this.#sql(`SELECT id, imported_at FROM articles WHERE ${conditions.join(' AND ')}`).all(...params) as { id: string; imported_at: string }[];
  }
}

/** The same filters give the same key whatever the order their fields were written in. */
function filtersKey(filters: SearchTargetFilters): string {
  return JSON.stringify(Object.entries(filters).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
