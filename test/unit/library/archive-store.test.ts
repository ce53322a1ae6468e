// The library's side of the archive without a server: the outbox its triggers fill from every write
// path, annotations' authorship and per-field times, the note history, and the link's rules.
import { describe, expect, it } from 'vitest';
import { mergeAnnotation } from '../../../archive/annotation-merge.ts';
import type { ArchiveLocalStore } from '../../../archive/archive-local-store.ts';
import type { Library } from '../../../library/index.ts';
import { draft, freshLibraryEachTest } from './library-fixtures.ts';

describe('library.archive', () => {
  let library!: Library;
  freshLibraryEachTest((opened) => (library = opened));
  const outbox = (): string[] => library.archive.outbox(100).map((entry) => `${entry.kind}:${entry.entityId}`);

  it('records nothing while the library is not linked, and everything already here when it links', () => {
    const { id } = library.addArticle(draft());
    const mark = library.annotations.create({ articleId: id, start: 0, end: 3, note: 'ghi chú' });
    expect(library.archive.pendingCount()).toBe(0);
    expect(library.archive.link()).toBeNull();
    library.archive.linkTo({ address: 'postgres://alice@archive.example:5432/news', user: 'alice' });
    expect(outbox()).toEqual([`article:${id}`, `annotation:${mark.id}`]);
    expect(library.annotations.forArticle(id)[0]).toMatchObject({ author: 'alice' });
  });

  it('refuses an address that carries a password, and a second link', () => {
    expect(() => library.archive.linkTo({ address: 'postgres://alice:secret@archive.example/news', user: 'alice' })).toThrow(/without its password/);
    library.archive.linkTo({ address: 'postgres://alice@archive.example/news', user: 'alice' });
    expect(() => library.archive.linkTo({ address: 'postgres://bob@archive.example/news', user: 'bob' })).toThrow(/already linked/);
  });

  it('captures imports, collection moves, annotation edits, shares and deletions through triggers', () => {
    library.archive.linkTo({ address: 'postgres://alice@archive.example/news', user: 'alice' });
    const { id } = library.addArticle(draft());
    library.update(id, { collection: 'Doha' });
    const mark = library.annotations.create({ articleId: id, start: 0, end: 3 });
    library.annotations.update(mark.id, { note: 'Kiểm chứng' });
    library.archive.shareAnnotations([mark.id], 'thoi-su');
    library.archive.shareCollection('Doha', 'thoi-su', true);
    library.annotations.delete(mark.id);
    expect(outbox()).toEqual([
      `article:${id}`,
      `article:${id}`,
      `annotation:${mark.id}`,
      `annotation:${mark.id}`,
      `annotation:${mark.id}`,
      'collection:Doha',
      `annotation-delete:${mark.id}`,
    ]);
    // Read state is this library's own: not pushed.
    library.update(id, { read: true, starred: true });
    expect(library.archive.pendingCount()).toBe(7);
  });

  it('stamps each field when it is written and keeps every replaced note text', async () => {
    const { id } = library.addArticle(draft());
    const mark = library.annotations.create({ articleId: id, start: 0, end: 3, note: 'một' });
    const first = library.archive.annotation(mark.id)!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    library.annotations.update(mark.id, { note: 'hai' });
    library.annotations.update(mark.id, { note: 'ba' });
    const after = library.archive.annotation(mark.id)!;
    expect(after.colorUpdated).toBe(first.colorUpdated);
    expect(after.noteUpdated > first.noteUpdated).toBe(true);
    expect(library.archive.noteHistory(mark.id).map((version) => version.note)).toEqual(['hai', 'một']);
  });

  it('writes a pulled page with the outbox quiet, marks another reporter\'s annotation foreign and read-only', () => {
    const local: ArchiveLocalStore = library.archive;
    local.linkTo({ address: 'postgres://bob@archive.example/news', user: 'bob' });
    const archiveId = '0b0e6a57-3a36-4b39-9a39-2b1a1b3c1d11';
    const time = '2026-01-02T03:04:05.000Z';
    const outcome = local.applyPull(
      {
        articles: [{ archiveId, title: 'Đàm phán', author: null, source: 'VnExpress', url: 'https://vnexpress.net/a.html', language: 'vi', publishedAt: null, body: 'Hai bên nối lại đàm phán.', blocks: [{ kind: 'paragraph', start: 0, end: 25 }] }],
        annotations: [
          {
            id: 'mark-1',
            articleArchiveId: archiveId,
            author: 'alice',
            created: time,
            quote: { type: 'TextQuoteSelector', exact: 'đàm phán', prefix: 'nối lại ', suffix: '.' },
            position: { type: 'TextPositionSelector', start: 16, end: 24 },
            color: 'pink',
            colorUpdated: time,
            note: 'Kiểm chứng',
            noteUpdated: time,
            desk: 'thoi-su',
            deskUpdated: time,
          },
        ],
        history: [{ annotationId: 'mark-1', note: 'cũ', writtenAt: '2026-01-01T00:00:00.000Z', replacedAt: time }],
        removed: [],
        highWater: 42,
      },
      mergeAnnotation,
    );
    expect(outcome).toMatchObject({ articles: [archiveId], annotations: ['mark-1'], skipped: 0 });
    expect(local.pendingCount()).toBe(0);
    expect(local.link()!.pullSeq).toBe(42);
    expect(library.annotations.forArticle(archiveId)[0]).toMatchObject({ id: 'mark-1', author: 'alice', desk: 'thoi-su', foreign: true, status: 'anchored' });
    expect(local.noteHistory('mark-1').map((version) => version.note)).toEqual(['cũ']);
    expect(() => library.annotations.delete('mark-1')).toThrow(/read-only/);
    expect(local.shareAnnotations(['mark-1'], null)).toEqual([]);
  });

  it('refuses to unlink while changes wait, unless they are discarded', () => {
    library.archive.linkTo({ address: 'postgres://alice@archive.example/news', user: 'alice' });
    library.addArticle(draft());
    expect(() => library.archive.unlink()).toThrow(/wait to be pushed/);
    library.archive.unlink({ discardPending: true });
    expect(library.archive.link()).toBeNull();
    library.addArticle(draft({ body: 'Bài khác.' }));
    expect(library.archive.pendingCount()).toBe(0);
  });
});
