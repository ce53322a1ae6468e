// Subscribed feeds and what each of their items became. SQL only: scheduling and fetching live in
// sources/, which reaches this through the SourceStorage interface it declares.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { DEFAULT_SOURCE_INTERVAL_MINUTES, type FullTextMode, type KeepDays, type SourceError, type SourceFolderInfo, type SourceInfo, type SourcePhotos } from '../contract/sources.ts';
import { inTransaction } from './database.ts';
import { expiredArticles, type ExpiredArticle } from './source-retention.ts';
import { canonicalUrlKey } from './url-canonical.ts';
import { PreparedStatements } from './prepared-statements.ts';

export const SOURCES_SCHEMA_SQL = `
  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    url_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    folder TEXT,
    interval_minutes INTEGER NOT NULL DEFAULT ${DEFAULT_SOURCE_INTERVAL_MINUTES},
    paused INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_success_at TEXT,
    last_error TEXT,
    next_refresh_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX sources_due ON sources (paused, next_refresh_at);
  CREATE INDEX sources_folder ON sources (folder);
  -- One row per feed item seen: its identity within the source (GUID, else link, else text hash) and
  -- the article it became, so an item is recognised again even if its link or text changed. When the
  -- article is deleted for good (emptied trash) the row stays with no article: the item stays deleted.
  CREATE TABLE source_items (
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key)
  ) WITHOUT ROWID;
  CREATE INDEX source_items_article ON source_items (article_id);
`;

/** Schema step: where each source stands in its folder (the sidebar's drag and drop), 0 first. */
export const SOURCE_ORDER_SCHEMA_SQL = `ALTER TABLE sources ADD COLUMN position INTEGER NOT NULL DEFAULT 0;`;

/** The next place at the end of a folder (null: the sources in none). */
const END_OF_FOLDER = '(SELECT coalesce(max(position) + 1, 0) FROM sources WHERE folder IS ?)';

// keep_days: null follows the folder, 0 is "forever" even in a folder that expires, N is N days.
// item_hash: the feed's own text of the item when last seen, so an unchanged item is skipped without
// overwriting the full text fetched for it; full_text_tries counts failed page fetches (retried a few times);
// expired_at: when retention moved its article to the trash (once: an article restored from there stays).
export const SOURCE_SETTINGS_SCHEMA_SQL = `
  ALTER TABLE sources ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto' CHECK (full_text IN ('auto', 'always', 'never'));
  ALTER TABLE sources ADD COLUMN keep_days INTEGER CHECK (keep_days IS NULL OR keep_days >= 0);
  ALTER TABLE source_items ADD COLUMN item_hash TEXT;
  ALTER TABLE source_items ADD COLUMN full_text_tries INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE source_items ADD COLUMN expired_at TEXT;
  CREATE TABLE source_folders (
    folder TEXT PRIMARY KEY,
    keep_days INTEGER CHECK (keep_days IS NULL OR keep_days > 0)
  ) WITHOUT ROWID;
`;

/** Schema step: a source's own photos switch; NULL follows the library's `downloadPhotos` setting, 0 off, 1 on. */
export const SOURCE_PHOTOS_SCHEMA_SQL = `ALTER TABLE sources ADD COLUMN photos INTEGER CHECK (photos IS NULL OR photos IN (0, 1));`;

interface SourceRow {
  id: string;
  url: string;
  title: string;
  folder: string | null;
  interval_minutes: number;
  paused: number;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  last_success_at: string | null;
  last_error: string | null;
  next_refresh_at: string;
  failures: number;
  position: number;
  article_count: number;
  unread_count: number;
  full_text: FullTextMode;
  keep_days: number | null;
  folder_keep_days: number | null;
  photos: number | null;
}

/** What a refresh needs besides the public view: the validators of the last good response. */
export interface SourceRecord extends SourceInfo {
  etag: string | null;
  lastModified: string | null;
}

export interface NewSource {
  url: string;
  title: string;
  folder?: string | null;
  intervalMinutes?: number;
  fullText?: FullTextMode;
  keepDays?: KeepDays;
  photos?: SourcePhotos;
  nextRefreshAt: string;
}

export interface SourcePatch {
  title?: string;
  folder?: string | null;
  intervalMinutes?: number;
  paused?: boolean;
  fullText?: FullTextMode;
  keepDays?: KeepDays;
  photos?: SourcePhotos;
  nextRefreshAt?: string;
}

