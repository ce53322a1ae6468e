import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { copyLibraryTo } from '../../../commands/library-relocation.ts';
import { Library } from '../../../library/index.ts';
import type { ArticleDraft } from '../../../library/model.ts';

const PDF = 'application/pdf';
const folders: string[] = [];
const open: Library[] = [];
function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
function library(dir = folder('nr-originals-')): Library {
  const lib = Library.open(dir);
  open.push(lib);
  return lib;
}
afterEach(() => {
  for (const lib of open.splice(0)) lib.close();
});
afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function draft(text: string): ArticleDraft {
  const body = `Công văn ${text} gửi các cơ quan báo chí.`;
  return { title: `Công văn ${text}`, author: null, source: null, url: null, language: 'vi', publishedAt: null, body, blocks: [{ kind: 'paragraph', start: 0, end: body.length }], origin: `${text}.pdf`, tags: [] };
}

/** Bytes standing for a document: the store keeps whatever it is given, by its hash. */
const documentBytes = (text: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/** An article imported from `text`.pdf, with the file kept. */
function imported(lib: Library, text: string, bytes = documentBytes(text)): string {
  const { id } = lib.addArticle(draft(text));
  lib.keepOriginal(id, { bytes, mediaType: PDF, name: `${text}.pdf` });
  return id;
}

function keptFiles(libraryDir: string): string[] {
  const originals = join(libraryDir, 'originals');
  if (!existsSync(originals)) return [];
  return readdirSync(originals, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

describe('original files go with the library', () => {
  it('are removed once no article names them, when the trash is emptied', () => {
    const lib = library();
    const shared = documentBytes('chung');
    const first = imported(lib, 'một', shared);
    const second = imported(lib, 'hai');
    const third = imported(lib, 'ba', shared);
    const sharedName = basename(lib.originals.info(first)!.path);
    expect(keptFiles(lib.dir)).toHaveLength(2);

    // In the trash, an article keeps its original: it can still be restored.
    lib.trash([first, second]);
    expect(keptFiles(lib.dir)).toHaveLength(2);
    lib.emptyTrash();
    // The shared file stays while the third article names it; the second's is gone.
    expect(keptFiles(lib.dir)).toEqual([sharedName]);
    expect(lib.originals.info(third)).not.toBeNull();
    expect(lib.originals.info(second)).toBeNull();

    lib.trash([third]);
    lib.emptyTrash();
    expect(keptFiles(lib.dir)).toEqual([]);
  });

  it('also removes a file left by an import rolled back after writing it', () => {
    const lib = library();
    const kept = imported(lib, 'giữ');
    lib.db.exec('BEGIN');
    imported(lib, 'bỏ');
    lib.db.exec('ROLLBACK');
    expect(keptFiles(lib.dir)).toHaveLength(2);
    expect(lib.originals.collectGarbage()).toEqual({ removed: 1 });
    expect(lib.originals.info(kept)).not.toBeNull();
  });

  it('are carried inside a backup, and written out again by a library opened from it', async () => {
    const lib = library();
    const bytes = documentBytes('sao lưu');
    const id = imported(lib, 'sao lưu', bytes);
    const out = folder('nr-originals-backup-');
    await lib.backup(join(out, 'backup.sqlite'));
    // The live library's database holds no copy.
    expect(lib.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'backup_original_files'").get()).toEqual({ n: 0 });

    const restoredDir = join(out, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(join(out, 'backup.sqlite'), join(restoredDir, 'library.sqlite'));
    const restored = library(restoredDir);
    const info = restored.originals.info(id)!;
    expect(info.path.startsWith(restoredDir)).toBe(true);
    expect(new Uint8Array(readFileSync(info.path))).toEqual(bytes);
    expect(restored.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'backup_original_files'").get()).toEqual({ n: 0 });
  });

  it('are copied when the library moves', async () => {
    const lib = library();
    const bytes = documentBytes('chuyển');
    const id = imported(lib, 'chuyển', bytes);
    const target = join(folder('nr-originals-move-'), 'moved');
    await copyLibraryTo(lib, target);
    const moved = library(target);
    const info = moved.originals.info(id)!;
    expect(info.path.startsWith(target)).toBe(true);
    expect(new Uint8Array(readFileSync(info.path))).toEqual(bytes);
  });
});
