// The library's schema step for the shared archive: the link, the outbox and the triggers that fill
// it from every write path, archive ids of articles, and annotations' author, desk, per-field times
// and note history. A pull writes with one row in archive_applying, which keeps the triggers quiet
// for the rest of its transaction: what came from the archive is not pushed back.
import { SEARCH_CHANGE_TRIGGERS, searchChangeTriggersSql } from './search-changes.ts';

/** The current time as ISO 8601 with milliseconds, as JavaScript's toISOString writes it. */
export const SQLITE_NOW_ISO = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
/** Triggers record only while linked, and not while a pull writes the archive's own rows. */
const RECORDING = `EXISTS (SELECT 1 FROM archive_link) AND NOT EXISTS (SELECT 1 FROM archive_applying)`;

/** Schema step (archive sync, issue 18): the link, the outbox and its triggers, annotation authorship and note history. */
export const ARCHIVE_SCHEMA_SQL = `
CREATE TABLE archive_link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  address TEXT NOT NULL,
  user TEXT NOT NULL,
  client_id TEXT NOT NULL,
  default_desk TEXT,
  secret BLOB,
  pull_seq INTEGER NOT NULL DEFAULT 0,
  last_sync TEXT,
  last_problem TEXT,
  known_desks TEXT NOT NULL DEFAULT '[]',
  linked_at TEXT NOT NULL
) STRICT;
CREATE TABLE archive_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'annotation', 'annotation-delete', 'collection')),
  entity_id TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (${SQLITE_NOW_ISO})
) STRICT;
CREATE TABLE archive_articles (
  local_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  archive_id TEXT NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;
CREATE TABLE archive_collection_shares (
  collection TEXT NOT NULL,
  desk TEXT NOT NULL,
  PRIMARY KEY (collection, desk)
) STRICT, WITHOUT ROWID;
CREATE TABLE archive_applying (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
ALTER TABLE annotations ADD COLUMN author TEXT;
ALTER TABLE annotations ADD COLUMN desk TEXT;
ALTER TABLE annotations ADD COLUMN color_updated TEXT;
ALTER TABLE annotations ADD COLUMN note_updated TEXT;
ALTER TABLE annotations ADD COLUMN desk_updated TEXT;
ALTER TABLE annotations ADD COLUMN is_foreign INTEGER NOT NULL DEFAULT 0 CHECK (is_foreign IN (0, 1));
UPDATE annotations SET color_updated = updated_at, note_updated = updated_at, desk_updated = created_at;
CREATE TABLE annotation_note_history (
  annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  note TEXT NOT NULL,
  written_at TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  PRIMARY KEY (annotation_id, written_at, note)
) STRICT, WITHOUT ROWID;

-- Last writer wins per field: each field remembers when it was written here.
CREATE TRIGGER annotations_note_written AFTER UPDATE OF note ON annotations
WHEN OLD.note IS NOT NEW.note AND NOT EXISTS (SELECT 1 FROM archive_applying) BEGIN
  INSERT OR IGNORE INTO annotation_note_history (annotation_id, note, written_at, replaced_at)
    SELECT OLD.id, OLD.note, coalesce(OLD.note_updated, OLD.updated_at), NEW.updated_at WHERE OLD.note <> '';
  UPDATE annotations SET note_updated = NEW.updated_at WHERE id = NEW.id;
END;
CREATE TRIGGER annotations_color_written AFTER UPDATE OF color ON annotations
WHEN OLD.color IS NOT NEW.color AND NOT EXISTS (SELECT 1 FROM archive_applying) BEGIN
  UPDATE annotations SET color_updated = NEW.updated_at WHERE id = NEW.id;
END;
CREATE TRIGGER annotations_desk_written AFTER UPDATE OF desk ON annotations
WHEN OLD.desk IS NOT NEW.desk AND NOT EXISTS (SELECT 1 FROM archive_applying) BEGIN
  UPDATE annotations SET desk_updated = ${SQLITE_NOW_ISO} WHERE id = NEW.id;
END;
CREATE TRIGGER annotations_fields_new AFTER INSERT ON annotations
WHEN NEW.note_updated IS NULL AND NOT EXISTS (SELECT 1 FROM archive_applying) BEGIN
  UPDATE annotations SET note_updated = NEW.updated_at, color_updated = NEW.updated_at, desk_updated = NEW.created_at,
    author = coalesce(NEW.author, (SELECT user FROM archive_link))
  WHERE id = NEW.id;
END;

-- The outbox: what changed here since the last push.
CREATE TRIGGER archive_outbox_article_new AFTER INSERT ON articles WHEN ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('article', NEW.id);
END;
CREATE TRIGGER archive_outbox_article_collection AFTER UPDATE OF collection ON articles
WHEN NEW.collection IS NOT OLD.collection AND NEW.collection IS NOT NULL AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('article', NEW.id);
END;
CREATE TRIGGER archive_outbox_annotation_new AFTER INSERT ON annotations WHEN NEW.is_foreign = 0 AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('annotation', NEW.id);
END;
CREATE TRIGGER archive_outbox_annotation_edit AFTER UPDATE OF note, color, desk, quote_exact, position_start, position_end ON annotations
WHEN NEW.is_foreign = 0 AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('annotation', NEW.id);
END;
CREATE TRIGGER archive_outbox_annotation_gone AFTER DELETE ON annotations WHEN OLD.is_foreign = 0 AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('annotation-delete', OLD.id);
END;
CREATE TRIGGER archive_outbox_collection_share AFTER INSERT ON archive_collection_shares WHEN ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('collection', NEW.collection);
END;
CREATE TRIGGER archive_outbox_collection_unshare AFTER DELETE ON archive_collection_shares WHEN ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('collection', OLD.collection);
END;
`;


/**
 * Schema step 13 (archive sync, issue 18): a pull stamps the search change log itself, once per page
 * (one statement for its 2,000 articles instead of two trigger runs per article), so the log's triggers
 * stand aside while archive_applying holds its row; and an article's new text (re-imported: its content
 * hash changes) goes into the outbox like a new article, so the archive and the other reporters get it.
 */
export const ARCHIVE_SYNC_STEP_SQL = `
${SEARCH_CHANGE_TRIGGERS.map((name) => `DROP TRIGGER ${name};`).join('\n')}
${searchChangeTriggersSql('NOT EXISTS (SELECT 1 FROM archive_applying)')}
CREATE TRIGGER archive_outbox_article_text AFTER UPDATE OF content_hash ON articles
WHEN NEW.content_hash IS NOT OLD.content_hash AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('article', NEW.id);
END;
`;

/**
 * Schema step 15 (archive sync, issue 18): an article moved out of its collection into none goes into
 * the outbox too (step 12 recorded only moves into a collection), so the push takes back the desk
 * shares the old collection gave it.
 */
export const ARCHIVE_COLLECTION_MOVE_STEP_SQL = `
DROP TRIGGER archive_outbox_article_collection;
CREATE TRIGGER archive_outbox_article_collection AFTER UPDATE OF collection ON articles
WHEN NEW.collection IS NOT OLD.collection AND ${RECORDING} BEGIN
  INSERT INTO archive_outbox (kind, entity_id) VALUES ('article', NEW.id);
END;
`;
