import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationError } from '../../../annotations/annotation-error.ts';
import { ANNOTATIONS_SCHEMA_SQL, AnnotationStore } from '../../../annotations/annotation-store.ts';
import { BODY, MINIMAL_ARTICLES_SQL, PARAGRAPHS, insertArticle, openTestLibrary, rangeOf } from './annotation-fixtures.ts';

function highlight(store: AnnotationStore, text: string, extra: { color?: 'yellow' | 'green' | 'blue' | 'pink'; note?: string } = {}) {
  return store.create({ articleId: 'a1', ...rangeOf(BODY, text), ...extra });
}

describe('AnnotationStore', () => {
  it('creates an annotation with selectors taken from the stored body', () => {
    const { store } = openTestLibrary();
    const created = highlight(store, 'lộ trình rút quân', { color: 'green', note: 'Kiểm tra với Bộ Quốc phòng' });
    expect(created).toMatchObject({
      id: 'ann-1',
      articleId: 'a1',
      status: 'anchored',
      color: 'green',
      note: 'Kiểm tra với Bộ Quốc phòng',
      quote: { type: 'TextQuoteSelector', exact: 'lộ trình rút quân', suffix: '.\n\nTheo nguồn tin của phóng viên' },
      position: { type: 'TextPositionSelector', ...rangeOf(BODY, 'lộ trình rút quân') },
    });
    expect(created.created).toBe(created.updated);
    expect(store.get(created.id)).toEqual(created);
  });

  it('rejects ranges outside the article and unknown articles', () => {
    const { store } = openTestLibrary();
    expect(() => store.create({ articleId: 'a1', start: 10, end: BODY.length + 1 })).toThrow(expect.objectContaining({ code: 'invalid-range' }));
    expect(() => store.create({ articleId: 'nope', start: 0, end: 1 })).toThrow(expect.objectContaining({ code: 'article-not-found' }));
  });

  it('creates from a typed quote, using prefix/suffix to pick the occurrence, with clear errors', () => {
    const { store } = openTestLibrary();
    const first = store.createFromQuote({ articleId: 'a1', quote: 'Hà Nội' });
    expect(first.position.start).toBe(BODY.indexOf('Hà Nội'));
    const second = store.createFromQuote({ articleId: 'a1', quote: 'Hà Nội', prefix: 'Người dân ', color: 'pink', note: 'nguồn?' });
    expect(second.position.start).toBe(BODY.lastIndexOf('Hà Nội'));
    expect(second).toMatchObject({ color: 'pink', note: 'nguồn?' });

    expect(() => store.createFromQuote({ articleId: 'a1', quote: 'Sài Gòn' })).toThrow(/quote was not found in article a1/);
    expect(() => store.createFromQuote({ articleId: 'a1', quote: 'Hà Nội', suffix: ' xyz' })).toThrow(/occurs 2 time\(s\).*prefix\/suffix/);
    try {
      store.createFromQuote({ articleId: 'a1', quote: 'Sài Gòn' });
    } catch (error) {
      expect(error).toBeInstanceOf(AnnotationError);
      expect((error as AnnotationError).code).toBe('quote-not-found');
    }
  });

  it('updates note and colour and bumps the update time only', () => {
    const { store } = openTestLibrary();
    const created = highlight(store, 'hơn 12 giờ liên tục');
    const updated = store.update(created.id, { note: '**Con số** cần xác minh' });
    expect(updated).toMatchObject({ note: '**Con số** cần xác minh', color: 'yellow', created: created.created });
    expect(updated.updated > created.updated).toBe(true);
    const recoloured = store.update(created.id, { color: 'blue' });
    expect(recoloured).toMatchObject({ note: '**Con số** cần xác minh', color: 'blue' });
    expect(store.get(created.id)).toEqual(recoloured);
    expect(() => store.update('missing', { note: 'x' })).toThrow(expect.objectContaining({ code: 'annotation-not-found' }));
  });

  it('deletes returning the annotation, and restore undoes it exactly', () => {
    const { db, store } = openTestLibrary();
    const created = highlight(store, 'mọi thứ vẫn còn trên bàn', { note: 'trích dẫn' });
    const deleted = store.delete(created.id);
    expect(deleted).toEqual(created);
    expect(store.get(created.id)).toBeNull();
    expect(store.listForArticle('a1')).toEqual([]);
    expect(store.restore(deleted)).toEqual(created);
    expect(store.listForArticle('a1')).toEqual([created]);
    // Undo after the article was re-imported meanwhile: the annotation is placed in the new text.
    store.delete(created.id);
    const newBody = `Cập nhật.\n\n${BODY}`;
    db.prepare('UPDATE article_content SET body = ? WHERE article_id = ?').run(newBody, 'a1');
    const restored = store.restore(deleted);
    expect(newBody.slice(restored.position.start, restored.position.end)).toBe('mọi thứ vẫn còn trên bàn');
    expect(restored).toMatchObject({ id: created.id, note: 'trích dẫn', created: created.created, status: 'anchored' });
  });

  it('lists an article in reading order with orphans last, and filters all annotations', () => {
    const { store } = openTestLibrary({ a1: BODY, a2: PARAGRAPHS[3]! });
    const late = highlight(store, 'thỏa thuận bền vững', { color: 'green' });
    const early = highlight(store, 'Đàm phán ngừng bắn');
    const doomed = highlight(store, 'Bộ Ngoại giao khẳng định', { color: 'green', note: 'ai nói?' });
    const other = store.createFromQuote({ articleId: 'a2', quote: 'trước Tết', color: 'green' });
    store.reanchorArticle('a1', BODY.replace('Bộ Ngoại giao khẳng định', 'Phát ngôn viên nói'));

    const listed = store.listForArticle('a1');
    expect(listed.map((annotation) => annotation.id)).toEqual([early.id, late.id, doomed.id]);
    expect(listed.at(-1)).toMatchObject({ status: 'orphan', note: 'ai nói?' });

    expect(store.listAll().map((annotation) => annotation.id)).toEqual([other.id, doomed.id, early.id, late.id]);
    expect(store.listAll({ color: 'green', articleId: 'a1' }).map((annotation) => annotation.id)).toEqual([doomed.id, late.id]);
    expect(store.listAll({ tag: 'Verify' }).map((annotation) => annotation.id)).toEqual([other.id, doomed.id, late.id]);
    store.renameColor('green', 'Kiểm chứng');
    expect(store.listAll({ tag: 'kiểm chứng' })).toHaveLength(3);
    expect(store.listAll({ tag: 'verify' })).toEqual([]);
    expect(store.colorLabels()).toEqual({ yellow: 'quote', green: 'Kiểm chứng', blue: 'figure', pink: 'idea' });
  });

  it('re-anchors after a re-import: positions follow the text, lost passages become orphans that keep quote and note', () => {
    const { store } = openTestLibrary();
    const moved = highlight(store, 'hơn 12 giờ liên tục');
    const lost = highlight(store, 'Người dân Hà Nội theo dõi sát sao diễn biến.', { note: 'Phỏng vấn thêm' });
    const newBody = `Cập nhật: thêm thông tin.\n\n${[PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n')}`;

    const report = store.reanchorArticle('a1', newBody);
    expect(report).toEqual({ articleId: 'a1', anchored: 1, orphaned: [lost.id], recovered: [] });
    const movedNow = store.get(moved.id)!;
    expect(newBody.slice(movedNow.position.start, movedNow.position.end)).toBe('hơn 12 giờ liên tục');
    expect(movedNow.status).toBe('anchored');
    expect(store.get(lost.id)).toMatchObject({ status: 'orphan', quote: lost.quote, note: 'Phỏng vấn thêm', position: lost.position });

    // The passage comes back in a later edition: the orphan is placed again.
    const again = store.reanchorArticle('a1', BODY);
    expect(again.recovered).toEqual([lost.id]);
    expect(store.get(lost.id)).toMatchObject({ status: 'anchored', position: lost.position });
  });

  it('updates the quote to the edited text when an annotation is fuzzy re-anchored', () => {
    const { store } = openTestLibrary();
    const created = highlight(store, 'Bộ Ngoại giao khẳng định hoà bình là ưu tiên hàng đầu');
    const newBody = BODY.replace('hoà bình', 'hòa bình');
    store.reanchorArticle('a1', newBody.normalize('NFD'));
    const now = store.get(created.id)!;
    expect(now.quote.exact).toBe('Bộ Ngoại giao khẳng định hòa bình là ưu tiên hàng đầu');
    expect(newBody.slice(now.position.start, now.position.end)).toBe(now.quote.exact);
  });

  it('removes annotations with their article', () => {
    const { db, store } = openTestLibrary();
    highlight(store, 'Đàm phán ngừng bắn');
    db.prepare('DELETE FROM articles WHERE id = ?').run('a1');
    expect(store.listAll()).toEqual([]);
  });

  it('restores NDJSON export records into another library without loss', () => {
    const { store } = openTestLibrary();
    highlight(store, 'Đàm phán ngừng bắn', { note: 'tiêu đề' });
    highlight(store, 'thỏa thuận bền vững', { color: 'pink' });
    store.reanchorArticle('a1', BODY.replace('thỏa thuận bền vững', 'kết quả'));
    const records = store.exportRecords();
    expect(records.map((record) => [record.format, record.type, record.status])).toEqual([
      ['newsroom-reader/1', 'annotation', 'anchored'],
      ['newsroom-reader/1', 'annotation', 'orphan'],
    ]);
    const lines = records.map((record) => JSON.stringify(record));

    const copy = openTestLibrary({ a1: BODY.replace('thỏa thuận bền vững', 'kết quả') });
    expect(lines.map((line) => copy.store.restoreRecord(JSON.parse(line)))).toEqual([
      { status: 'imported', id: 'ann-1' },
      { status: 'imported', id: 'ann-2' },
    ]);
    expect(copy.store.listForArticle('a1')).toEqual(store.listForArticle('a1'));
    expect(copy.store.restoreRecord(JSON.parse(lines[0]!))).toEqual({ status: 'duplicate', id: 'ann-1' });
    expect(() => copy.store.restoreRecord({ ...records[0], color: 'purple' })).toThrow(/Invalid annotation record: color/);
  });
});

