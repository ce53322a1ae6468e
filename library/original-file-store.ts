// The original files of imported documents (PDF, DOCX, EPUB), kept beside the library so a reader can
// open the page as printed. Content-addressed by SHA-256 under <library>/originals/ab/abcd….pdf: the
// same file imported twice is stored once, and a file's name says what it holds. Like photos, they
// go with the library: copied when it moves, carried inside its backups, and removed once no article
// names them (after the trash is emptied).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { OriginalFileInfo } from '../contract/documents.ts';
import { inTransaction } from './database.ts';

/** The one migration step of this store: which original an article was imported from. */
export const ORIGINAL_FILES_SCHEMA_SQL = `
CREATE TABLE article_originals (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  media_type TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_originals_sha256 ON article_originals (sha256);
`;

/** The bytes of an imported document, as the import runner hands them over. */
export interface OriginalFile {
  bytes: Uint8Array;
  mediaType: string;
  name: string;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/epub+zip': 'epub',
};

export const ORIGINALS_FOLDER = 'originals';

/** An `original` line of an NDJSON export (`export --photos`): an article's original document, its bytes in base64. */
export interface ExportedOriginal {
  format: 'newsroom-reader/1';
  type: 'original';
  articleId: string;
  sha256: string;
  mediaType: string;
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

/**
 * Only in a backup's copy of the database: the originals' bytes, so that the backup is one file that
 * holds the whole library. A library opened from it writes them out as files and drops the table.
 */
const BACKUP_TABLE = 'backup_original_files';

/** A kept file's name: its SHA-256 and the extension of its type. */
const STORED_NAME = /^([0-9a-f]{64})\.(?:pdf|docx|epub|bin)$/u;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Written through a temporary name and renamed: a crash leaves no half-written original. */
function writeWhole(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes, { flush: true });
  renameSync(temporary, path);
}

export class OriginalFileStore {
  readonly #db: DatabaseSync;
  readonly #folder: string;

  constructor(db: DatabaseSync, libraryDir: string) {
    this.#db = db;
    this.#folder = join(libraryDir, ORIGINALS_FOLDER);
  }

