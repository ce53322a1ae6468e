import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LibraryView, PAGE } from '../../../renderer/state/library-view.ts';
import { Notices } from '../../../renderer/state/notices.ts';
import { draft } from '../library/library-fixtures.ts';
import { HostClient } from './host-client.ts';

const ARTICLES = PAGE + 40;

describe('LibraryView', () => {
  let client: HostClient;
  let notices: Notices;
  let view: LibraryView;

  beforeAll(async () => {
    client = await HostClient.open();
    for (let i = 0; i < ARTICLES; i++) {
      const body = `Bài số ${i} về thị trường lúa gạo ở đồng bằng sông Cửu Long.`;
      client.context.library.addArticle(draft({ title: `Bài ${String(i).padStart(3, '0')}`, body, origin: `a${i}.txt`, source: i % 2 ? 'Tuổi Trẻ' : 'VnExpress' }));
    }
  });

  afterAll(async () => {
    await client.close();
  });

  beforeEach(() => {
    client.calls.length = 0;
    notices = new Notices();
    view = new LibraryView(client, notices);
  });

  it('loads the counts and the first page, then the next page when asked, until the list is complete', async () => {
    await view.reload();
    expect(view.counts?.all).toBe(ARTICLES);
    expect(view.items).toHaveLength(PAGE);
    expect(view.total).toBe(ARTICLES);
    await view.loadMore();
    expect(view.items).toHaveLength(ARTICLES);
    expect(new Set(view.items.map((item) => item.id)).size).toBe(ARTICLES);
    await view.loadMore();
    expect(client.callsOf('library.list')).toHaveLength(2);
  });

  it('asks for one more page at a time, however often the list asks', async () => {
    await view.reload();
    await Promise.all([view.loadMore(), view.loadMore(), view.loadMore()]);
    expect(client.callsOf('library.list')).toEqual([
      { view: 'all', sort: 'published', offset: 0, limit: PAGE },
      { view: 'all', sort: 'published', offset: PAGE, limit: PAGE },
    ]);
  });

  it('a reload keeps as many rows as the list has shown', async () => {
    await view.reload();
    await view.loadMore();
    await view.reload();
    expect(view.items).toHaveLength(ARTICLES);
    expect(client.callsOf('library.list').at(-1)).toMatchObject({ offset: 0, limit: ARTICLES });
  });

  it('another selection or order starts the list over, and the host is asked for it', async () => {
    await view.reload();
    await view.loadMore();
    view.choose({ selection: { view: 'all', source: 'Tuổi Trẻ' } });
    expect(view.items).toEqual([]);
    await view.reload();
    expect(view.total).toBe(ARTICLES / 2);
    expect(view.items.every((item) => item.source === 'Tuổi Trẻ')).toBe(true);
    view.choose({ sort: 'title' });
    await view.reload();
    expect(client.callsOf('library.list').at(-1)).toEqual({ view: 'all', source: 'Tuổi Trẻ', sort: 'title', offset: 0, limit: PAGE });
    expect(view.items[0]?.title).toBe('Bài 001');
  });

  it('says whether the library is empty only once the counts are known', async () => {
    expect(view.empty).toBe(false);
    await view.reload();
    expect(view.empty).toBe(false);
  });

  it('keeps the host’s information and follows a move of the library', async () => {
    await view.loadInfo();
    expect(view.info?.libraryDir).toBeTruthy();
    view.libraryMoved('/elsewhere');
    expect(view.info?.libraryDir).toBe('/elsewhere');
  });
});