/** What the refresher remembers of an item: its article (null once deleted for good), its feed text hash, failed full-text fetches. */
export interface KnownItem {
  articleId: string | null;
  itemHash: string | null;
  fullTextTries: number;
}

/** The outcome of one fetch, written in one statement so a source's status is never half-updated. */
export type SourceOutcome =
  | { ok: true; at: string; etag: string | null; lastModified: string | null; nextRefreshAt: string }
  | { ok: false; error: SourceError; nextRefreshAt: string };

/** What a list of a source's articles shows as unread (the sidebar's count): not read, archived nor trashed. */
const UNREAD = 'a.read = 0 AND a.archived = 0 AND a.trashed_at IS NULL';
// Articles, not items: a feed may list one article under two GUIDs (or an item's GUID changed), and
// both rows then name the same article.
const SELECT = `SELECT s.*, f.keep_days AS folder_keep_days, (SELECT count(DISTINCT i.article_id) FROM source_items i WHERE i.source_id = s.id) AS article_count,
  (SELECT count(DISTINCT a.id) FROM source_items i JOIN articles a ON a.id = i.article_id WHERE i.source_id = s.id AND ${UNREAD}) AS unread_count
  FROM sources s LEFT JOIN source_folders f ON f.folder = s.folder`;
/** The unread articles of a folder's sources (`?`: its name, or NULL for the sources in none), each once however many of them brought it. */
const FOLDER_UNREAD = `(SELECT count(DISTINCT a.id) FROM sources s JOIN source_items i ON i.source_id = s.id JOIN articles a ON a.id = i.article_id WHERE s.folder IS ? AND ${UNREAD})`;

function keepDaysColumn(keep: KeepDays): number | null {
  return keep === 'forever' ? 0 : keep;
}

function photosColumn(photos: SourcePhotos): number | null {
  return photos === null ? null : photos ? 1 : 0;
}

function parseError(text: string | null): SourceError | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as SourceError;
  } catch {
    return null;
  }
}

function toRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    folder: row.folder,
    intervalMinutes: row.interval_minutes,
    paused: row.paused === 1,
    addedAt: row.added_at,
    lastSuccessAt: row.last_success_at,
    lastError: parseError(row.last_error),
    nextRefreshAt: row.next_refresh_at,
    failures: row.failures,
    position: row.position,
    articleCount: row.article_count,
    unreadCount: row.unread_count,
    // Only the running service knows; it sets this in what it lists.
    refreshing: false,
    fullText: row.full_text,
    keepDays: row.keep_days === 0 ? 'forever' : row.keep_days,
    retentionDays: row.keep_days === null ? row.folder_keep_days : row.keep_days === 0 ? null : row.keep_days,
    photos: row.photos === null ? null : row.photos === 1,
    etag: row.etag,
    lastModified: row.last_modified,
  };
}

export function toSourceInfo(record: SourceRecord): SourceInfo {
  const { etag: _etag, lastModified: _lastModified, ...info } = record;
  return info;
}

/** The key two addresses of the same feed share; falls back to the trimmed text for odd but valid URLs. */
export function sourceUrlKey(url: string): string {
  return canonicalUrlKey(url) ?? url.trim();
}

