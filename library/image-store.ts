// Photos kept with articles: content-addressed files (`images/ab/<sha256>.<ext>` in the library folder)
// and one row each in SQLite. Which article uses which photo is read from the stored blocks by
// triggers, so every way an article is written (import, re-import, feed refresh, restore) keeps the
// references right without the library's code knowing about photos, and deleting an article drops
// its references by cascade. A photo no article uses any more is removed by collectGarbage().
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './database.ts';
import { makeFolder } from './make-folder.ts';
import { MEDIA_TYPES, sniffImage, type ImageExtension, type ImageRefusal } from './image-sniff.ts';

/** Schema step: the photos, and which article's blocks name which photo. */
export const IMAGES_SCHEMA_SQL = `
  CREATE TABLE images (
    ref TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    stored_at TEXT NOT NULL,
    -- Only in a backup's copy of the database: the file itself, so that a backup is one whole file.
    embedded BLOB
  ) WITHOUT ROWID;
  CREATE TABLE article_images (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ref TEXT NOT NULL,
    PRIMARY KEY (article_id, ref)
  ) WITHOUT ROWID;
  CREATE INDEX article_images_ref ON article_images (ref);
  CREATE TRIGGER article_images_on_insert AFTER INSERT ON article_content
  WHEN instr(NEW.blocks, '"image":"') > 0 BEGIN
    INSERT OR IGNORE INTO article_images (article_id, ref)
      SELECT NEW.article_id, json_extract(value, '$.figure.image') FROM json_each(NEW.blocks)
      WHERE json_extract(value, '$.figure.image') IS NOT NULL;
  END;
  CREATE TRIGGER article_images_on_update AFTER UPDATE OF blocks ON article_content BEGIN
    DELETE FROM article_images WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO article_images (article_id, ref)
      SELECT NEW.article_id, json_extract(value, '$.figure.image') FROM json_each(NEW.blocks)
      WHERE json_extract(value, '$.figure.image') IS NOT NULL;
  END;
`;

export const IMAGES_FOLDER = 'images';

/** One photo as a line of a library export. */
export interface ExportedImage {
  format: 'newsroom-reader/1';
  type: 'image';
  ref: string;
  mediaType: string;
  /** The file's bytes, base64. */
  data: string;
}

/** What storing a photo gives back: its reference (for a figure block) and what the reader needs to lay it out. */
export interface StoredImage {
  ref: string;
  mediaType: string;
  width: number | null;
  height: number | null;
  size: number;
}

/** Bytes that are not a photo the library keeps (not an image, an SVG, nothing at all). */
export class ImageRefusedError extends Error {
  readonly refusal: ImageRefusal;

  constructor(refusal: ImageRefusal) {
    super(refusal === 'svg' ? 'SVG images are not kept' : refusal === 'empty' ? 'the image is empty' : 'not an image (JPEG, PNG, GIF, WebP or AVIF)');
    this.name = 'ImageRefusedError';
    this.refusal = refusal;
  }
}

/** `ab/<hash>.<ext>` under the images folder, or null for anything that is not a photo reference. */
export function imageRelativePath(ref: string): string | null {
  const match = /^([0-9a-f]{2})[0-9a-f]{62}\.(jpg|png|gif|webp|avif)$/.exec(ref);
  return match ? join(match[1]!, ref) : null;
}

export function mediaTypeOfRef(ref: string): string | null {
  const ext = /\.(jpg|png|gif|webp|avif)$/.exec(ref)?.[1] as ImageExtension | undefined;
  return ext ? MEDIA_TYPES[ext] : null;
}

