// Every statement a refresh runs to recognise and write an item (known item? same URL? same text?
// insert, item row, update) must find its rows through an index: a scan of the articles or of the
// items would cost more with every article the library holds, and a first refresh of 10,000 items
// into a library of 20,000 would slow down as it went.
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../../library/index.ts';
import type { ArticleDraft } from '../../../library/model.ts';
import { SourceStore } from '../../../library/source-store.ts';
import { freshLibraryEachTest } from '../library/library-fixtures.ts';

const BIG_TABLES = /\bSCAN (articles|article_content|article_tags|source_items)\b/;

function draft(n: number, body = `Nội dung bài số ${n} về giá xăng hôm nay.`): ArticleDraft {
  const blocks = [{ kind: 'paragraph' as const, start: 0, end: body.length }];
  return { title: `Bài ${n}`, author: null, source: 'Nguồn', url: `https://tin.example.vn/bai-${n}?utm_source=rss`, language: 'vi', publishedAt: null, body, blocks, origin: 'feed', tags: [] };
}

/** Records the text of every statement prepared on `db` from now on. */
function recordStatements(db: DatabaseSync): string[] {
  const texts: string[] = [];
  const prepare = db.prepare.bind(db);
  Object.defineProperty(db, 'prepare', {
    configurable: true,
    value: (text: string) => {
      texts.push(text);
      return prepare(text);
    },
  });
  return texts;
}

describe('the statements a refresh runs per item', () => {
  let library: Library;
  freshLibraryEachTest((opened) => (library = opened));

  it('find their rows through an index, never by scanning the articles or the items', () => {
    // From the start: statements are prepared once per connection, at their first use.
    const texts = recordStatements(library.db);
    const store = new SourceStore(library.db);
    const source = store.add({ url: 'https://tin.example.vn/rss', title: 'Tin', nextRefreshAt: new Date().toISOString() });
    for (let n = 0; n < 20; n++) library.addArticle(draft(n));

    library.importBatch((each) => {
      // A new item, an item already in the library by its URL, the same text under another URL, a changed item.
      expect(store.knownItem(source.id, 'guid:moi')).toBeUndefined();
      const added = each(() => library.addArticle(draft(100)));
      each(() => store.rememberItem(source.id, 'guid:moi', added.id, 'h1', false));
      expect(each(() => library.addArticle(draft(3))).status).toBe('duplicate');
      expect(each(() => library.addArticle({ ...draft(4), url: 'https://khac.example.vn/ban-sao' })).status).toBe('duplicate');
      expect(each(() => library.addArticle(draft(5, 'Nội dung đã sửa của bài số 5.'))).status).toBe('updated');
      expect(each(() => library.updateArticle(added.id, draft(100, 'Bài 100, bản cập nhật.')))?.status).toBe('updated');
      expect(store.knownItem(source.id, 'guid:moi')?.articleId).toBe(added.id);
    });

    const lookups = texts.filter((text) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(text));
    // The dedup lookups themselves were among them.
    expect(lookups.some((text) => /url_key = \?/.test(text))).toBe(true);
    expect(lookups.some((text) => /content_hash = \?/.test(text))).toBe(true);
    expect(lookups.some((text) => /FROM source_items WHERE source_id = \? AND item_key = \?/.test(text))).toBe(true);
    const scans = lookups.flatMap((text) => {
      const plan = library.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as { detail: string }[];
      return plan.filter((row) => BIG_TABLES.test(row.detail)).map((row) => `${row.detail} in: ${text.trim().slice(0, 120)}`);
    });
    expect(scans).toEqual([]);
  });
});
