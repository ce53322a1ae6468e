import { existsSync, rmSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { ANNOTATIONS_SCHEMA_SQL } from '../annotations/annotation-store.ts';
import { inTransaction } from './database.ts';
import { SEARCH_CHANGES_SCHEMA_SQL } from './search-changes.ts';
import { SOURCE_ORDER_SCHEMA_SQL, SOURCE_PHOTOS_SCHEMA_SQL, SOURCE_SETTINGS_SCHEMA_SQL, SOURCES_SCHEMA_SQL } from './source-store.ts';
import { BULK_UNDO_SCHEMA_SQL } from './bulk-store.ts';
import { SAVED_SEARCHES_SCHEMA_SQL } from './saved-search-store.ts';
import { IMAGES_SCHEMA_SQL } from './image-store.ts';
import { ORIGINAL_FILES_SCHEMA_SQL } from './original-file-store.ts';
import { ARCHIVE_COLLECTION_MOVE_STEP_SQL, ARCHIVE_SCHEMA_SQL, ARCHIVE_SYNC_STEP_SQL } from './archive-schema.ts';

/** Schema steps in order; step N brings the database to user_version N. Never edit a released step. */
export const MIGRATIONS: readonly string[] = [
  // 1: articles, their tags and collections, settings, and the search generation counter.
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    author TEXT,
    source TEXT,
    url TEXT,
    url_key TEXT UNIQUE,
    language TEXT NOT NULL,
    published_at TEXT,
    imported_at TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    reading_minutes INTEGER NOT NULL,
    excerpt TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    trashed_at TEXT,
    collection TEXT,
    reading_position REAL NOT NULL DEFAULT 0,
    sort_date TEXT GENERATED ALWAYS AS (COALESCE(published_at, imported_at)) VIRTUAL
  );
  -- List indexes carry the state columns, so paging through a view never reads the rows it skips.
  -- Bodies live apart so that listing and counting never read article text.
  CREATE TABLE article_content (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    blocks TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX articles_sort_date ON articles (sort_date DESC, trashed_at, archived, read, starred);
  CREATE INDEX articles_imported ON articles (imported_at DESC, trashed_at, archived, read, starred);
  CREATE INDEX articles_title ON articles (title_key, trashed_at, archived, read, starred);
  CREATE INDEX articles_source ON articles (source, trashed_at, sort_date DESC);
  CREATE INDEX articles_collection ON articles (collection, trashed_at);
  CREATE TABLE article_tags (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX article_tags_tag ON article_tags (tag);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO library_meta (key, value) VALUES ('generation', '0');
  `,
  // 2: highlights and notes.
  ANNOTATIONS_SCHEMA_SQL,
  // 3: change tracking for the search index.
  SEARCH_CHANGES_SCHEMA_SQL,
  // 4: subscribed feeds (sources), their folders and refresh state, and which article each item became.
  SOURCES_SCHEMA_SQL,
  // 5: the list sorted by publication date alone (undated articles last), read from
  // an index that carries the state columns like the others, so paging never reads skipped rows.
  `CREATE INDEX articles_published ON articles (published_at DESC, imported_at DESC, trashed_at, archived, read, starred);`,
  // 6: the order of sources within their folder.
  SOURCE_ORDER_SCHEMA_SQL,
  // 7: saved searches ("watch") and the undo journal of bulk actions.
  SAVED_SEARCHES_SCHEMA_SQL + BULK_UNDO_SCHEMA_SQL,
  // 8: per-source full text and retention, folder retention, and each item's feed text hash.
  SOURCE_SETTINGS_SCHEMA_SQL,
  // 9: photos kept with articles (content-addressed files in images/), and which article names which.
  IMAGES_SCHEMA_SQL,
  // 10: the original file (PDF, DOCX, EPUB) each imported document came from.
  ORIGINAL_FILES_SCHEMA_SQL,
  // 11: a source's own "keep photos" switch (NULL: as the library's downloadPhotos setting).
  SOURCE_PHOTOS_SCHEMA_SQL,
  // 12: the shared-archive link, the outbox its triggers fill, archive ids of articles, annotations'
  // author/desk/per-field times and their note history.
  ARCHIVE_SCHEMA_SQL,
  // 13: a pull stamps the search change log once per page (its triggers stand aside meanwhile), and
  // re-imported text goes into the archive outbox.
  ARCHIVE_SYNC_STEP_SQL,
  // 14: the trash's ids without reading every article: search (CLI's first query, every search after a
  // change) asks for them, and a full scan of a 20,000-article table was about 8 % of a CLI search.
  `CREATE INDEX articles_trashed ON articles (id) WHERE trashed_at IS NOT NULL;`,
  // 15: an article moved out of its collection into none goes into the archive outbox (its desk shares
  // through the collection are taken back).
  ARCHIVE_COLLECTION_MOVE_STEP_SQL,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

function hasTables(db: DatabaseSync): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

/**
 * Brings the schema up to date. Before each step on a database that already holds data, a
 * consistent copy is written next to it (`library.sqlite.v<N>.bak`), so a failed or buggy
 * migration can never cost the user their library.
 */
export function migrate(db: DatabaseSync, dbPath: string): { from: number; to: number; backups: string[] } {
  const from = userVersion(db);
  if (from > SCHEMA_VERSION) {
    throw new Error(`This library was written by a newer Newsroom Reader (schema ${from}; this version knows ${SCHEMA_VERSION})`);
  }
  const backups: string[] = [];
  // A library created just now has nothing to lose: its steps run without copies (13 of them cost
  // a third of a second, a tenth of a 2,000-file import into a new library).
  const heldData = hasTables(db);
  for (let version = from; version < SCHEMA_VERSION; version++) {
    if (heldData) {
      const backupPath = `${dbPath}.v${version}.bak`;
      if (existsSync(backupPath)) rmSync(backupPath);
      db.prepare('VACUUM INTO ?').run(backupPath);
      backups.push(backupPath);
    }
    inTransaction(db, () => {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
  return { from, to: SCHEMA_VERSION, backups };
}
