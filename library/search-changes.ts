// Change tracking for the search index, kept by SQLite itself: every commit that changes what an
// article's search document holds, from any process or connection, stamps the article with the next
// sequence number. A deleted article keeps its row (a tombstone), so an index learns of removals
// the same way it learns of edits. Write transactions are serialised by SQLite, so sequence numbers
// become visible in order: an index that has seen every change up to N has seen all of them.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** What a search document is made of: articles' indexed columns, bodies, tags, highlights and notes. */
const TRACKED: readonly { table: string; event: string; id: string; name: string }[] = [
  { table: 'articles', event: 'INSERT', id: 'NEW.id', name: 'articles_insert' },
  { table: 'articles', event: 'UPDATE OF id, title, author, source, published_at, imported_at', id: 'NEW.id', name: 'articles_update' },
  { table: 'articles', event: 'DELETE', id: 'OLD.id', name: 'articles_delete' },
  { table: 'article_content', event: 'INSERT', id: 'NEW.article_id', name: 'content_insert' },
  { table: 'article_content', event: 'UPDATE', id: 'NEW.article_id', name: 'content_update' },
  { table: 'article_tags', event: 'INSERT', id: 'NEW.article_id', name: 'tags_insert' },
  { table: 'article_tags', event: 'DELETE', id: 'OLD.article_id', name: 'tags_delete' },
  { table: 'annotations', event: 'INSERT', id: 'NEW.article_id', name: 'annotations_insert' },
  { table: 'annotations', event: 'UPDATE', id: 'NEW.article_id', name: 'annotations_update' },
  { table: 'annotations', event: 'DELETE', id: 'OLD.article_id', name: 'annotations_delete' },
];

/**
 * Migration step: the per-article change log with its tombstones, and the triggers that keep it. The
 * newest sequence number is the log's largest (rows are only ever replaced by higher numbers, never
 * deleted). No statement here can conflict: an outer INSERT OR IGNORE (tags) imposes its conflict
 * policy on a trigger's statements, and would silently skip an INSERT OR REPLACE of the stamp.
 */
export const SEARCH_CHANGES_SCHEMA_SQL = `
CREATE TABLE search_changes (article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL) STRICT, WITHOUT ROWID;
CREATE INDEX search_changes_seq ON search_changes (seq);
${searchChangeTriggersSql()}
`;

/** The triggers' names, so a later step can replace them. */
export const SEARCH_CHANGE_TRIGGERS: readonly string[] = TRACKED.map(({ name }) => `search_changes_${name}`);

/** The triggers that stamp changed articles; `when` (SQL) lets a later step make them stand aside for a writer that stamps itself. */
export function searchChangeTriggersSql(when?: string): string {
  return TRACKED.map(
    ({ table, event, id, name }) => `CREATE TRIGGER search_changes_${name} AFTER ${event} ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN
  UPDATE search_changes SET seq = (SELECT max(seq) + 1 FROM search_changes) WHERE article_id = ${id};
  INSERT INTO search_changes (article_id, seq) SELECT ${id}, (SELECT coalesce(max(seq), 0) + 1 FROM search_changes)
    WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE article_id = ${id});
END;`,
  ).join('\n');
}

export interface SearchChanges {
  /** The newest sequence number among the changes listed (or `since` when there are none). */
  seq: number;
  /** Articles changed or removed after `since`, oldest change first. */
  ids: string[];
}

/** Reads the change log on one connection; prepared statements are kept by the caller's cache. */
export class SearchChangeLog {
  readonly #counter: StatementSync;
  readonly #since: StatementSync;

  constructor(db: DatabaseSync) {
    this.#counter = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM search_changes');
    this.#since = db.prepare('SELECT article_id, seq FROM search_changes WHERE seq > ? ORDER BY seq');
  }

  /** The newest committed sequence number: one indexed row, cheap enough to check before every search. */
  current(): number {
    return Number((this.#counter.get() as { seq: number }).seq);
  }

  /** One statement, so one snapshot: every change up to the returned `seq` is in `ids`. */
  since(since: number): SearchChanges {
    const rows = this.#since.all(since) as { article_id: string; seq: number }[];
    return { seq: rows.length ? Number(rows[rows.length - 1]!.seq) : since, ids: rows.map((row) => String(row.article_id)) };
  }
}