/** Writes a file whole or not at all: a temp file beside it, synced, then renamed into place. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${randomUUID()}.partial`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export class ImageStore {
  readonly #db: DatabaseSync;
  readonly folder: string;
  /** Stored for an article not committed yet: garbage collection leaves them alone until released. */
  readonly #held = new Map<string, number>();

  constructor(db: DatabaseSync, libraryDir: string) {
    this.#db = db;
    this.folder = join(libraryDir, IMAGES_FOLDER);
  }

  pathOf(ref: string): string | null {
    const relative = imageRelativePath(ref);
    return relative ? join(this.folder, relative) : null;
  }

  /**
   * Keeps a photo: sniffs what it really is (the claimed `mediaType` is not trusted), writes the file
   * once per content, and records it. The photo is held from garbage collection until `release(ref)`,
   * which the caller does once the article that names it is committed (or given up).
   */
  storeImage(bytes: Uint8Array, mediaType?: string): StoredImage {
    void mediaType;
    const sniffed = sniffImage(bytes);
    if ('refused' in sniffed) throw new ImageRefusedError(sniffed.refused);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const ref = `${hash}.${sniffed.ext}`;
    this.#held.set(ref, (this.#held.get(ref) ?? 0) + 1);
    const path = this.pathOf(ref)!;
    if (!existsSync(path)) {
      makeFolder(join(path, '..'), 0o700);
      writeAtomically(path, bytes);
    }
    inTransaction(this.#db, () => {
      this.#db
        .prepare('INSERT OR IGNORE INTO images (ref, media_type, size, width, height, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(ref, sniffed.mediaType, bytes.byteLength, sniffed.width, sniffed.height, new Date().toISOString());
    });
    return { ref, mediaType: sniffed.mediaType, width: sniffed.width, height: sniffed.height, size: bytes.byteLength };
  }

  release(refs: Iterable<string>): void {
    for (const ref of refs) {
      const count = (this.#held.get(ref) ?? 0) - 1;
      if (count > 0) this.#held.set(ref, count);
      else this.#held.delete(ref);
    }
  }

  /** How many articles name the photo (0 for one that is kept only while held, or unknown). */
  references(ref: string): number {
    const row = this.#db.prepare('SELECT count(*) AS n FROM article_images WHERE ref = ?').get(ref) as { n: number };
    return Number(row.n);
  }

  /** Every photo the library holds, by reference. */
  refs(): string[] {
    return (this.#db.prepare('SELECT ref FROM images ORDER BY ref').all() as { ref: string }[]).map((row) => row.ref);
  }

  /**
   * Removes the photos no article names any more (after the trash is emptied), rows first, then files:
   * a crash in between leaves a stray file, never a row without its file.
   */
  collectGarbage(): { removed: number } {
    const unused = (this.#db.prepare('SELECT ref FROM images WHERE ref NOT IN (SELECT ref FROM article_images)').all() as { ref: string }[])
      .map((row) => row.ref)
      .filter((ref) => !this.#held.has(ref));
    if (unused.length === 0) return { removed: 0 };
    inTransaction(this.#db, () => {
      const remove = this.#db.prepare('DELETE FROM images WHERE ref = ? AND ref NOT IN (SELECT ref FROM article_images)');
      for (const ref of unused) remove.run(ref);
    });
    for (const ref of unused) rmSync(this.pathOf(ref)!, { force: true });
    return { removed: unused.length };
  }

  /** The photo files copied (hard-linked where the file system allows) into another library folder. */
  copyFilesInto(libraryDir: string): number {
    let copied = 0;
    for (const ref of this.refs()) {
      const from = this.pathOf(ref)!;
      if (!existsSync(from)) continue;
      const to = join(libraryDir, IMAGES_FOLDER, imageRelativePath(ref)!);
      makeFolder(join(to, '..'), 0o700);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
      copied++;
    }
    return copied;
  }

  /** Puts each photo's bytes into a backup's copy of the database, so the backup needs no other file. */
  embedInto(backup: DatabaseSync): number {
    const update = backup.prepare('UPDATE images SET embedded = ? WHERE ref = ?');
    let embedded = 0;
    inTransaction(backup, () => {
      for (const ref of (backup.prepare('SELECT ref FROM images').all() as { ref: string }[]).map((row) => row.ref)) {
        const path = this.pathOf(ref);
        if (!path || !existsSync(path)) continue;
        update.run(readFileSync(path), ref);
        embedded++;
      }
    });
    return embedded;
  }

  /** The same, for a backup file just written (not the live database). */
  embedIntoFile(path: string): number {
    const backup = new DatabaseSync(path);
    try {
      return this.embedInto(backup);
    } finally {
      backup.close();
    }
  }

  /** NDJSON export lines carrying the photos the given articles name (`export --photos`). */
  *exportRecords(articleIds: readonly string[]): Generator<ExportedImage> {
    const refs = new Set<string>();
    const named = this.#db.prepare('SELECT ref FROM article_images WHERE article_id = ?');
    for (const id of articleIds) for (const row of named.all(id) as { ref: string }[]) refs.add(row.ref);
    for (const ref of [...refs].sort()) {
      const path = this.pathOf(ref);
      const row = this.#db.prepare('SELECT media_type FROM images WHERE ref = ?').get(ref) as { media_type: string } | undefined;
      if (!path || !row || !existsSync(path)) continue;
      yield { format: 'newsroom-reader/1', type: 'image', ref, mediaType: row.media_type, data: readFileSync(path).toString('base64') };
    }
  }

  /** A photo line of an export, kept when its bytes are what its name says; anything else is ignored. */
  restoreRecord(record: { type: string }): boolean {
    const { ref, data } = record as Partial<ExportedImage>;
    if (typeof ref !== 'string' || typeof data !== 'string' || !imageRelativePath(ref)) return false;
    const bytes = Buffer.from(data, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== ref.slice(0, 64)) return false;
    try {
      const stored = this.storeImage(bytes);
      this.release([stored.ref]);
      return stored.ref === ref;
    } catch (error) {
      if (error instanceof ImageRefusedError) return false;
      throw error;
    }
  }

  /**
   * A library opened from a backup: the photos it carries inside are written out as files (checked
   * against their hash), and the copies inside are dropped.
   */
  unpackEmbedded(): number {
    const rows = this.#db.prepare('SELECT ref, embedded FROM images WHERE embedded IS NOT NULL').all() as { ref: string; embedded: Uint8Array }[];
    let written = 0;
    for (const { ref, embedded } of rows) {
      const path = this.pathOf(ref);
      const hash = createHash('sha256').update(embedded).digest('hex');
      if (!path || !ref.startsWith(hash)) continue;
      if (!existsSync(path)) {
        makeFolder(join(path, '..'), 0o700);
        writeAtomically(path, embedded);
        written++;
      }
    }
    if (rows.length) inTransaction(this.#db, () => this.#db.prepare('UPDATE images SET embedded = NULL WHERE embedded IS NOT NULL').run());
    return written;
  }
}
