import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../importers/index.ts';
import { Library, NotFoundError, SCHEMA_VERSION, type ExportedArticle } from '../../../library/index.ts';
import { MIGRATIONS } from '../../../library/migrations.ts';
import { draft, temporaryFolder } from './library-fixtures.ts';

let folder: ReturnType<typeof temporaryFolder>;
let library: Library;

beforeEach(() => {
  folder = temporaryFolder();
  library = Library.open(folder.dir);
});

afterEach(() => {
  library.close();
  folder.remove();
});

describe('duplicates', () => {
  it('reports the same canonical URL with the same text as a duplicate, even with tracking parameters', () => {
    const first = library.addArticle(draft({ url: 'https://vnexpress.net/dam-phan-4712.html?utm_source=rss' }));
    const again = library.addArticle(draft({ url: 'https://vnexpress.net/dam-phan-4712.html#box' }));
    expect(first.status).toBe('imported');
    expect(again).toEqual({ status: 'duplicate', id: first.id });
    expect(library.counts().all).toBe(1);
  });

  it('replaces the text of a re-imported page that was edited, keeping its state and re-anchoring its highlights', () => {
    const url = 'https://tuoitre.vn/dam-phan.htm';
    const { id } = library.addArticle(draft({ url, body: 'Mở đầu. Hai bên nối lại đàm phán ngừng bắn tại Doha. Đoạn này sẽ bị xoá khỏi bài.' }));
    library.update(id, { starred: true });
    const kept = library.annotations.create({ articleId: id, quote: 'đàm phán ngừng bắn', note: 'trích dẫn' });
    const lost = library.annotations.create({ articleId: id, quote: 'Đoạn này sẽ bị xoá khỏi bài.' });
    const edited = 'Cập nhật lúc 10 giờ: phần mở đầu mới dài hơn. Hai bên nối lại đàm phán ngừng bắn tại Doha, Qatar.';

    const result = library.addArticle(draft({ url: `${url}?utm_medium=social`, body: edited }));

    expect(result).toEqual({ status: 'updated', id, orphaned: 1 });
    expect(library.get(id)).toMatchObject({ body: edited, starred: true });
    const after = library.annotations.forArticle(id);
    const moved = after.find((a) => a.id === kept.id)!;
    expect(edited.slice(moved.position.start, moved.position.end)).toBe('đàm phán ngừng bắn');
    expect(moved.note).toBe('trích dẫn');
    // What cannot be placed is kept as an orphan with its quote, never dropped.
    expect(after.find((a) => a.id === lost.id)).toMatchObject({ status: 'orphan', quote: { exact: 'Đoạn này sẽ bị xoá khỏi bài.' } });
    expect(library.counts().all).toBe(1);
  });

  it('re-anchors highlights when an export line of the same article (same id) brings edited text', () => {
    const { id } = library.addArticle(draft({ body: 'Mở đầu. Hai bên nối lại đàm phán ngừng bắn tại Doha.' }));
    const kept = library.annotations.create({ articleId: id, quote: 'đàm phán ngừng bắn' });
    const [record] = [...library.exportRecords([id])] as ExportedArticle[];
    const edited = 'Bản sửa: phần mở đầu mới. Hai bên nối lại đàm phán ngừng bắn tại Doha, Qatar.';
    expect(library.restoreArticle({ ...record!, body: edited, blocks: [{ kind: 'paragraph', start: 0, end: edited.length }] })).toEqual({ status: 'updated', id, orphaned: 0 });
    const moved = library.annotations.forArticle(id).find((a) => a.id === kept.id)!;
    expect(edited.slice(moved.position.start, moved.position.end)).toBe('đàm phán ngừng bắn');
    // The same line again changes nothing.
    expect(library.restoreArticle({ ...record!, body: edited, blocks: [{ kind: 'paragraph', start: 0, end: edited.length }] }).status).toBe('duplicate');
  });

  it('limits search to what the filter chips allow, never the trash', () => {
    const a = library.addArticle(draft({ body: 'Một.', source: 'Tuổi Trẻ' })).id;
    const b = library.addArticle(draft({ body: 'Hai.', source: 'VnExpress' })).id;
    const c = library.addArticle(draft({ body: 'Ba.', source: 'VnExpress' })).id;
    library.update(b, { starred: true, archived: true });
    library.trash([c]);
    expect([...library.searchableIds()].sort()).toEqual([a, b].sort());
    expect([...library.searchableIds({ source: 'VnExpress' })]).toEqual([b]);
    expect([...library.searchableIds({ starred: true })]).toEqual([b]);
    library.restore([c]);
    expect([...library.searchableIds({ source: 'VnExpress' })].sort()).toEqual([b, c].sort());
  });

  it('tells search what is in the trash from an index of the trash alone, not a scan of every article', () => {
    const a = library.addArticle(draft({ body: 'Bốn.' })).id;
    const b = library.addArticle(draft({ body: 'Năm.' })).id;
    library.trash([b]);
    const accepts = library.searchAccepts();
    expect([accepts(a), accepts(b)]).toEqual([true, false]);
    const plan = library.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM articles WHERE trashed_at IS NOT NULL').all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/articles_trashed/);
  });

  it('reports the same normalised content under another URL as a duplicate', () => {
    const first = library.addArticle(draft({ url: 'https://a.example/1' }));
    const again = library.addArticle(draft({ url: 'https://b.example/2', title: 'Another title' }));
    expect(again).toEqual({ status: 'duplicate', id: first.id });
  });
});