  #pathOf(sha256: string, mediaType: string, folder = this.#folder): string {
    return join(folder, sha256.slice(0, 2), `${sha256}.${EXTENSIONS[mediaType] ?? 'bin'}`);
  }

  /** Each kept file once (several articles may name the same one), with its type. */
  #files(db: DatabaseSync = this.#db): { sha256: string; mediaType: string }[] {
    const rows = db.prepare('SELECT DISTINCT sha256, media_type FROM article_originals ORDER BY sha256').all() as { sha256: string; media_type: string }[];
    return rows.map((row) => ({ sha256: row.sha256, mediaType: row.media_type }));
  }

  /** The paths of the kept files that exist on disk. */
  paths(): string[] {
    return this.#files()
      .map((file) => this.#pathOf(file.sha256, file.mediaType))
      .filter((path) => existsSync(path));
  }

  /**
   * Writes the file (once per content) and records it for the article, inside the caller's
   * transaction. The file is written first, through a temporary name: a rolled-back import leaves at
   * most an unreferenced file, never a row pointing at nothing.
   */
  keep(articleId: string, original: OriginalFile): void {
    const sha256 = sha256Of(original.bytes);
    const path = this.#pathOf(sha256, original.mediaType);
    if (!existsSync(path)) {
      mkdirSync(join(this.#folder, sha256.slice(0, 2)), { recursive: true });
      writeWhole(path, original.bytes);
    }
    this.#db
      .prepare('INSERT INTO article_originals (article_id, sha256, media_type, name, size) VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET sha256 = excluded.sha256, media_type = excluded.media_type, name = excluded.name, size = excluded.size')
      .run(articleId, sha256, original.mediaType, original.name, original.bytes.byteLength);
  }

  /** What is kept for an article, or null (an article from the web, or an original that went missing). */
  info(articleId: string): (OriginalFileInfo & { path: string }) | null {
    const row = this.#db.prepare('SELECT sha256, media_type, name, size FROM article_originals WHERE article_id = ?').get(articleId) as
      | { sha256: string; media_type: string; name: string; size: number }
      | undefined;
    if (!row) return null;
    const path = this.#pathOf(row.sha256, row.media_type);
    if (!existsSync(path)) return null;
    return { name: row.name, mediaType: row.media_type, size: row.size, sha256: row.sha256, path };
  }

  /**
   * Removes the files no article names any more: those of articles deleted for good (their rows went
   * with them), and any left by an import rolled back after writing its file. Runs on the thread that
   * commits imports, so a file is never between being written and being named.
   */
  collectGarbage(): { removed: number } {
    if (!existsSync(this.#folder)) return { removed: 0 };
    const named = new Set(this.#files().map((file) => file.sha256));
    let removed = 0;
    for (const shard of readdirSync(this.#folder, { withFileTypes: true })) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/u.test(shard.name)) continue;
      for (const name of readdirSync(join(this.#folder, shard.name))) {
        const sha256 = STORED_NAME.exec(name)?.[1];
        if (!sha256 || named.has(sha256)) continue;
        rmSync(join(this.#folder, shard.name, name), { force: true });
        removed++;
      }
    }
    return { removed };
  }

  /** The original of each of these articles that has one, as export lines (after the article lines: they name them). */
  *exportRecords(articleIds: readonly string[]): Generator<ExportedOriginal> {
    for (const articleId of articleIds) {
      const info = this.info(articleId);
      if (!info) continue;
      const data = readFileSync(info.path).toString('base64');
      yield { format: 'newsroom-reader/1', type: 'original', articleId, sha256: info.sha256, mediaType: info.mediaType, name: info.name, data };
    }
  }

  /**
   * An `original` line of an export, kept for its article when the article is in the library, the
   * type is one kept here and the bytes are what their hash says; false (nothing kept) otherwise.
   */
  restoreRecord(record: { type: string }, hasArticle: (id: string) => boolean): boolean {
    const { articleId, sha256, mediaType, name, data } = record as Partial<ExportedOriginal>;
    if (typeof articleId !== 'string' || typeof sha256 !== 'string' || typeof mediaType !== 'string' || typeof data !== 'string') return false;
    if (!(mediaType in EXTENSIONS) || !hasArticle(articleId)) return false;
    const bytes = Buffer.from(data, 'base64');
    if (sha256Of(bytes) !== sha256) return false;
    this.keep(articleId, { bytes, mediaType, name: typeof name === 'string' && name.trim() !== '' ? name : `${sha256}.${EXTENSIONS[mediaType]!}` });
    return true;
  }

  /** The kept files copied (hard-linked where the file system allows) into another library folder. */
  copyFilesInto(libraryDir: string): number {
    let copied = 0;
    for (const { sha256, mediaType } of this.#files()) {
      const from = this.#pathOf(sha256, mediaType);
      if (!existsSync(from)) continue;
      const to = this.#pathOf(sha256, mediaType, join(libraryDir, ORIGINALS_FOLDER));
      mkdirSync(join(to, '..'), { recursive: true, mode: 0o700 });
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
      copied++;
    }
    return copied;
  }

  /** Puts each kept file's bytes into a backup file just written from this library's database. */
  embedIntoFile(backupPath: string): number {
    const backup = new DatabaseSync(backupPath);
    try {
      let embedded = 0;
      inTransaction(backup, () => {
        backup.exec(`CREATE TABLE IF NOT EXISTS ${BACKUP_TABLE} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT, WITHOUT ROWID`);
        const insert = backup.prepare(`INSERT OR REPLACE INTO ${BACKUP_TABLE} (sha256, bytes) VALUES (?, ?)`);
        for (const { sha256, mediaType } of this.#files(backup)) {
          const path = this.#pathOf(sha256, mediaType);
          if (!existsSync(path)) continue;
          insert.run(sha256, readFileSync(path));
          embedded++;
        }
      });
      return embedded;
    } finally {
      backup.close();
    }
  }

  /**
   * A library opened from a backup: the originals it carries inside are written out as files (each
   * checked against its hash), and the copies inside are dropped.
   */
  unpackEmbedded(): number {
    const exists = this.#db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BACKUP_TABLE);
    if (!exists) return 0;
    const types = new Map(this.#files().map((file) => [file.sha256, file.mediaType]));
    let written = 0;
    for (const { sha256, bytes } of this.#db.prepare(`SELECT sha256, bytes FROM ${BACKUP_TABLE}`).all() as { sha256: string; bytes: Uint8Array }[]) {
      const mediaType = types.get(sha256);
      if (mediaType === undefined || sha256Of(bytes) !== sha256) continue;
      const path = this.#pathOf(sha256, mediaType);
      if (existsSync(path)) continue;
      mkdirSync(join(path, '..'), { recursive: true });
      writeWhole(path, bytes);
      written++;
    }
    this.#db.exec(`DROP TABLE ${BACKUP_TABLE}`);
    return written;
  }
}
