// The annotation service on an in-memory database, behind a recording AnnotationLibrary: every
// change goes through the library's write and names its article, and export files are built here.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { exportAnnotations } from '../../../annotations/annotation-export.ts';
import { AnnotationService, type AnnotationLibrary } from '../../../annotations/annotation-service.ts';
import { ANNOTATIONS_SCHEMA_SQL } from '../../../annotations/annotation-store.ts';
import { ANNOTATION_IMPORT_RECORD, type AnnotatedArticle } from '../../../annotations/model.ts';
import { BODY, MINIMAL_ARTICLES_SQL, insertArticle, rangeOf } from './annotation-fixtures.ts';

const ARTICLE: AnnotatedArticle = { id: 'a1', title: 'Đàm phán: ngày thứ ba / Hà Nội', source: 'Thông tấn', url: 'https://example.vn/dam-phan', publishedAt: '2025-01-02' };

function openService(): { service: AnnotationService; writes: string[][]; failNextWrite: () => void } {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(MINIMAL_ARTICLES_SQL);
  db.exec(ANNOTATIONS_SCHEMA_SQL);
  insertArticle(db, ARTICLE.id, BODY);
  const writes: string[][] = [];
  let failing = false;
  const library: AnnotationLibrary = {
    db,
    write: (work) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const { result, changed } = work();
        if (failing) throw new Error('disk full');
        db.exec('COMMIT');
        writes.push(changed);
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    article: (id) => (id === ARTICLE.id ? ARTICLE : null),
    articleIdForUrl: (url) => (url === ARTICLE.url ? ARTICLE.id : null),
  };
  let serial = 0;
  const service = new AnnotationService(library, { newId: () => `ann-${++serial}` });
  return { service, writes, failNextWrite: () => (failing = true) };
}

describe('AnnotationService', () => {
  it('writes every change through the library, naming the article to re-index', () => {
    const { service, writes } = openService();
    const created = service.create({ articleId: 'a1', ...rangeOf(BODY, 'lộ trình rút quân'), note: 'kiểm tra' });
    service.update(created.id, { color: 'pink' });
    const deleted = service.delete(created.id);
    service.restore(deleted);
    service.create({ articleId: 'a1', quote: 'Hà Nội' });
    expect(writes).toEqual([['a1'], ['a1'], ['a1'], ['a1'], ['a1']]);
    expect(service.forArticle('a1').map((annotation) => annotation.quote.exact)).toEqual(['Hà Nội', 'lộ trình rút quân']);
  });

  it('keeps nothing of a change whose library write fails', () => {
    const { service, failNextWrite } = openService();
    failNextWrite();
    expect(() => service.create({ articleId: 'a1', quote: 'Hà Nội' })).toThrow('disk full');
    expect(service.list()).toEqual([]);
  });

  it('places a highlight read from an annotation export in the article its URL names', () => {
    const { service, writes } = openService();
    const record = {
      format: 'newsroom-reader/1',
      type: ANNOTATION_IMPORT_RECORD,
      article: { id: 'elsewhere-1', url: ARTICLE.url },
      annotation: {
        id: 'imported-1',
        quote: { type: 'TextQuoteSelector', exact: 'lộ trình rút quân', prefix: '', suffix: '' },
        position: null,
        color: 'blue',
        note: '',
        created: '2025-01-01T00:00:00.000Z',
        updated: '2025-01-01T00:00:00.000Z',
      },
    } as const;
    expect(service.restoreRecord(record)).toEqual({ status: 'imported', id: 'imported-1' });
    expect(service.restoreRecord(record)).toEqual({ status: 'duplicate', id: 'imported-1' });
    expect(writes).toEqual([['a1'], []]);
    expect(service.restoreRecord({ type: 'article' })).toBeNull();
    const elsewhere = { ...record, article: { id: null, url: 'https://example.vn/khac' } };
    expect(() => service.restoreRecord(elsewhere)).toThrow(/not in the library/);
  });
});

describe('exportAnnotations', () => {
  it('names the Markdown file after the article and the JSON-LD file after the article or the day', () => {
    const { service } = openService();
    service.create({ articleId: 'a1', quote: 'Hà Nội', note: 'địa điểm' });
    const markdown = exportAnnotations(service, { format: 'md', articleId: 'a1' })!;
    expect(markdown.filename).toBe('Đàm phán ngày thứ ba Hà Nội.md');
    expect(markdown.mediaType).toBe('text/markdown');
    expect(markdown.content).toContain('> Hà Nội');
    const one = exportAnnotations(service, { format: 'jsonld', articleId: 'a1' })!;
    expect(one.filename).toBe('annotations-a1.jsonld');
    expect(JSON.parse(one.content).first.items[0].target.source).toBe(ARTICLE.url);
    const all = exportAnnotations(service, { format: 'jsonld' }, new Date('2025-03-04T10:00:00Z'))!;
    expect(all.filename).toBe('newsroom-annotations-2025-03-04.jsonld');
    expect(JSON.parse(all.content).total).toBe(1);
  });

  it('has no file for an article that is not in the library', () => {
    const { service } = openService();
    expect(exportAnnotations(service, { format: 'md', articleId: 'nope' })).toBeNull();
    expect(exportAnnotations(service, { format: 'jsonld', articleId: 'nope' })).toBeNull();
  });
});
