// The original files of imported documents (PDF, DOCX, EPUB), kept beside the library so a reader can
// open the page as printed. Content-addressed by SHA-256 under <library>/originals/ab/abcd….pdf: the
// same file imported twice is stored once, and a file's name says what it holds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { OriginalFileInfo } from '../contract/documents.ts';

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

export class OriginalFileStore {
  readonly #db: DatabaseSync;
  readonly #folder: string;

  constructor(db: DatabaseSync, libraryDir: string) {
    this.#db = db;
    this.#folder = join(libraryDir, 'originals');
  }

  #pathOf(sha256: string, mediaType: string): string {
    return join(this.#folder, sha256.slice(0, 2), `${sha256}.${EXTENSIONS[mediaType] ?? 'bin'}`);
  }

  /**
   * Writes the file (once per content) and records it for the article, inside the caller's
   * transaction. The file is written first, through a temporary name: a rolled-back import leaves at
   * most an unreferenced file, never a row pointing at nothing.
   */
  keep(articleId: string, original: OriginalFile): void {
    const sha256 = createHash('sha256').update(original.bytes).digest('hex');
    const path = this.#pathOf(sha256, original.mediaType);
    if (!existsSync(path)) {
      mkdirSync(join(this.#folder, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, original.bytes, { flush: true });
      renameSync(temporary, path);
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
}