export class SourceStore {
  readonly #db: DatabaseSync;
  readonly #statements: PreparedStatements;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#statements = new PreparedStatements(db);
  }

  #sql(text: string): StatementSync {
    return this.#statements.get(text);
  }

  list(): SourceRecord[] {
    return (this.#sql(`${SELECT} ORDER BY s.folder IS NOT NULL, s.folder, s.position, s.title COLLATE NOCASE, s.id`).all() as unknown as SourceRow[]).map(toRecord);
  }

  get(id: string): SourceRecord | null {
    const row = this.#sql(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
    return row ? toRecord(row) : null;
  }

  findByUrl(url: string): SourceRecord | null {
    const row = this.#sql(`${SELECT} WHERE s.url_key = ?`).get(sourceUrlKey(url)) as SourceRow | undefined;
    return row ? toRecord(row) : null;
  }

  inFolder(folder: string): SourceRecord[] {
    return (this.#sql(`${SELECT} WHERE s.folder = ? ORDER BY s.position, s.title COLLATE NOCASE`).all(folder) as unknown as SourceRow[]).map(toRecord);
  }

  /** Sources not paused whose next refresh is at or before `now`, soonest first. */
  due(now: string, limit: number): SourceRecord[] {
    return (this.#sql(`${SELECT} WHERE s.paused = 0 AND s.next_refresh_at <= ? ORDER BY s.next_refresh_at LIMIT ?`).all(now, limit) as unknown as SourceRow[]).map(toRecord);
  }

  /** The earliest next refresh of any source not paused, or null when there is none. */
  nextDue(): string | null {
    const row = this.#sql('SELECT min(next_refresh_at) AS next FROM sources WHERE paused = 0').get() as { next: string | null };
    return row.next;
  }

  add(source: NewSource): SourceRecord {
    const id = randomUUID().slice(0, 8) + randomUUID().slice(9, 13);
    inTransaction(this.#db, () => {
      this.#sql(
        `INSERT INTO sources (id, url, url_key, title, folder, interval_minutes, full_text, keep_days, photos, added_at, next_refresh_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${END_OF_FOLDER})`,
      ).run(
        id,
        source.url,
        sourceUrlKey(source.url),
        source.title,
        source.folder ?? null,
        source.intervalMinutes ?? DEFAULT_SOURCE_INTERVAL_MINUTES,
        source.fullText ?? 'auto',
        keepDaysColumn(source.keepDays ?? null),
        photosColumn(source.photos ?? null),
        new Date().toISOString(),
        source.nextRefreshAt,
        source.folder ?? null,
      );
    });
    return this.get(id)!;
  }

  update(id: string, patch: SourcePatch): SourceRecord | null {
    inTransaction(this.#db, () => {
      if (patch.title !== undefined) this.#sql('UPDATE sources SET title = ? WHERE id = ?').run(patch.title, id);
      // Moved to another folder: it goes to that folder's end.
      if (patch.folder !== undefined) this.#sql(`UPDATE sources SET position = ${END_OF_FOLDER}, folder = ? WHERE id = ? AND folder IS NOT ?`).run(patch.folder, patch.folder, id, patch.folder);
      if (patch.intervalMinutes !== undefined) this.#sql('UPDATE sources SET interval_minutes = ? WHERE id = ?').run(patch.intervalMinutes, id);
      if (patch.paused !== undefined) this.#sql('UPDATE sources SET paused = ? WHERE id = ?').run(patch.paused ? 1 : 0, id);
      if (patch.nextRefreshAt !== undefined) this.#sql('UPDATE sources SET next_refresh_at = ? WHERE id = ?').run(patch.nextRefreshAt, id);
      if (patch.fullText !== undefined) this.#sql('UPDATE sources SET full_text = ? WHERE id = ?').run(patch.fullText, id);
      if (patch.keepDays !== undefined) this.#sql('UPDATE sources SET keep_days = ? WHERE id = ?').run(keepDaysColumn(patch.keepDays), id);
      if (patch.photos !== undefined) this.#sql('UPDATE sources SET photos = ? WHERE id = ?').run(photosColumn(patch.photos), id);
    });
    return this.get(id);
  }

  /**
   * Written only after every item of a good response is committed: were the app killed before, the
   * validators stay as they were, the next fetch gets the whole feed again and finishes the job.
   */
  recordOutcome(id: string, outcome: SourceOutcome): void {
    if (outcome.ok) {
      this.#sql(
        'UPDATE sources SET etag = ?, last_modified = ?, last_success_at = ?, last_error = NULL, failures = 0, next_refresh_at = ? WHERE id = ?',
      ).run(outcome.etag, outcome.lastModified, outcome.at, outcome.nextRefreshAt, id);
    } else {
      this.#sql('UPDATE sources SET last_error = ?, failures = failures + 1, next_refresh_at = ? WHERE id = ?').run(JSON.stringify(outcome.error), outcome.nextRefreshAt, id);
    }
  }

  /** The item with its feed text hash and failed full-text fetches; undefined for an item never seen. */
  knownItem(sourceId: string, itemKey: string): KnownItem | undefined {
    const row = this.#sql('SELECT article_id, item_hash, full_text_tries FROM source_items WHERE source_id = ? AND item_key = ?').get(sourceId, itemKey) as
      | { article_id: string | null; item_hash: string | null; full_text_tries: number }
      | undefined;
    return row && { articleId: row.article_id, itemHash: row.item_hash, fullTextTries: row.full_text_tries };
  }

  /** `itemHash` null: not known (the item is looked at again next time); `fullTextFailed` counts one more failed page fetch. */
  rememberItem(sourceId: string, itemKey: string, articleId: string, itemHash: string | null = null, fullTextFailed = false): void {
    this.#sql(
      `INSERT INTO source_items (source_id, item_key, article_id, seen_at, item_hash, full_text_tries) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, item_key) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at, item_hash = excluded.item_hash,
         full_text_tries = CASE WHEN excluded.full_text_tries > 0 THEN source_items.full_text_tries + 1 ELSE 0 END`,
    ).run(sourceId, itemKey, articleId, new Date().toISOString(), itemHash, fullTextFailed ? 1 : 0);
  }

  /** Articles past their sources' retention at `now` (of one source, or null: all), for the caller to move to the trash. */
  expired(sourceId: string | null, now: string): ExpiredArticle[] {
    return expiredArticles(this.#db, sourceId, now);
  }

  /** Marks articles as expired by retention, so restoring one from the trash keeps it. */
  markExpired(articleIds: readonly string[], at: string): void {
    const statement = this.#sql('UPDATE source_items SET expired_at = ? WHERE article_id = ?');
    inTransaction(this.#db, () => {
      for (const id of articleIds) statement.run(at, id);
    });
  }

  /**
   * Every folder that has sources or settings, with its retention (null: forever) and unread articles,
   * then the sources in no folder (`folder` null, only when there are some).
   */
  folders(): SourceFolderInfo[] {
    const rows = this.#sql(
      `SELECT name AS folder, (SELECT keep_days FROM source_folders f WHERE f.folder = name) AS keep_days, (SELECT count(*) FROM sources s WHERE s.folder = name) AS sources,
         ${FOLDER_UNREAD.replace('?', 'name')} AS unread_count
         FROM (SELECT folder AS name FROM sources WHERE folder IS NOT NULL UNION SELECT folder FROM source_folders) ORDER BY name`,
    ).all() as { folder: string; keep_days: number | null; sources: number; unread_count: number }[];
    const folders: SourceFolderInfo[] = rows.map((row) => ({ folder: row.folder, keepDays: row.keep_days, sources: row.sources, unreadCount: row.unread_count }));
    const loose = this.#sql(`SELECT count(*) AS sources, ${FOLDER_UNREAD} AS unread_count FROM sources WHERE folder IS NULL`).get(null) as { sources: number; unread_count: number };
    if (loose.sources > 0) folders.push({ folder: null, keepDays: null, sources: loose.sources, unreadCount: loose.unread_count });
    return folders;
  }

  /** A folder's retention: days, or null for forever (its row is then removed, folders themselves are only names). */
  setFolderKeepDays(folder: string, keepDays: number | null): void {
    if (keepDays === null) this.#sql('DELETE FROM source_folders WHERE folder = ?').run(folder);
    else this.#sql('INSERT INTO source_folders (folder, keep_days) VALUES (?, ?) ON CONFLICT (folder) DO UPDATE SET keep_days = excluded.keep_days').run(folder, keepDays);
  }

  /** Articles this source brought that no other source also brought (those are the other's too). */
  articlesOnlyFrom(sourceId: string): string[] {
    const rows = this.#sql(
      `SELECT DISTINCT i.article_id AS id FROM source_items i WHERE i.source_id = ? AND i.article_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM source_items o WHERE o.article_id = i.article_id AND o.source_id <> i.source_id)`,
    ).all(sourceId) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Puts these sources in `folder` (null: none), in this order; false (nothing changed) when one of them is unknown. */
  reorder(folder: string | null, ids: readonly string[]): boolean {
    return inTransaction(this.#db, () => {
      const known = this.#sql('SELECT 1 FROM sources WHERE id = ?');
      if (ids.some((id) => known.get(id) === undefined)) return false;
      const statement = this.#sql('UPDATE sources SET folder = ?, position = ? WHERE id = ?');
      for (const [position, id] of ids.entries()) statement.run(folder, position, id);
      return true;
    });
  }

  /** The unread articles (as the sidebar counts them) that these sources brought. */
  unreadArticles(sourceIds: readonly string[]): string[] {
    const statement = this.#sql(`SELECT DISTINCT i.article_id AS id FROM source_items i JOIN articles a ON a.id = i.article_id WHERE i.source_id = ? AND ${UNREAD}`);
    const ids = new Set<string>();
    for (const sourceId of sourceIds) for (const row of statement.all(sourceId) as { id: string }[]) ids.add(row.id);
    return [...ids];
  }

  /** Deletes the source and its item rows; the articles themselves are the caller's to keep or trash. */
  remove(id: string): boolean {
    return inTransaction(this.#db, () => Number(this.#sql('DELETE FROM sources WHERE id = ?').run(id).changes) > 0);
  }
}