describe('durability', () => {
  it('rolls a failed write back completely: no article, no text, no tags, no change event', () => {
    library.addArticle(draft({ body: 'Bài đầu tiên vẫn còn nguyên.', tags: ['giữ'] }));
    const generation = library.generation();
    const events: unknown[] = [];
    library.onChange((event) => events.push(event));
    // The failure strikes after the article and its text are inserted, while its tags are written.
    library.db.exec(`CREATE TRIGGER fail_halfway BEFORE INSERT ON article_tags WHEN NEW.tag = 'boom'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);

    expect(() => library.addArticle(draft({ body: 'Bài thứ hai bị lỗi giữa chừng.', tags: ['ok', 'boom'] }))).toThrow(/disk I\/O error/);

    const count = (sql: string): number => Number((library.db.prepare(sql).get() as { n: number }).n);
    expect(count('SELECT count(*) AS n FROM articles')).toBe(1);
    expect(count('SELECT count(*) AS n FROM article_content')).toBe(1);
    expect(count("SELECT count(*) AS n FROM article_tags WHERE tag = 'ok'")).toBe(0);
    expect(library.generation()).toBe(generation);
    expect(events).toEqual([]);
    // The connection is usable afterwards: no transaction was left open.
    library.db.exec('DROP TRIGGER fail_halfway');
    expect(library.addArticle(draft({ body: 'Bài thứ ba.' })).status).toBe('imported');
  });

  it('writes user data with synchronous=FULL and journals in WAL', () => {
    expect(library.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(library.db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    const { id } = library.addArticle(draft());
    library.update(id, { starred: true });
    expect(library.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
  });
});

describe('migrations', () => {
  it('creates a new library without backups: it held nothing to lose', () => {
    expect(library.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('upgrades a library written by an older version and keeps a backup of it first', () => {
    library.close();
    folder.remove();
    folder = temporaryFolder();
    const path = join(folder.dir, 'library.sqlite');
    const old = new DatabaseSync(path);
    old.exec(MIGRATIONS[0]!);
    old.exec('PRAGMA user_version = 1');
    old.prepare(
      `INSERT INTO articles (id, title, title_key, source, language, imported_at, content_hash, origin, word_count, reading_minutes, excerpt)
       VALUES ('old-1', 'Bài cũ', 'bai cu', 'Tuổi Trẻ', 'vi', '2023-01-01T00:00:00.000Z', 'hash-1', 'old.txt', 3, 1, 'Nội dung cũ')`,
    ).run();
    old.prepare("INSERT INTO article_content (article_id, body, blocks) VALUES ('old-1', 'Nội dung cũ.', '[]')").run();
    old.close();

    library = Library.open(folder.dir);

    expect(library.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    expect(library.get('old-1')).toMatchObject({ title: 'Bài cũ', body: 'Nội dung cũ.', source: 'Tuổi Trẻ' });
    // The annotation tables of version 2 exist and work on the migrated article.
    expect(library.annotations.create({ articleId: 'old-1', quote: 'dung' }).position).toEqual({ type: 'TextPositionSelector', start: 4, end: 8 });
    const backupPath = `${path}.v1.bak`;
    expect(existsSync(backupPath)).toBe(true);
    const backup = new DatabaseSync(backupPath, { readOnly: true });
    expect(backup.prepare('PRAGMA user_version').get()).toEqual({ user_version: 1 });
    expect(backup.prepare('SELECT title FROM articles').all()).toEqual([{ title: 'Bài cũ' }]);
    backup.close();
  });

  it('refuses a library from a newer version instead of damaging it', () => {
    library.close();
    const db = new DatabaseSync(join(folder.dir, 'library.sqlite'));
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => Library.open(folder.dir)).toThrow(/newer Newsroom Reader/);
    library = Library.open(temporaryFolder().dir);
  });
});

describe('library operations', () => {
  it('filters, sorts and counts what the sidebar shows', () => {
    const a = library.addArticle(draft({ title: 'Bão số 3', body: 'Bão số 3 đổ bộ.', source: 'Tuổi Trẻ', publishedAt: '2024-09-07T00:00:00.000Z', tags: ['thời tiết'] })).id;
    const b = library.addArticle(draft({ title: 'Ảnh hưởng của bão', body: 'Giá rau tăng sau bão.', source: 'VnExpress', publishedAt: '2024-09-09T00:00:00.000Z' })).id;
    const c = library.addArticle(draft({ title: 'Giá vàng', body: 'Giá vàng giảm.', source: 'VnExpress', publishedAt: '2023-01-02T00:00:00.000Z' })).id;
    library.update(a, { read: true, starred: true, collection: 'Bão Yagi' });
    library.update(c, { archived: true });
    library.trash([b]);

    expect(library.counts()).toMatchObject({ all: 1, unread: 0, starred: 1, archived: 1, trash: 1, collections: [{ name: 'Bão Yagi', count: 1 }], tags: [{ name: 'thời tiết', count: 1 }] });
    expect(library.list({ view: 'trash' }).items.map((item) => item.id)).toEqual([b]);
    library.restore([b]);
    expect(library.list({ view: 'unread' }).items.map((item) => item.id)).toEqual([b]);
    expect(library.list({ sort: 'published' }).items.map((item) => item.id)).toEqual([b, a]);
    expect(library.list({ sort: 'title' }).items.map((item) => item.title)).toEqual(['Ảnh hưởng của bão', 'Bão số 3']);
    expect(library.list({ view: 'archived' }).items.map((item) => item.id)).toEqual([c]);
    expect(library.list({ source: 'VnExpress', view: 'all' }).items.map((item) => item.id)).toEqual([b]);
    expect(library.list({ from: '2024-09-08', to: '2024-09-30' }).items.map((item) => item.id)).toEqual([b]);
    expect(library.list({ tag: 'thời tiết' }).items.map((item) => item.id)).toEqual([a]);
    expect(library.list({ collection: 'Bão Yagi' }).items.map((item) => item.id)).toEqual([a]);

    library.trash([c]);
    expect(library.emptyTrash()).toBe(1);
    expect(library.get(c)).toBeNull();
    expect(library.db.prepare('SELECT count(*) AS n FROM article_content WHERE article_id = ?').get(c)).toEqual({ n: 0 });
    expect(() => library.update(c, { read: true })).toThrow(NotFoundError);
  });

  it('exports the whole library and imports it into an empty one as an equal library', async () => {
    const a = library.addArticle(draft({ url: 'https://tuoitre.vn/a.htm', tags: ['chính trị'] })).id;
    const b = library.addArticle(draft({ title: 'Wire copy', language: 'en', body: 'Talks resumed in Doha on Monday.', author: null })).id;
    library.update(a, { read: true, starred: true, collection: 'Trung Đông', readingPosition: 0.42, title: 'Đàm phán ngừng bắn được nối lại' });
    library.update(b, { archived: true });
    library.annotations.create({ articleId: a, quote: 'đàm phán ngừng bắn', color: 'green', note: 'Kiểm tra **nguồn**' });
    library.trash([b]);

    const exported = [...library.exportRecords()];
    const file = join(folder.dir, 'export.ndjson');
    writeFileSync(file, exported.map((record) => JSON.stringify(record)).join('\n') + '\n');

    const other = temporaryFolder();
    const restored = Library.open(other.dir);
    try {
      const report = await runImport([{ kind: 'path', path: file }], restored);
      expect(report.failed).toEqual([]);
      expect([...restored.exportRecords()]).toEqual(exported);
      expect(restored.counts()).toEqual(library.counts());
      // Importing the same export again adds nothing.
      const again = await runImport([{ kind: 'path', path: file }], restored);
      expect(again.imported).toEqual([]);
    } finally {
      restored.close();
      other.remove();
    }
  });

  it('backs up a consistent copy of the database to a chosen path', async () => {
    for (let i = 0; i < 20; i++) library.addArticle(draft({ body: `Bài số ${i} về đàm phán.` }));
    const path = join(folder.dir, 'backup copy.sqlite');
    const { bytes } = await library.backup(path);
    expect(bytes).toBeGreaterThan(0);
    const copy = new DatabaseSync(path, { readOnly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 20 });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    copy.close();
  });
});