describe('AnnotationStore durability', () => {
  let directory: string | null = null;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = null;
  });

  it('commits each change before returning, with synchronous=FULL, and leaves the connection as it found it', () => {
    directory = mkdtempSync(join(tmpdir(), 'annotations-'));
    const path = join(directory, 'library.sqlite');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
    db.exec(MINIMAL_ARTICLES_SQL);
    db.exec(ANNOTATIONS_SCHEMA_SQL);
    insertArticle(db, 'a1', BODY);

    const seen: number[] = [];
    const store = new AnnotationStore(db);
    const original = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (sql === 'COMMIT') seen.push(Number(db.prepare('PRAGMA synchronous').get()!.synchronous));
      original(sql);
    };
    const created = store.create({ articleId: 'a1', ...rangeOf(BODY, 'Hà Nội') });
    expect(seen).toEqual([2]);
    expect(db.isTransaction).toBe(false);
    expect(db.prepare('PRAGMA synchronous').get()!.synchronous).toBe(1);

    const reader = new DatabaseSync(path, { readOnly: true });
    expect(reader.prepare('SELECT id FROM annotations').all()).toEqual([{ id: created.id }]);
    reader.close();
    db.close();
  });

  it('joins a transaction the library already opened instead of failing', () => {
    const { db, store } = openTestLibrary();
    const created = store.create({ articleId: 'a1', ...rangeOf(BODY, 'Hà Nội') });
    db.exec('BEGIN IMMEDIATE');
    store.reanchorArticle('a1', `Mới.\n\n${BODY}`);
    db.exec('ROLLBACK');
    expect(store.get(created.id)).toEqual(created);
  });

  it('writes nothing when a batch fails part-way', () => {
    const { db, store } = openTestLibrary();
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON annotations WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const base = { articleId: 'a1', quote: { type: 'TextQuoteSelector' as const, exact: 'Hà Nội', prefix: '', suffix: '' }, position: null, color: 'yellow' as const, created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z' };
    expect(() => store.importAnnotations([{ ...base, id: 'ok', note: '' }, { ...base, id: 'bad', note: 'boom' }])).toThrow(/refused/);
    expect(store.listAll()).toEqual([]);
  });
});
