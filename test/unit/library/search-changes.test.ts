import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { MIGRATIONS } from '../../../library/migrations.ts';
import { draft, freshLibraryEachTest, temporaryFolder } from './library-fixtures.ts';

let library: Library;
let dir: string;
freshLibraryEachTest((opened, folder) => {
  library = opened;
  dir = folder;
});

/** The articles the change log lists after `since`. */
function changedSince(since: number): string[] {
  return library.changesSince(since).ids;
}

describe('search change log', () => {
  it('stamps every change to a search document, and nothing else, with a new sequence number', () => {
    const id = library.addArticle(draft({ tags: ['biển'] })).id;
    const other = library.addArticle(draft({ body: 'Bài khác hẳn.', origin: 'b.txt' })).id;
    let seq = library.changeSeq();
    expect(library.changesSince(0)).toEqual({ seq, ids: [id, other] });

    // Reading state is not in the search document.
    library.update(id, { read: true, starred: true, archived: true, readingPosition: 0.4 });
    library.trash([id]);
    library.restore([id]);
    expect(library.changeSeq()).toBe(seq);

    for (const change of [
      () => library.update(id, { title: 'Tiêu đề mới' }),
      () => library.update(id, { tags: ['biển', 'đảo'] }),
      () => library.annotations.create({ articleId: id, quote: 'đàm phán', note: 'ghi chú' }),
      () => library.annotations.update(library.annotations.forArticle(id)[0]!.id, { note: 'sửa' }),
      () => library.annotations.delete(library.annotations.forArticle(id)[0]!.id),
    ]) {
      change();
      expect(changedSince(seq)).toEqual([id]);
      expect(library.changeSeq()).toBeGreaterThan(seq);
      seq = library.changeSeq();
    }
  });

  it('stamps tags given to an article that had none (an INSERT OR IGNORE must not swallow the stamp)', () => {
    const id = library.addArticle(draft({ tags: [] })).id;
    const seq = library.changeSeq();
    library.update(id, { tags: ['mới'] });
    expect(changedSince(seq)).toEqual([id]);
  });

  it('keeps a tombstone for an article deleted for good', () => {
    const id = library.addArticle(draft()).id;
    const seq = library.changeSeq();
    library.trash([id]);
    library.emptyTrash();
    expect(changedSince(seq)).toEqual([id]);
    expect(library.searchDocuments([id])).toEqual([]);
  });

  it('does not move when a write is rolled back', () => {
    library.addArticle(draft());
    const seq = library.changeSeq();
    library.db.exec(`CREATE TRIGGER fail BEFORE INSERT ON article_tags BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    expect(() => library.addArticle(draft({ body: 'Khác.', tags: ['x'] }))).toThrow(/disk I\/O error/);
    expect(library.changeSeq()).toBe(seq);
  });

  it('counts commits of another connection to the same file', () => {
    const other = Library.open(dir);
    try {
      const seq = library.changeSeq();
      const id = other.addArticle(draft()).id;
      expect(library.changesSince(seq).ids).toEqual([id]);
    } finally {
      other.close();
    }
  });
});

describe('migration to change tracking', () => {
  it('backs the library up first and starts tracking from there', () => {
    const old = temporaryFolder();
    try {
      const path = join(old.dir, 'library.sqlite');
      const db = new DatabaseSync(path);
      db.exec(MIGRATIONS[0]!);
      db.exec(MIGRATIONS[1]!);
      db.exec('PRAGMA user_version = 2');
      db.exec(`INSERT INTO articles (id, title, title_key, language, imported_at, content_hash, origin, word_count, reading_minutes, excerpt)
        VALUES ('old', 'Bài cũ', 'bai cu', 'vi', '2024-01-01T00:00:00.000Z', 'h', 'x.txt', 2, 1, 'Bài cũ')`);
      db.close();
      const migrated = Library.open(old.dir);
      try {
        expect(existsSync(`${path}.v2.bak`)).toBe(true);
        expect(migrated.changeSeq()).toBe(0);
        const id = migrated.addArticle(draft()).id;
        expect(migrated.changesSince(0).ids).toEqual([id]);
      } finally {
        migrated.close();
      }
    } finally {
      old.remove();
    }
  });
});
