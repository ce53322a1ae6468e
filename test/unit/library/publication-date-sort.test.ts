import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../library/index.ts';
import { draft, temporaryFolder } from './library-fixtures.ts';

// An article without a known publication date is never ranked by its import date as if it had been
// published then: under "published" it comes after every dated one; "imported" orders by import.
describe('sorting by publication date', () => {
  let library: Library;

  beforeEach(() => {
    library = Library.open(temporaryFolder().dir);
  });

  afterEach(() => library.close());

  it('puts undated articles last in both directions, and only "imported" ranks them by import date', async () => {
    const old = library.addArticle(draft({ title: 'Cũ', body: 'Bài cũ có ngày.', publishedAt: '2020-01-02T00:00:00.000Z' })).id;
    // Imported now, long after 2020: a sort that took the import date for a publication date would put it first.
    const undated = library.addArticle(draft({ title: 'Không ngày', body: 'Bài không có ngày đăng.', publishedAt: null })).id;
    const recent = library.addArticle(draft({ title: 'Mới', body: 'Bài mới có ngày.', publishedAt: '2024-05-06T00:00:00.000Z' })).id;
    const ids = (query: Parameters<Library['list']>[0]) => library.list(query).items.map((item) => item.id);
    expect(ids({ sort: 'published' })).toEqual([recent, old, undated]);
    expect(ids({ sort: 'published', direction: 'asc' })).toEqual([old, recent, undated]);
    expect(ids({ sort: 'imported' })).toEqual([recent, undated, old]);
    expect(library.get(undated)?.publishedAt).toBeNull();
  });

  it('reads the list from the publication-date index', () => {
    const plan = library.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM articles WHERE trashed_at IS NULL ORDER BY published_at DESC, imported_at DESC, rowid DESC LIMIT 15').all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('articles_published');
  });
});
